// AnswerBinding: which call a family's message is about, tried in order: an explicit
// code, the bot message it quotes (reply-to, where the channel has it), the only open
// call sent to the family, and, when none is open, the call it was picked for or its
// only call of the last 48 hours (a late answer). Reads the Repository only; sends
// nothing. Stateless functions; not thread-safe beyond their unit of work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bot/family_turn.h"
#include "bot/reply/parsed_reply.h"
#include "bot/types.h"

namespace noodbel {

inline constexpr std::int64_t kRecentCallSeconds = 48 * 3600;

struct AnswerBinding {
  enum class Kind {
    kCall,         // `call` is the one (it may be open, or closed: a late answer)
    kUnknownCode,  // the named code is not among this family's calls: `code`
    kSeveralOpen,  // several open calls and nothing to tell them apart: `open`
    kNone,         // no open call and no recent one to speak of
  };
  enum class How { kCode, kQuote, kOnlyOpen, kRecent };

  Kind kind = Kind::kNone;
  How how = How::kCode;          // for kCall
  std::optional<Call> call;      // for kCall
  std::string code;              // for kUnknownCode
  std::vector<Call> open;        // for kSeveralOpen, newest first
};

// The call `reply` (parsed from the family's message) is about.
AnswerBinding bind_answer(const FamilyTurn& turn, const ParsedReply& reply);

// The calls an unknown message should be forwarded about: the call named or quoted,
// when still open or picked for this family; otherwise every open call sent to it;
// otherwise the call it was picked for in the last 48 hours. Empty: nobody to tell.
std::vector<Call> calls_to_forward_about(const FamilyTurn& turn, const ParsedReply& reply);

}  // namespace noodbel
