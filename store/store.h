// Store: Noodbel's SQLite database (WAL, busy_timeout, foreign keys on), its migrations,
// and the implementation of every store port (store/ports/): the unit of work, the
// dispatcher's outbox queue, delivery reports, instant replies, response URLs, health,
// digest reads.
// Adapters depend on the ports; only the composition root (adapters/app) and the CLI
// name Store. Thread-safe: one connection, every operation serialised by an internal
// mutex. Writes from many threads are committed in groups (store/group_commit.cpp): one
// transaction and one COMMIT for the writes waiting together, each in its own savepoint,
// and each caller returns after the COMMIT that holds its write. SQLite errors stop here
// and become Error values, never fallback values.
#pragma once

#include <atomic>
#include <cstddef>
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
#include "store/store_options.h"

namespace noodbel::store {

class Database;    // store/sqlite.h
class StoreError;  // store/sqlite.h

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
  // With the default StoreOptions (synchronous FULL); open_with sets them.
  static Result<std::unique_ptr<Store>> open(const std::string& path, const Clock& clock);
  static Result<std::unique_ptr<Store>> open_with(const std::string& path, const Clock& clock,
                                                  const StoreOptions& options);
  // Opens without migrating (for `noodbel migrate` to report before/after).
  static Result<std::unique_ptr<Store>> open_unmigrated(const std::string& path,
                                                        const Clock& clock);
  static Result<std::unique_ptr<Store>> open_unmigrated_with(const std::string& path,
                                                             const Clock& clock,
                                                             const StoreOptions& options);
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
  Result<std::vector<OutboxItem>> record_and_claim(const std::vector<Outcome>& outcomes,
                                                   Channel channel, UnixTime now,
                                                   int limit) override;
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

  // Writes waiting for their group's COMMIT, the group being committed included (tests).
  int queued_writes() EXCLUDES(queue_mutex_);

  // At most this many writes share one transaction and one COMMIT.
  static constexpr std::size_t kMaxGroup = 64;

 private:
  // One write waiting in queue_ for the COMMIT that holds it (store/group_commit.cpp).
  struct QueuedWrite;

  Store(std::unique_ptr<Database> db, const Clock& clock);
  // Queues `fn` and returns after the COMMIT of the group it joined, with its own outcome.
  // The group's leader runs fn with mutex_ held, inside the group's transaction, in its own
  // savepoint: an error or exception of fn undoes only fn's changes. `after_commit` (may be
  // empty) runs with mutex_ held once fn's changes are committed. Refused from inside a
  // transaction.
  Status write(const char* what, const std::function<Status()>& fn,
               const std::function<void()>& after_commit = {}) EXCLUDES(mutex_, queue_mutex_);
  // The leader's part: takes up to kMaxGroup queued writes, commits them, wakes each.
  void lead_group() EXCLUDES(mutex_, queue_mutex_);
  // BEGIN IMMEDIATE, each write in its savepoint, one COMMIT; sets every outcome.
  void commit_group(const std::vector<QueuedWrite*>& group) REQUIRES(mutex_);
  void run_in_savepoint(QueuedWrite& w) REQUIRES(mutex_);
  std::optional<StoreError> run_write(QueuedWrite& w) REQUIRES(mutex_);
  void count_outcomes(const std::vector<QueuedWrite*>& group) REQUIRES(mutex_);
  // The dispatcher's steps inside a write (store.cpp): claim due rows; record one outcome
  // (a sent row's early delivery report is applied, its provider id added to
  // `applied_early`); forget the early reports applied, once committed.
  std::vector<OutboxItem> claim_rows(Channel channel, UnixTime now, int limit) REQUIRES(mutex_);
  void record_outcome(const Outcome& outcome, std::vector<std::string>& applied_early)
      REQUIRES(mutex_);
  void forget_early_reports(const std::vector<std::string>& applied) REQUIRES(mutex_);
  // Runs f, a lambda declared REQUIRES(mutex_), with mutex_ held; refuses a call from inside
  // a transaction, and returns a storage failure as an Error (store.cpp).
  template <typename F>
  auto guarded(const char* what, F&& f) EXCLUDES(mutex_);
  // guarded() for a write: f joins a group commit (write()), and a failure also counts
  // into failed_writes_in_a_row().
  template <typename F>
  auto guarded_write(const char* what, F&& f, const std::function<void()>& after_commit = {})
      EXCLUDES(mutex_, queue_mutex_);

  const Clock& clock_;
  Mutex mutex_;
  std::unique_ptr<Database> db_ GUARDED_BY(mutex_);
  // Delivery reports that came before mark_sent recorded their id.
  std::deque<std::pair<std::string, OutboxState>> early_reports_ GUARDED_BY(mutex_);
  // Rows release_expired_leases sent back to pending since open (for GET /metrics).
  std::atomic<std::int64_t> leases_expired_{0};
  // Writes (not probe_write) that failed in a row; 0 after one succeeded.
  std::atomic<int> failed_writes_{0};
  // Group commits that committed at least one write, and the writes they committed
  // (GET /metrics: the ratio shows how well writes are grouped).
  std::atomic<std::int64_t> commits_{0};
  std::atomic<std::int64_t> writes_{0};
  // Writes waiting for a COMMIT, oldest first; the first is the leader (or will be).
  // Lock order: mutex_ before queue_mutex_.
  Mutex queue_mutex_;
  std::deque<QueuedWrite*> queue_ GUARDED_BY(queue_mutex_);
};

}  // namespace noodbel::store
