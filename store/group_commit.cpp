// Store's group commit, after the writer queue of leveldb's DBImpl::Write: every write
// waits in queue_; the first one leads: it takes the writes queued behind it (at most
// kMaxGroup), runs them in one BEGIN IMMEDIATE transaction, each in its own savepoint, and
// COMMITs once (one fsync under synchronous FULL). Then it gives every member its own
// outcome and wakes it, and wakes the next leader. A write's error or exception undoes only
// its savepoint; a failed BEGIN or COMMIT fails every write of the group. Nobody returns
// before the COMMIT that holds its write.

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <optional>
#include <vector>

#include "store/sqlite.h"
#include "store/storage_error.h"
#include "store/store.h"
#include "store/store_lock.h"

namespace noodbel::store {

// Lives on its caller's stack until the caller is woken with done set. The leader writes
// outcome and storage_failure before it sets done (with queue_mutex_ held); the caller reads
// them after it sees done (with queue_mutex_ held).
struct Store::QueuedWrite {
  const char* what;
  const std::function<Status()>& fn;
  const std::function<void()>& after_commit;
  Status outcome = Ok();
  bool storage_failure = false;  // counts into failed_writes_ (fn's own errors do not)
  bool done = false;
  std::condition_variable wake{};
};

namespace {

// A SQLite error of a write that ended the whole transaction (SQLite rolls back by itself
// on some errors, e.g. disk full): the group cannot commit, every write fails with it.
struct TransactionLost {
  StoreError error;
};

}  // namespace

Status Store::write(const char* what, const std::function<Status()>& fn,
                    const std::function<void()>& after_commit) {
  if (holds_lock(this)) {
    spdlog::error("store: {} called from inside a transaction; refused", what);
    return Error::Internal(fmt::format("Store::{} called from inside a transaction", what));
  }
  QueuedWrite w{what, fn, after_commit};
  {
    MutexLock queue(queue_mutex_);
    queue_.push_back(&w);
    queue.wait(w.wake, [&]() REQUIRES(queue_mutex_) { return w.done || queue_.front() == &w; });
    if (w.done) return w.outcome;  // a leader committed (or failed) it with its group
  }
  lead_group();
  return w.outcome;
}

void Store::lead_group() {
  std::vector<QueuedWrite*> group;
  {
    MutexLock lock(mutex_);
    {
      // Taken after mutex_: the writes that queued while the last group committed join.
      MutexLock queue(queue_mutex_);
      const std::size_t n = std::min(queue_.size(), kMaxGroup);
      group.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    }
    Holding holding(this);
    commit_group(group);
    count_outcomes(group);
  }
  MutexLock queue(queue_mutex_);
  for (QueuedWrite* member : group) {
    queue_.pop_front();  // the group is the front of the queue, in order
    member->done = true;
    member->wake.notify_one();
  }
  if (!queue_.empty()) queue_.front()->wake.notify_one();  // the next leader
}

void Store::commit_group(const std::vector<QueuedWrite*>& group) {
  // Nothing of the group was committed: each write keeps its own error, the rest get e.
  const auto fail_group = [&](const std::exception& e, const Error& error, bool storage) {
    spdlog::error("store: a group of {} writes rolled back: {}", group.size(), e.what());
    for (QueuedWrite* member : group) {
      if (!member->outcome.ok()) continue;
      member->outcome = error;
      member->storage_failure = storage;
    }
  };
  try {
    Transaction tx(*db_);
    if (group.size() == 1) {  // alone: no savepoint needed, a failure rolls tx back
      run_write(*group.front());
      if (!group.front()->outcome.ok()) return;
    } else {
      for (QueuedWrite* member : group) run_in_savepoint(*member);
    }
    tx.commit();
  } catch (const TransactionLost& lost) {
    return fail_group(lost.error, storage_error(lost.error), true);
  } catch (const StoreError& e) {  // BEGIN, a savepoint or the COMMIT failed
    return fail_group(e, storage_error(e), true);
  } catch (const std::exception& e) {  // e.g. out of memory: still wake every member
    return fail_group(e, Error::Internal(fmt::format("commit failed: {}", e.what())), false);
  }
  std::int64_t committed = 0;
  for (QueuedWrite* member : group) {
    if (!member->outcome.ok()) continue;
    ++committed;
    if (member->after_commit) member->after_commit();
  }
  if (committed > 0) ++commits_;
  writes_ += committed;
}

// Runs fn and sets w's outcome; a SQLite error is also returned.
std::optional<StoreError> Store::run_write(QueuedWrite& w) {
  try {
    w.outcome = w.fn();
  } catch (const StoreError& e) {
    spdlog::error("store: {} failed: {}", w.what, e.what());
    w.outcome = storage_error(e);
    w.storage_failure = true;
    return e;
  } catch (const std::exception& e) {
    spdlog::error("store: {} failed: {}", w.what, e.what());
    w.outcome = Error::Internal(fmt::format("{} failed: {}", w.what, e.what()));
  } catch (...) {
    spdlog::error("store: {} failed with an unknown exception", w.what);
    w.outcome = Error::Internal(fmt::format("{} failed with an unknown exception", w.what));
  }
  return std::nullopt;
}

// Runs one write in its own savepoint: kept when fn succeeds, undone when it fails.
void Store::run_in_savepoint(QueuedWrite& w) {
  Savepoint savepoint(*db_);
  const std::optional<StoreError> sqlite_error = run_write(w);
  if (w.outcome.ok()) {
    savepoint.release();
    return;
  }
  if (sqlite_error && !db_->in_transaction()) throw TransactionLost{*sqlite_error};
  savepoint.rollback();
}

// failed_writes_ in the order of the writes: a committed write ends the run of failures, a
// storage failure adds one, an error of the write's own logic leaves it as it is.
void Store::count_outcomes(const std::vector<QueuedWrite*>& group) {
  for (const QueuedWrite* member : group) {
    if (member->outcome.ok()) {
      failed_writes_ = 0;
    } else if (member->storage_failure) {
      ++failed_writes_;
    }
  }
}

int Store::queued_writes() {
  MutexLock queue(queue_mutex_);
  return static_cast<int>(queue_.size());
}

}  // namespace noodbel::store
