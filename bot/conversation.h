// Conversation: what the bot does with a message from a registered family — answers tied
// to the right call (answer_binding.h), changed and late answers, questions forwarded to
// the caseworker, self-service settings (self_service.h), and the per-minute limit
// (throttle.h). Stateless function over one unit of work (the Outbox); not thread-safe
// beyond that.
#pragma once

#include "bot/outbound.h"
#include "bot/reply/parser.h"
#include "bot/types.h"

namespace noodbel {

// Handles one message of `family`, read by `parser`, audited under the family id:
// - an opted-out family gets nothing, except for START;
// - past kFamilyMessagesPerMinute in a minute, only STOP is acted on, and the first
//   message over the limit gets one `throttled` notice;
// - otherwise the family gets exactly one reply, and a caseworker may be told (a family
//   they picked changed its answer, or a message the bot did not understand).
void handle_family_message(const Family& family, const InboundMessage& message,
                           const ReplyParser& parser, const Outbox& out);

}  // namespace noodbel
