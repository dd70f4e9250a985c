// OutboxPort: messages the core queues for sending, committed with the state change that
// caused them, and what became of the messages about a call. The dispatcher (store/) moves
// rows on from pending; the core only queues, cancels and reads. One role of the unit of
// work (bot/repository.h). Not thread-safe; throws only on storage failure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/types.h"

namespace noodbel {

class OutboxPort {
 public:
  virtual ~OutboxPort() = default;

  // Queues a message as a new pending row (no attempts yet, due and created at `now`) and
  // returns its id: positive, larger than every outbox id handed out before. Identical
  // messages are queued twice.
  virtual std::int64_t enqueue(const OutboundMessage& m, UnixTime now) = 0;
  // The call of the outbox row the provider knows as `provider_message_id` on `channel`
  // (the newest such row); nothing when unknown, on another channel, or when that row is
  // not about a call.
  virtual std::optional<std::int64_t> call_of_sent_message(
      Channel channel, std::string_view provider_message_id) = 0;
  // Marks every pending outbox row of this person failed at `now` (last_error = `reason`);
  // rows being sent or already sent are left alone. Returns how many rows were cancelled
  // (0 when none, so a second cancel returns 0).
  virtual int cancel_pending_for(std::string_view recipient_id, std::string_view reason,
                                 UnixTime now) = 0;

  // Recipients with at least one outbox row about this call in state delivered, each once,
  // ordered by id.
  virtual std::vector<std::string> delivered_recipients(std::int64_t call_id) = 0;
  // Per recipient, the newest outbox row about this call (a failover's row replaces the
  // failed one); ordered by recipient id. `at` is when it failed, else was sent, else was
  // queued.
  virtual std::vector<DeliveryStatus> delivery_statuses(std::int64_t call_id) = 0;
};

}  // namespace noodbel
