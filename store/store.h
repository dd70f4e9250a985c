// Store: Noodbel's SQLite database (WAL, busy_timeout, foreign keys on), its migrations,
// the unit of work for the core (state + outbox in one transaction), and the outbox
// operations of the dispatcher. Thread-safe: one connection, every operation serialised
// by an internal mutex. SQLite errors stop here and become Error values.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bot/clock.h"
#include "bot/digest.h"
#include "bot/repository.h"
#include "bot/result.h"
#include "bot/types.h"
#include "store/response_urls.h"

namespace noodbel::store {

class Database;  // store/sqlite.h

// State a channel adapter keeps beside the core's, written in the transaction of the
// inbound message that brought it (Store::transaction's second form). The core never
// sees it.
struct ChannelState {
  std::optional<ResponseUrl> slash_response_url;  // the request's response_url, if any
};

struct OutboxCounts {
  std::int64_t pending = 0;
  std::int64_t sending = 0;
  std::int64_t sent = 0;
  std::int64_t delivered = 0;
  std::int64_t failed = 0;
  UnixTime oldest_pending_at = 0;  // 0 when none pending
};

// What GET /metrics reads from the database, in one read snapshot (store/metrics_queries.cpp).
// Keys are the stored names: calls by state ("open", ...), answers by intent ("yes", ...),
// outbox rows by (channel, state). Every known state and intent is present (0 when none).
struct MetricsSnapshot {
  std::map<std::string, std::int64_t> calls_by_state;
  std::map<std::string, std::int64_t> answers_by_intent;
  std::map<std::pair<std::string, std::string>, std::int64_t> outbox_by_channel_state;
  std::int64_t queue_depth = 0;    // pending + sending outbox rows
  UnixTime oldest_pending_at = 0;  // 0 when none pending
};

class Store {
 public:
  // Opens (creating the file and its folder if needed) and applies pending migrations.
  // A database newer than this binary is refused with a clear message.
  static Result<std::unique_ptr<Store>> open(const std::string& path);
  // Opens without migrating (for `noodbel migrate` to report before/after).
  static Result<std::unique_ptr<Store>> open_unmigrated(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  static int latest_schema_version();
  int schema_version();
  Status migrate();  // applies pending migrations, each in its own transaction

  // Runs fn with a Repository bound to one IMMEDIATE transaction: commits when fn
  // returns, rolls back when fn throws (the exception is turned into an Error) or when
  // fn returns an error Status.
  Status transaction(const std::function<Status(Repository&)>& fn);
  // The same, and when fn succeeded also writes `state` in that transaction before it
  // commits: both are stored or neither is.
  Status transaction(const std::function<Status(Repository&)>& fn, const ChannelState& state);

  // --- dispatcher ---
  // Due pending rows of a channel (priority, then age), marked `sending`, attempts + 1.
  std::vector<OutboxItem> claim_outbox(Channel channel, UnixTime now, int limit);
  void mark_sent(std::int64_t id, const std::string& provider_message_id, UnixTime now);
  void mark_retry(std::int64_t id, UnixTime next_attempt_at, const std::string& error);
  void mark_failed(std::int64_t id, const std::string& error, UnixTime now);
  // A claimed row the dispatcher did not send (rate limit, stopping): back to pending,
  // due at next_attempt_at, its claim not counted as an attempt. Only a `sending` row.
  void release(std::int64_t id, UnixTime next_attempt_at);
  // Failover of a claimed row, in ONE transaction: `decide` reads the Repository (and may
  // audit); when it returns a Failover, row `id` becomes failed with its last_error and its
  // message is enqueued. Returns the new row's id, or 0 when `decide` gave nothing (nothing
  // changed). A storage failure is an Error and changes nothing.
  struct Failover {
    OutboundMessage message;
    std::string last_error;
  };
  Result<std::int64_t> fail_over(std::int64_t id, UnixTime now,
                                 const std::function<std::optional<Failover>(Repository&)>& decide);
  // A provider's delivery report for the message it knows as provider_message_id (as given
  // to mark_sent): a `sent` row becomes kDelivered or kFailed (failed_at = now). Other
  // states and other target states change nothing, so replays are harmless. A report for
  // an id not recorded yet (a fast SMSC reports before mark_sent runs) is kept in memory
  // (the newest 1,024) and applied by mark_sent.
  void mark_delivery(const std::string& provider_message_id, OutboxState state, UnixTime now);
  // At start-up: rows left `sending` by a crash go back to `pending` (at-least-once).
  int requeue_in_flight();
  OutboxCounts outbox_counts();
  std::vector<OutboxItem> outbox_for(const std::string& recipient_id, int limit);
  // Channels that answer within the request (slash-commands): takes every pending row
  // for (channel, address), oldest first, and marks it sent at `now` in one step, so the
  // caller can put the texts in its HTTP response. Rows already claimed are left alone.
  std::vector<OutboxItem> take_outbox_for(Channel channel, const std::string& address,
                                          UnixTime now);

  // --- operations ---
  bool healthy();  // a trivial query succeeds
  std::int64_t count_calls(CallState state);
  std::vector<AuditEntry> audit_log(int limit);  // newest first
  // The figures of GET /metrics in one read snapshot; a storage failure is an Error.
  Result<MetricsSnapshot> metrics_snapshot();
  // For store/ modules only (metrics, retention, erasure): runs fn on the connection under
  // the store's lock, outside any transaction; a StoreError thrown by fn becomes an Error.
  Status with_database(const std::function<Status(Database&)>& fn);

  // --- digest ---
  // The raw rows of a digest for [from, to) (store/digest_queries.h), read in one
  // snapshot; changes nothing. A storage failure is an Error.
  Result<DigestData> digest_data(UnixTime from, UnixTime to);

 private:
  explicit Store(std::unique_ptr<Database> db);
  std::mutex mutex_;
  std::unique_ptr<Database> db_;  // GUARDED_BY(mutex_)
  // Delivery reports that came before mark_sent recorded their id.
  std::deque<std::pair<std::string, OutboxState>> early_reports_;  // GUARDED_BY(mutex_)
};

}  // namespace noodbel::store
