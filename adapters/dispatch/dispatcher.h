// Dispatcher: drains the outbox, one worker thread per channel: claims due rows, hands
// each to the channel's sender, records sent / retry (exponential backoff) / failed.
// Thread-safe: notify() and stop() from any thread; add_channel() only before start().
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "adapters/dispatch/channel_sender.h"
#include "bot/clock.h"
#include "store/store.h"

namespace noodbel {

struct DispatcherOptions {
  int batch_size = 50;                        // rows claimed per round
  int max_attempts = 8;                       // then a temporary failure becomes final
  std::int64_t backoff_base_seconds = 5;      // first retry delay, doubled per attempt
  std::int64_t backoff_cap_seconds = 15 * 60;
  std::int64_t max_retry_after_seconds = 24 * 3600;  // a provider hint is capped here
  std::chrono::milliseconds poll_interval{1000};     // workers look at least this often
};

// Called after every send attempt; status is "sent", "retry" or "failed".
using DispatchObserver = std::function<void(Channel channel, const std::string& status)>;

class Dispatcher {
 public:
  // store and clock must outlive the Dispatcher.
  Dispatcher(store::Store& store, const Clock& clock, DispatcherOptions options = {},
             DispatchObserver observer = {});
  ~Dispatcher();  // stop()
  Dispatcher(const Dispatcher&) = delete;
  Dispatcher& operator=(const Dispatcher&) = delete;

  // One sender per channel; a second sender for the same channel replaces the first.
  void add_channel(std::unique_ptr<ChannelSender> sender);
  // Replaces the observer (e.g. metrics). Before start() only.
  void set_observer(DispatchObserver observer);

  // Claims the channel's due rows (one batch), sends them, records the outcomes.
  // Returns how many rows it handled; 0 for a channel without a sender. Synchronous:
  // tests drive it with a ManualClock. At most one caller per channel at a time.
  int run_once(Channel channel);

  // Delay before retry number `attempts` (1 = after the first failed attempt).
  std::int64_t backoff_seconds(int attempts) const;

  // Starts one worker per channel. Call store.requeue_in_flight() before, at start-up.
  void start();
  // Wakes the workers: call after a transaction that enqueued messages.
  void notify();
  // Stops the workers; rows claimed but not yet sent go back to pending. Idempotent.
  void stop();

 private:
  void handle(ChannelSender& sender, const OutboxItem& item);
  void worker(Channel channel);

  // Constant after construction / start().
  store::Store& store_;
  const Clock& clock_;
  const DispatcherOptions options_;
  DispatchObserver observer_;
  std::map<Channel, std::unique_ptr<ChannelSender>> senders_;

  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::uint64_t generation_ = 0;  // GUARDED_BY(mutex_); bumped by notify()
  std::vector<std::thread> workers_;
};

}  // namespace noodbel
