// Commands: the caseworker slash-commands (Dutch first, English aliases): /crisis
// (/new), /bord (/board), /oproepen (/calls), /sluit (/close), /annuleer (/cancel),
// /kies (/pick), /help. Stateless functions over one unit of work (the Outbox).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "bot/outbound.h"
#include "bot/postcodes.h"
#include "bot/types.h"

namespace noodbel {

enum class CommandKind { kCrisis, kBoard, kCalls, kClose, kCancel, kPick, kHelp, kUnknown };

struct ParsedCommand {
  CommandKind kind = CommandKind::kUnknown;
  std::string word;  // as typed, lower-case, without "/" and "@botname": "bord"
  std::string args;  // the rest, trimmed
};

// Splits "/bord@noodbel_bot K42" into its command and arguments. The leading "/" may be
// left out.
ParsedCommand parse_command(std::string_view text);

// Handles one message of a registered caseworker: always queues one reply to them and
// audits the outcome under their id. `seed` feeds the call-code generator.
void handle_command(const Caseworker& caseworker, const InboundMessage& message,
                    const Postcodes& postcodes, const Outbox& out, std::uint64_t seed);

}  // namespace noodbel
