// OutboxQueue: the port of the dispatcher (adapters/dispatch): claims due outbox rows and
// records what became of each send. store::Store implements it. Every method returns an
// Error on storage failure and then changes nothing; none returns a fallback value.
// Thread-safe implementations.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "bot/clock.h"
#include "bot/repository.h"
#include "bot/result.h"
#include "bot/types.h"

namespace noodbel::store {

class OutboxQueue {
 public:
  virtual ~OutboxQueue() = default;

  // Due (next_attempt_at <= now) pending rows of `channel`, at most `limit`, by priority
  // then age, returned marked `sending` with attempts + 1 and leased: the claim time (the
  // implementation's own clock) is recorded for release_expired_leases. None due: an empty
  // list.
  virtual Result<std::vector<OutboxItem>> claim_outbox(Channel channel, UnixTime now,
                                                       int limit) = 0;
  // A claimed row the provider accepted: `sent` at `now` under provider_message_id, and a
  // delivery report that came before (DeliveryReports) is applied.
  virtual Status mark_sent(std::int64_t id, const std::string& provider_message_id,
                           UnixTime now) = 0;
  // A claimed row to try again: `pending`, due at next_attempt_at, with its last_error.
  virtual Status mark_retry(std::int64_t id, UnixTime next_attempt_at,
                            const std::string& error) = 0;
  // A claimed row given up: `failed` at `now` with its last_error.
  virtual Status mark_failed(std::int64_t id, const std::string& error, UnixTime now) = 0;
  // A claimed row the dispatcher did not send (rate limit, stopping): back to pending, due
  // at next_attempt_at, its claim not counted as an attempt. Only a `sending` row changes.
  virtual Status release(std::int64_t id, UnixTime next_attempt_at) = 0;

  // What became of one claimed row, for record_and_claim: each kind changes the row as the
  // method of the same name does (mark_sent, mark_retry, mark_failed, release).
  struct Outcome {
    enum class Kind { kSent, kRetry, kFailed, kRelease };
    Kind kind = Kind::kSent;
    std::int64_t id = 0;
    UnixTime at = 0;                  // kSent, kFailed: when; kRetry, kRelease: next attempt
    std::string provider_message_id;  // kSent
    std::string error;                // kRetry, kFailed
  };
  // Records `outcomes` in their order, then claims as claim_outbox(channel, now, limit) does
  // (limit 0: claims nothing), all in ONE transaction: a storage failure records none of
  // them and claims nothing. The dispatcher records a round's last outcome with its next
  // claim, so a steady flow of messages costs one write per message, not two.
  virtual Result<std::vector<OutboxItem>> record_and_claim(const std::vector<Outcome>& outcomes,
                                                           Channel channel, UnixTime now,
                                                           int limit) = 0;

  // Failover of a claimed row, in ONE transaction: `decide` reads the Repository (and may
  // audit); when it returns a Failover, row `id` becomes failed at `now` with its last_error
  // and the message is queued. Returns the new row's id, or 0 when `decide` gave nothing
  // (nothing changed).
  struct Failover {
    OutboundMessage message;
    std::string last_error;
  };
  virtual Result<std::int64_t> fail_over(
      std::int64_t id, UnixTime now,
      const std::function<std::optional<Failover>(Repository&)>& decide) = 0;

  // At start-up: rows left `sending` by a crash go back to `pending` (at-least-once);
  // returns how many.
  virtual Result<int> requeue_in_flight() = 0;

  // While the service runs: `sending` rows of `channel` claimed at or before
  // now - lease_seconds (or by a binary that recorded no claim time) go back to `pending`,
  // due at once, their attempts kept (the lost claim may have reached the provider:
  // at-least-once) and last_error "claim lease expired". Returns how many; the count is
  // also added to MetricsSnapshot::outbox_leases_expired.
  //
  // Lease versus double sends: a release makes the row claimable again, so the caller must
  // hold no unrecorded outcome for any row of `channel`. The Dispatcher calls this only
  // from the channel's own worker, between rounds (nothing in flight) and only after every
  // outcome it kept because the store failed (mark_sent, mark_retry, ...) was recorded:
  // a row the process already sent is `sent` before any lease of its channel is looked at,
  // and never goes back to pending to be sent a second time. lease_seconds must exceed the
  // longest send, for a claim held by anyone else (another process on the same database).
  virtual Result<int> release_expired_leases(Channel channel, UnixTime now,
                                             std::int64_t lease_seconds) = 0;
};

}  // namespace noodbel::store
