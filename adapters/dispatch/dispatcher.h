// Dispatcher: drains the outbox, one worker thread per channel: claims due rows as far as
// the channel's rate allows, hands each to the channel's sender, records sent / retry
// (exponential backoff, Retry-After) / failover to the person's next contact / failed.
// Delivery is at-least-once: a row in flight at a crash is sent again after restart.
// Each outcome (sent, retry, failed, released) is recorded before the lane's next send:
// within a round, before the next row is sent; a round's last outcome in the same write
// as the next claim, or on its own once options.record_within passes without one, so a
// steady flow costs one write per message. At most one message is sent but not recorded
// when the process dies (it is sent again after a restart).
// Storage failures: a failed claim sends nothing (the next round tries again); an outcome
// the store failed to record is kept and recorded before the lane claims anything else,
// so a message the provider accepted is never sent twice while the process runs. `sending` is a
// lease: between rounds, every lease_check_seconds, each worker sends its channel's rows claimed
// more than lease_seconds ago back to pending (a claim lost without a restart, e.g. a round that
// threw), but only once it holds no unrecorded outcome: a kept outcome always wins over a lease, so
// a row already sent is recorded `sent` first and never released to be sent again. Thread-safe:
// notify() and stop() from any thread; add_channel() only before start().
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "adapters/dispatch/channel_sender.h"
#include "adapters/dispatch/dispatcher_options.h"
#include "adapters/dispatch/token_bucket.h"
#include "bot/clock.h"
#include "bot/sync/mutex.h"
#include "store/ports/outbox_queue.h"

namespace noodbel {

// Called after every send attempt; status is "sent", "retry", "failover" or "failed".
using DispatchObserver = std::function<void(Channel channel, const std::string& status)>;

class Dispatcher {
 public:
  // store and clock must outlive the Dispatcher.
  Dispatcher(store::OutboxQueue& store, const Clock& clock, DispatcherOptions options = {},
             DispatchObserver observer = {});
  ~Dispatcher();  // stop()
  Dispatcher(const Dispatcher&) = delete;
  Dispatcher& operator=(const Dispatcher&) = delete;

  // One sender per channel; a second sender for the same channel replaces the first.
  void add_channel(std::unique_ptr<ChannelSender> sender);
  // Replaces the observer (e.g. metrics). Before start() only.
  void set_observer(DispatchObserver observer);

  // Claims the channel's due rows (one batch, no more than the overall rate has tokens
  // for), sends them, records the outcomes. A row whose address has no token is put back
  // for when it has one, without holding up other addresses. A temporary failure with a
  // Retry-After also pauses the channel that long (at most a minute): the rest of the
  // batch goes back unsent. Returns how many rows went
  // to the sender; 0 for a channel without a sender. Synchronous and never waits: tests
  // drive it with a ManualClock. At most one caller per channel at a time.
  int run_once(Channel channel);

  // Delay before retry number `attempts` (1 = after the first failed attempt), no jitter.
  std::int64_t backoff_seconds(int attempts) const;

  // Starts one worker per channel. Call OutboxQueue::requeue_in_flight() before, at start-up.
  void start();
  // Wakes the workers: call after a transaction that enqueued messages. Signals only when a
  // worker waits and has not been signalled yet; a worker in a round runs another one.
  void notify();
  // How often notify() signalled waiting workers (tests: wake-ups are coalesced).
  std::uint64_t wakeups();
  // Stops the workers, also while they wait for a token; rows claimed but not yet sent
  // go back to pending. Outcomes still kept unrecorded are logged (their rows stay
  // `sending`: requeue_in_flight sends them again). Idempotent.
  void stop();

 private:
  struct Round {
    int sent = 0;           // rows handed to the sender
    bool full = false;      // claimed as many as asked: more may be due
    bool throttled = false;  // no overall token: nothing claimed
  };
  using Outcome = store::OutboxQueue::Outcome;
  struct Lane {  // one channel; used by its worker only, after start()
    std::unique_ptr<ChannelSender> sender;
    ChannelRateLimit limit;
    std::int64_t claim_delay = 0;  // seconds a due row waits before it is claimed
    RateMillis paused_until = 0;  // a provider's Retry-After holds the whole channel
    UnixTime leases_checked_at = 0;  // the last look for expired leases
    // Outcomes not yet recorded, oldest first: the last send's, written with the next claim
    // (or before the next send), and any the store failed to record.
    std::vector<Outcome> unrecorded = {};
    bool record_failing = false;  // the last attempt to record them failed
  };
  // A provider's Retry-After pauses its channel at most this long (the row itself waits
  // the whole hint).
  static constexpr RateMillis kMaxChannelPauseMillis = 60'000;

  Round round(Channel channel);
  // Claims the lane's due rows in the write that records its kept outcomes.
  Result<std::vector<OutboxItem>> record_and_claim(Lane& lane, UnixTime due, int room);
  // Keeps an outcome for the lane's next write (record_kept or record_and_claim).
  static void record(Lane& lane, Outcome outcome);
  // Writes the lane's kept outcomes in one write; false when the store fails (kept).
  bool record_kept(Lane& lane);
  // The lane's kept outcomes were written (or not): clears them, logs the change.
  void recorded(Lane& lane, const Status& written);
  bool lease_check_due(const Lane& lane) const;
  // Every lease_check_seconds: the channel's expired leases back to pending. Only with
  // nothing in flight and no kept outcome (see the top of this file).
  void release_expired_leases(Channel channel, Lane& lane);
  RateMillis lane_wait(Lane& lane);  // ms until the lane may send again (0: now)
  void handle(Lane& lane, const OutboxItem& item);
  bool fail_over(const OutboxItem& item, const std::string& error);
  std::int64_t retry_delay(const OutboxItem& item, const SendResult& result) const;
  RateMillis rate_now() const;
  void worker(Channel channel);
  // Waits after round r (for a token, a notify() or a timeout); true when the lane's kept
  // outcome found no claim to be written with and must be written alone.
  bool idle(Lane& lane, const Round& r, std::uint64_t seen);

  // Constant after construction / start().
  store::OutboxQueue& store_;
  const Clock& clock_;
  const DispatcherOptions options_;
  DispatchObserver observer_;
  std::map<Channel, Lane> lanes_;

  std::atomic<bool> stopping_{false};
  Mutex mutex_;
  std::condition_variable wake_;
  std::uint64_t generation_ GUARDED_BY(mutex_) = 0;  // bumped by notify()
  int idle_workers_ GUARDED_BY(mutex_) = 0;          // waiting for the next generation
  bool wake_pending_ GUARDED_BY(mutex_) = false;     // signalled; cleared by the next waiter
  std::uint64_t wakeups_ GUARDED_BY(mutex_) = 0;
  std::vector<std::thread> workers_;
};

}  // namespace noodbel
