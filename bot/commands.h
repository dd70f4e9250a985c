// Commands: the caseworker slash-commands (Dutch first, English aliases): /crisis (/new),
// /oproepen (/calls), /bord (/board), /kies (/pick), /bevestig (/confirm), /volgende
// (/next), /golf (/wave), /dringend (/urgent), /verleng (/extend), /sluit (/close),
// /annuleer (/cancel), /gezin (/family), /gezinnen (/families), /koppel (/link), /help.
// Stateless functions over one unit of work (the Outbox); the handlers live in
// bot/commands_*.cpp and bot/linking.cpp.
#pragma once

#include <string>
#include <string_view>

#include "bot/guard/anonymization_guard.h"
#include "bot/hasher.h"
#include "bot/links.h"
#include "bot/outbound.h"
#include "bot/postcodes.h"
#include "bot/random.h"
#include "bot/types.h"

namespace noodbel {

enum class CommandKind {
  kCrisis, kBoard, kCalls, kClose, kCancel, kPick, kConfirm, kNext, kWave, kUrgent, kExtend,
  kFamily, kFamilies, kLink, kHelp, kUnknown
};

struct ParsedCommand {
  CommandKind kind = CommandKind::kUnknown;
  std::string word;  // as typed, lower-case, without "/" and "@botname": "bord"
  std::string args;  // the rest, trimmed
};

// Splits "/bord@noodbel_bot K42" into its command and arguments. The leading "/" may be
// left out.
ParsedCommand parse_command(std::string_view text);

// What the commands need besides the message and the unit of work. References must
// outlive the call.
struct CommandEnv {
  const Postcodes& postcodes;
  const AnonymizationGuard& guard;  // checks the note of /crisis
  const Random& random;             // draws call codes and link codes (/koppel)
  const Hasher& hasher;             // hashes the link codes of /koppel for the store
  const Links* links = nullptr;     // signs the web board link of /bord; null: no link
};

// Handles one message of a registered caseworker: always queues one reply to them and
// audits the command and its outcome under their id.
void handle_command(const Caseworker& caseworker, const InboundMessage& message,
                    const CommandEnv& env, const Outbox& out);

}  // namespace noodbel
