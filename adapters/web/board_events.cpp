#include "adapters/web/board_events.h"
#include "bot/text/logfmt_value.h"

#include <algorithm>
#include <exception>

#include <spdlog/spdlog.h>

namespace noodbel {

BoardEvents::~BoardEvents() { stop(); }

void BoardEvents::start() {
  const MutexLock lock(mutex_);
  if (worker_.joinable() || stopping_) return;
  worker_ = std::thread([this] { loop(); });
}

void BoardEvents::stop() {
  {
    const MutexLock lock(mutex_);
    stopping_ = true;
    subscribers_.clear();
  }
  wake_.notify_all();
  if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) worker_.join();
}

void BoardEvents::notify() {
  {
    const MutexLock lock(mutex_);
    ++generation_;
    // Nobody to refresh: no wake-up (a later subscribe() wakes the worker itself). A worker
    // already woken and not yet refreshing will pick this generation up too.
    if (subscribers_.empty() || wake_pending_) return;
    wake_pending_ = true;
    ++wakeups_;
  }
  wake_.notify_all();
}

std::uint64_t BoardEvents::wakeups() const {
  const MutexLock lock(mutex_);
  return wakeups_;
}

std::uint64_t BoardEvents::generation() const {
  const MutexLock lock(mutex_);
  return generation_;
}

void BoardEvents::subscribe(Refresh refresh) {
  {
    const MutexLock lock(mutex_);
    if (stopping_) return;
    subscribers_.push_back(std::make_shared<Refresh>(std::move(refresh)));
    ++generation_;
    wake_pending_ = true;
    ++wakeups_;
  }
  wake_.notify_all();
}

std::size_t BoardEvents::subscribers() const {
  const MutexLock lock(mutex_);
  return subscribers_.size();
}

bool BoardEvents::run_pending() {
  const MutexLock run(run_mutex_);
  std::vector<std::shared_ptr<Refresh>> batch;
  {
    const MutexLock lock(mutex_);
    wake_pending_ = false;  // a notify() from now on is after this run started: it wakes again
    if (done_ == generation_) return false;
    done_ = generation_;
    batch = subscribers_;
  }
  std::vector<std::shared_ptr<Refresh>> finished;
  for (const auto& s : batch) {
    bool keep = false;
    try {
      keep = (*s)();
    } catch (const std::exception& e) {
      spdlog::error("event=board.refresh_threw error={}", logfmt_value(e.what()));
    }
    if (!keep) finished.push_back(s);
  }
  if (!finished.empty()) {
    const MutexLock lock(mutex_);
    std::erase_if(subscribers_, [&](const auto& s) {
      return std::find(finished.begin(), finished.end(), s) != finished.end();
    });
  }
  return true;
}

void BoardEvents::loop() {
  MutexLock lock(mutex_);
  while (!stopping_) {
    lock.wait(wake_, [this]() REQUIRES(mutex_) { return stopping_ || done_ != generation_; });
    if (stopping_) break;
    lock.unlock();
    run_pending();
    lock.lock();
  }
}

}  // namespace noodbel
