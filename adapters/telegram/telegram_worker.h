// TelegramWorker: Telegram's background thread. It first runs the essential start-up call
// (setWebhook, or deleteWebhook for polling), retried with backoff until it succeeds;
// then the extras (setMyCommands), retried on their own backoff without holding up the
// rest; and, in polling mode, getUpdates in a loop: each update goes through the
// pipeline, button presses get answerCallbackQuery, and the offset moves to the last
// update_id + 1. The offset lives in memory only: after a restart Telegram sends again
// what was not confirmed, and the inbox drops duplicates ("tg:<update_id>").
// start()/stop() from the owning thread; poll_once() is for tests (not with start()).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <thread>

#include "adapters/inbound/inbound_outcome.h"
#include "adapters/telegram/telegram_api.h"
#include "bot/clock.h"
#include "bot/result.h"
#include "bot/sync/mutex.h"
#include "bot/types.h"

namespace noodbel::telegram {

struct WorkerOptions {
  bool polling = false;                    // false: start-up calls only, then the thread ends
  std::chrono::seconds poll_timeout{25};   // getUpdates `timeout`
  // Rounds start at least this far apart (a server that answers at once, like an
  // emulator, would otherwise be asked in a tight loop).
  std::chrono::milliseconds min_poll_interval{250};
  std::chrono::milliseconds backoff_base{1'000};
  std::chrono::milliseconds backoff_cap{60'000};
};

class TelegramWorker {
 public:
  using Deliver = std::function<Result<InboundOutcome>(const InboundMessage&)>;
  using Setup = std::function<Status()>;

  // clock must outlive the worker. `setup` and `extras` may be empty. In webhook mode the
  // thread ends once both succeeded.
  TelegramWorker(TelegramApi api, Setup setup, Setup extras, Deliver deliver,
                 const Clock& clock, WorkerOptions options);
  ~TelegramWorker();  // stop()
  TelegramWorker(const TelegramWorker&) = delete;
  TelegramWorker& operator=(const TelegramWorker&) = delete;

  // One getUpdates round. An update the pipeline could not store stops the round
  // (Error::Unavailable) without moving the offset past it, so it comes again.
  Status poll_once();
  // The offset the next getUpdates sends: last handled update_id + 1 (0 at first).
  std::int64_t next_offset() const { return offset_.load(); }
  // Telegram's retry_after from the last failed getUpdates (429), if any.
  std::optional<int> retry_after() const { return retry_after_; }

  // Delay before retry number `failures` (1, 2, ...): doubling from backoff_base up to
  // backoff_cap, plus up to 20% jitter.
  std::chrono::milliseconds backoff(int failures);

  void start();
  // Ends a long poll within ~50 ms and joins the thread. Idempotent.
  void stop();

 private:
  void run();
  bool wait(std::chrono::milliseconds delay);  // false when stopping

  // Constant after construction.
  const TelegramApi api_;
  const Setup setup_;
  const Setup extras_;
  const Deliver deliver_;
  const Clock& clock_;
  const WorkerOptions options_;

  std::atomic<std::int64_t> offset_{0};  // written by one thread at a time
  std::optional<int> retry_after_;       // only touched by the polling thread
  std::minstd_rand rng_;                 // jitter; only touched by the polling thread
  std::atomic<bool> stopping_{false};
  // Pairs with wake_ so that stop()'s notify is not lost between wait()'s check of
  // stopping_ and its sleep. It guards no member: stopping_ is atomic, read without it.
  Mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace noodbel::telegram
