#include "adapters/telegram/telegram_worker.h"

#include <algorithm>
#include <random>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/telegram/bot_api_types.h"
#include "adapters/telegram/telegram_inbound.h"
#include "bot/text/logfmt_value.h"

namespace noodbel::telegram {

TelegramWorker::TelegramWorker(TelegramApi api, Setup setup, Setup extras, Deliver deliver,
                               const Clock& clock, WorkerOptions options)
    : api_(std::move(api)),
      setup_(std::move(setup)),
      extras_(std::move(extras)),
      deliver_(std::move(deliver)),
      clock_(clock),
      options_(options),
      rng_(std::random_device{}()) {}

TelegramWorker::~TelegramWorker() { stop(); }

Status TelegramWorker::poll_once() {
  const CallOutcome r = api_.get_updates(offset_.load(), options_.poll_timeout, &stopping_);
  if (!r.ok()) {
    retry_after_ = r.retry_after;
    return r.kind == CallOutcome::Kind::kTemporary ? Status(Error::Unavailable(r.error))
                                                   : Status(Error::Invalid(r.error));
  }
  retry_after_.reset();
  if (!r.result.is_array()) return Error::Unavailable("getUpdates: the result is not a list");
  for (const ParsedUpdate& p : parse_update_list(r.result)) {
    if (!p.update.ok()) {
      spdlog::warn("event=telegram.update_unreadable reason={}",
                   logfmt_value(p.update.error().message));
      if (p.update_id) offset_ = std::max(offset_.load(), *p.update_id + 1);
      continue;
    }
    const Update& update = *p.update;
    const InboundUpdate in = to_inbound(update, clock_.now());
    if (in.message) {
      const Result<InboundOutcome> outcome = deliver_(*in.message);
      if (!outcome.ok()) {
        return Error::Unavailable(fmt::format("update {} not stored: {}", update.update_id,
                                              outcome.error().message));
      }
    } else {
      spdlog::info("event=telegram.update_ignored update_id={} reason={}", update.update_id,
                   logfmt_value(in.ignored));
    }
    offset_ = std::max(offset_.load(), update.update_id + 1);
    if (in.callback_query_id) {
      const CallOutcome answered = api_.answer_callback_query(*in.callback_query_id);
      if (!answered.ok()) {
        spdlog::info("event=telegram.callback_answer_failed error={}",
                     logfmt_value(answered.error));
      }
    }
  }
  return Ok();
}

std::chrono::milliseconds TelegramWorker::backoff(int failures) {
  auto delay = std::max(options_.backoff_base, std::chrono::milliseconds(1));
  for (int i = 1; i < failures && delay < options_.backoff_cap; ++i) delay *= 2;
  delay = std::min(delay, options_.backoff_cap);
  std::uniform_int_distribution<std::int64_t> jitter(0, delay.count() / 5);
  return delay + std::chrono::milliseconds(jitter(rng_));
}

void TelegramWorker::start() {
  if (thread_.joinable() || stopping_) return;
  thread_ = std::thread([this] { run(); });
}

void TelegramWorker::stop() {
  {
    const MutexLock lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool TelegramWorker::wait(std::chrono::milliseconds delay) {
  MutexLock lock(mutex_);
  return !lock.wait_for(wake_, delay, [this] { return stopping_.load(); });
}

void TelegramWorker::run() {
  bool ready = !setup_;
  bool extras_done = !extras_;
  int failures = 0;
  int extra_failures = 0;
  auto next_extra = std::chrono::steady_clock::now();
  while (!stopping_) {
    if (ready && !extras_done && std::chrono::steady_clock::now() >= next_extra) {
      const Status e = extras_();
      extras_done = e.ok();
      if (!extras_done) {
        const auto delay = backoff(++extra_failures);
        next_extra = std::chrono::steady_clock::now() + delay;
        spdlog::warn("event=telegram.extras_failed attempt={} retry_in_ms={} error={}",
                     extra_failures, delay.count(), logfmt_value(e.error().message));
      }
    }
    if (ready && !options_.polling) {
      if (extras_done) return;
      if (!wait(std::chrono::duration_cast<std::chrono::milliseconds>(
              next_extra - std::chrono::steady_clock::now()))) {
        return;
      }
      continue;
    }
    const auto round_started = std::chrono::steady_clock::now();
    const Status s = ready ? poll_once() : setup_();
    if (s.ok()) {
      failures = 0;
      if (!ready) {
        ready = true;
        spdlog::info("event=telegram.ready mode={}", options_.polling ? "polling" : "webhook");
      } else if (!wait(std::chrono::duration_cast<std::chrono::milliseconds>(
                     round_started + options_.min_poll_interval - std::chrono::steady_clock::now()))) {
        return;
      }
      continue;
    }
    if (stopping_) return;
    ++failures;
    std::chrono::milliseconds delay = backoff(failures);
    if (ready && retry_after_) delay = std::max(delay, std::chrono::milliseconds(*retry_after_ * 1000LL));
    const auto level = s.error().kind == ErrorKind::kUnavailable ? spdlog::level::warn
                                                                 : spdlog::level::err;
    spdlog::log(level, "event=telegram.{}_failed attempt={} retry_in_ms={} error={}",
                ready ? "poll" : "setup", failures, delay.count(), logfmt_value(s.error().message));
    if (!wait(delay)) return;
  }
}

}  // namespace noodbel::telegram
