// Conversation: what the bot does with a message from a registered family — answers to
// calls (tied to the right call), stop/start, pause/resume, distance, status and help.
// Stateless function over one unit of work (the Outbox); not thread-safe beyond that.
#pragma once

#include "bot/outbound.h"
#include "bot/types.h"

namespace noodbel {

inline constexpr int kDefaultPauseDays = 7;
inline constexpr int kMinDistanceKm = 1;
inline constexpr int kMaxDistanceKm = 250;

// Handles one message of `family`; always queues exactly one reply to it and audits
// every change under the family id.
void handle_family_message(const Family& family, const InboundMessage& message,
                           const Outbox& out);

}  // namespace noodbel
