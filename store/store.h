// Store: Noodbel's SQLite database (WAL, busy_timeout, foreign keys on), its migrations,
// and the implementation of every store port (store/ports/): the unit of work, the
// dispatcher's outbox queue, delivery reports, instant replies, response URLs, health,
// digest reads.
// Adapters depend on the ports; only the composition root (adapters/app) and the CLI
// name Store. Thread-safe: one connection, every operation serialised by an internal
// mutex. SQLite errors stop here and become Error values, never fallback values.
#pragma once

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bot/clock.h"
#include "bot/digest.h"
#include "bot/repository.h"
#include "bot/result.h"
#include "bot/sync/mutex.h"
#include "bot/types.h"
#include "store/channel_state.h"
#include "store/metrics_snapshot.h"
#include "store/ports/delivery_reports.h"
#include "store/ports/digest_reads.h"
#include "store/ports/instant_replies.h"
#include "store/ports/outbox_queue.h"
#include "store/ports/response_url_store.h"
#include "store/ports/store_health.h"
#include "store/ports/unit_of_work.h"
#include "store/response_urls.h"

namespace noodbel::store {

class Database;  // store/sqlite.h

class Store final : public UnitOfWork,
                    public OutboxQueue,
                    public DeliveryReports,
                    public InstantReplies,
                    public ResponseUrlStore,
                    public StoreHealth,
                    public DigestReads {
 public:
  // Opens (creating the file and its folder if needed) and applies pending migrations.
  // A database newer than this binary is refused with a clear message. `clock` (which
  // must outlive the Store) gives the times the database stamps itself (created_at,
  // updated_at of people, call events without a closing time): SQL never reads the time.
  static Result<std::unique_ptr<Store>> open(const std::string& path, const Clock& clock);
  // Opens without migrating (for `noodbel migrate` to report before/after).
  static Result<std::unique_ptr<Store>> open_unmigrated(const std::string& path,
                                                        const Clock& clock);
  ~Store() override;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  static int latest_schema_version();
  Result<int> schema_version();
  Status migrate();  // applies pending migrations, each in its own transaction

  // --- UnitOfWork (store/ports/unit_of_work.h) ---
  Status transaction(const std::function<Status(Repository&)>& fn) override;
  Status transaction(const std::function<Status(Repository&)>& fn,
                     const ChannelState& state) override;

  // --- OutboxQueue (store/ports/outbox_queue.h) ---
  Result<std::vector<OutboxItem>> claim_outbox(Channel channel, UnixTime now, int limit) override;
  Status mark_sent(std::int64_t id, const std::string& provider_message_id, UnixTime now) override;
  Status mark_retry(std::int64_t id, UnixTime next_attempt_at, const std::string& error) override;
  Status mark_failed(std::int64_t id, const std::string& error, UnixTime now) override;
  Status release(std::int64_t id, UnixTime next_attempt_at) override;
  Result<std::int64_t> fail_over(
      std::int64_t id, UnixTime now,
      const std::function<std::optional<Failover>(Repository&)>& decide) override;
  Result<int> requeue_in_flight() override;
  Result<int> release_expired_leases(Channel channel, UnixTime now,
                                     std::int64_t lease_seconds) override;

  // --- DeliveryReports (store/ports/delivery_reports.h) ---
  Status mark_delivery(const std::string& provider_message_id, OutboxState state,
                       UnixTime now) override;

  // --- InstantReplies (store/ports/instant_replies.h) ---
  Result<std::vector<OutboxItem>> take_outbox_for(Channel channel, const std::string& address,
                                                  UnixTime now) override;

  // --- ResponseUrlStore (store/ports/response_url_store.h) ---
  Result<std::optional<ResponseUrl>> take_response_url(std::string_view user_id,
                                                       UnixTime now) override;
  Status forget_response_url(std::string_view user_id, std::string_view url) override;

  // --- StoreHealth (store/ports/store_health.h) ---
  Status check() override;
  Status probe_write() override;
  int failed_writes_in_a_row() override;
  Result<MetricsSnapshot> metrics_snapshot() override;

  // --- operations (CLI and tests) ---
  Result<OutboxCounts> outbox_counts();
  // The newest `limit` outbox rows of a recipient, oldest first.
  Result<std::vector<OutboxItem>> outbox_for(const std::string& recipient_id, int limit);
  Result<std::int64_t> count_calls(CallState state);
  Result<std::vector<AuditEntry>> audit_log(int limit);  // newest first
  // For store/ modules only (metrics, retention, erasure): runs fn on the connection under
  // the store's lock, outside any transaction; a StoreError thrown by fn becomes an Error.
  Status with_database(const std::function<Status(Database&)>& fn);

  // --- DigestReads (store/ports/digest_reads.h) ---
  Result<DigestData> digest_data(UnixTime from, UnixTime to) override;

 private:
  Store(std::unique_ptr<Database> db, const Clock& clock);
  // Runs f, a lambda declared REQUIRES(mutex_), with mutex_ held; refuses a call from inside
  // a transaction, and returns a storage failure as an Error (store.cpp).
  template <typename F>
  auto guarded(const char* what, F&& f) EXCLUDES(mutex_);
  // guarded() for a write: a failure also counts into failed_writes_in_a_row().
  template <typename F>
  auto guarded_write(const char* what, F&& f) EXCLUDES(mutex_);

  const Clock& clock_;
  Mutex mutex_;
  std::unique_ptr<Database> db_ GUARDED_BY(mutex_);
  // Delivery reports that came before mark_sent recorded their id.
  std::deque<std::pair<std::string, OutboxState>> early_reports_ GUARDED_BY(mutex_);
  // Rows release_expired_leases sent back to pending since open (for GET /metrics).
  std::atomic<std::int64_t> leases_expired_{0};
  // Writes (not probe_write) that failed in a row; 0 after one succeeded.
  std::atomic<int> failed_writes_{0};
};

}  // namespace noodbel::store
