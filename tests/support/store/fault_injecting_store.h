// FaultInjectingStore: a test double for every store port (store/ports/) that forwards to a
// real store::Store and fails on demand, as leveldb's FaultInjectionTestEnv / SpecialEnv do
// for files: fail the next N calls, fail writes only, report SQLite's "database or disk is
// full", delay each call. A failed call never reaches the Store, so nothing changes.
// Test-only; thread-safe (the plan is guarded; the Store serialises the rest).
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "bot/result.h"
#include "store/store.h"

namespace noodbel::testing_support {

struct FaultPlan {
  int fail_next = 0;         // the next N calls that qualify fail, then calls pass again
  bool fail_always = false;  // every qualifying call fails until the plan changes
  bool writes_only = false;  // only calls that may write qualify; reads always pass
  bool disk_full = false;    // fail with SQLite's SQLITE_FULL text instead of an I/O error
  std::chrono::milliseconds delay{0};  // every call (failing or not) first waits this long
  // Non-empty: only calls of this method qualify (an OutboxQueue method, e.g. "mark_sent",
  // or "probe_write"); every other call passes.
  std::string only_call = {};
};

// The Error text a failing call gives: what store::Store makes of SQLite's error.
inline constexpr std::string_view kDiskFullMessage =
    "database unavailable, try again later: database or disk is full";
inline constexpr std::string_view kIoErrorMessage =
    "database unavailable, try again later: disk I/O error (injected)";

class FaultInjectingStore final : public store::UnitOfWork,
                                  public store::OutboxQueue,
                                  public store::DeliveryReports,
                                  public store::InstantReplies,
                                  public store::ResponseUrlStore,
                                  public store::StoreHealth,
                                  public store::DigestReads {
 public:
  explicit FaultInjectingStore(store::Store& inner) : inner_(inner) {}

  void set_plan(const FaultPlan& plan) {
    const std::lock_guard lock(mutex_);
    plan_ = plan;
  }
  void clear() { set_plan({}); }
  // Calls that failed on purpose, and every call made, since construction.
  int failures() const {
    const std::lock_guard lock(mutex_);
    return failures_;
  }
  int calls() const {
    const std::lock_guard lock(mutex_);
    return calls_;
  }
  store::Store& inner() { return inner_; }

  // --- UnitOfWork ---
  Status transaction(const std::function<Status(Repository&)>& fn) override {
    if (auto e = fault(kWrite)) return *e;
    return inner_.transaction(fn);
  }
  Status transaction(const std::function<Status(Repository&)>& fn,
                     const store::ChannelState& state) override {
    if (auto e = fault(kWrite)) return *e;
    return inner_.transaction(fn, state);
  }

  // --- OutboxQueue ---
  Result<std::vector<OutboxItem>> claim_outbox(Channel channel, UnixTime now, int limit) override {
    if (auto e = fault(kWrite, "claim_outbox")) return *e;
    return inner_.claim_outbox(channel, now, limit);
  }
  Status mark_sent(std::int64_t id, const std::string& provider_message_id, UnixTime now) override {
    if (auto e = fault(kWrite, "mark_sent")) return *e;
    return inner_.mark_sent(id, provider_message_id, now);
  }
  Status mark_retry(std::int64_t id, UnixTime next_attempt_at, const std::string& error) override {
    if (auto e = fault(kWrite, "mark_retry")) return *e;
    return inner_.mark_retry(id, next_attempt_at, error);
  }
  Status mark_failed(std::int64_t id, const std::string& error, UnixTime now) override {
    if (auto e = fault(kWrite, "mark_failed")) return *e;
    return inner_.mark_failed(id, error, now);
  }
  Status release(std::int64_t id, UnixTime next_attempt_at) override {
    if (auto e = fault(kWrite, "release")) return *e;
    return inner_.release(id, next_attempt_at);
  }
  Result<std::vector<OutboxItem>> record_and_claim(const std::vector<Outcome>& outcomes,
                                                   Channel channel, UnixTime now,
                                                   int limit) override {
    if (auto e = fault(kWrite, "record_and_claim")) return *e;
    return inner_.record_and_claim(outcomes, channel, now, limit);
  }
  Result<std::int64_t> fail_over(
      std::int64_t id, UnixTime now,
      const std::function<std::optional<Failover>(Repository&)>& decide) override {
    if (auto e = fault(kWrite, "fail_over")) return *e;
    return inner_.fail_over(id, now, decide);
  }
  Result<int> requeue_in_flight() override {
    if (auto e = fault(kWrite, "requeue_in_flight")) return *e;
    return inner_.requeue_in_flight();
  }
  Result<int> release_expired_leases(Channel channel, UnixTime now,
                                     std::int64_t lease_seconds) override {
    if (auto e = fault(kWrite, "release_expired_leases")) return *e;
    return inner_.release_expired_leases(channel, now, lease_seconds);
  }

  // --- DeliveryReports ---
  Status mark_delivery(const std::string& provider_message_id, OutboxState state,
                       UnixTime now) override {
    if (auto e = fault(kWrite)) return *e;
    return inner_.mark_delivery(provider_message_id, state, now);
  }

  // --- InstantReplies ---
  Result<std::vector<OutboxItem>> take_outbox_for(Channel channel, const std::string& address,
                                                  UnixTime now) override {
    if (auto e = fault(kWrite)) return *e;
    return inner_.take_outbox_for(channel, address, now);
  }

  // --- ResponseUrlStore ---
  Result<std::optional<store::ResponseUrl>> take_response_url(std::string_view user_id,
                                                              UnixTime now) override {
    if (auto e = fault(kWrite)) return *e;
    return inner_.take_response_url(user_id, now);
  }
  Status forget_response_url(std::string_view user_id, std::string_view url) override {
    if (auto e = fault(kWrite)) return *e;
    return inner_.forget_response_url(user_id, url);
  }

  // --- StoreHealth ---
  Status check() override {
    if (auto e = fault(kRead)) return *e;
    return inner_.check();
  }
  Status probe_write() override {
    if (auto e = fault(kWrite, "probe_write")) return *e;
    return inner_.probe_write();
  }
  // The writes failed on purpose in a row (a write the plan let through ends the run),
  // plus the Store's own count. Never fails: it reads no storage.
  int failed_writes_in_a_row() override {
    int injected = 0;
    {
      const std::lock_guard lock(mutex_);
      injected = failed_writes_;
    }
    return injected + inner_.failed_writes_in_a_row();
  }
  Result<store::MetricsSnapshot> metrics_snapshot() override {
    if (auto e = fault(kRead)) return *e;
    return inner_.metrics_snapshot();
  }

  // --- DigestReads ---
  Result<DigestData> digest_data(UnixTime from, UnixTime to) override {
    if (auto e = fault(kRead)) return *e;
    return inner_.digest_data(from, to);
  }

 private:
  enum Access { kRead, kWrite };

  // The Error this call (named for FaultPlan::only_call) gives under the plan, after the
  // plan's delay; nothing to pass.
  std::optional<Error> fault(Access access, std::string_view call = {}) {
    std::chrono::milliseconds delay{0};
    std::optional<Error> error;
    {
      const std::lock_guard lock(mutex_);
      ++calls_;
      delay = plan_.delay;
      const bool qualifies = (!plan_.writes_only || access == kWrite) &&
                             (plan_.only_call.empty() || plan_.only_call == call);
      const bool counted_write = access == kWrite && call != "probe_write";
      if (qualifies && (plan_.fail_always || plan_.fail_next > 0)) {
        if (plan_.fail_next > 0) --plan_.fail_next;
        ++failures_;
        if (counted_write) ++failed_writes_;
        error =
            Error::Unavailable(std::string(plan_.disk_full ? kDiskFullMessage : kIoErrorMessage));
      } else if (counted_write) {
        failed_writes_ = 0;
      }
    }
    if (delay.count() > 0) std::this_thread::sleep_for(delay);
    return error;
  }

  store::Store& inner_;
  mutable std::mutex mutex_;
  FaultPlan plan_;    // GUARDED_BY(mutex_)
  int failures_ = 0;  // GUARDED_BY(mutex_)
  int calls_ = 0;     // GUARDED_BY(mutex_)
  int failed_writes_ = 0;  // GUARDED_BY(mutex_): injected write failures in a row
};

}  // namespace noodbel::testing_support
