#include "store/store.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <type_traits>
#include <utility>

#include "bot/text/logfmt_value.h"
#include "store/digest_queries.h"
#include "store/migrations.h"
#include "store/sqlite.h"
#include "store/sqlite_repository.h"
#include "store/storage_error.h"
#include "store/store_lock.h"

namespace noodbel::store {
namespace {

constexpr const char* kFirstForeignTable =
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    " ORDER BY name LIMIT 1";
constexpr const char* kClaimable =
    "SELECT id, recipient_id, channel, address, text, priority, call_id, state, attempts,"
    " next_attempt_at, created_at, last_error, reply_to FROM outbox"
    " WHERE channel = ?1 AND state = 'pending' AND next_attempt_at <= ?2"
    " ORDER BY priority, created_at, id LIMIT ?3";
constexpr const char* kMarkSending =
    "UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_at = ?2 WHERE id = ?1";
constexpr const char* kMarkSent =
    "UPDATE outbox SET state = 'sent', provider_message_id = ?2, sent_at = ?3 WHERE id = ?1";
constexpr const char* kMarkRetry =
    "UPDATE outbox SET state = 'pending', next_attempt_at = ?2, last_error = ?3 WHERE id = ?1";
constexpr const char* kMarkFailed =
    "UPDATE outbox SET state = 'failed', last_error = ?2, failed_at = ?3 WHERE id = ?1";
// The channel list lets SQLite use the (channel, provider_message_id) index.
constexpr const char* kMarkDelivered =
    "UPDATE outbox SET state = 'delivered' WHERE channel IN"
    " ('sandbox', 'sms', 'telegram', 'signal', 'slash') AND provider_message_id = ?1"
    " AND state = 'sent'";
constexpr const char* kMarkDeliveryFailed =
    "UPDATE outbox SET state = 'failed', failed_at = ?2, last_error = 'delivery failed'"
    " WHERE channel IN ('sandbox', 'sms', 'telegram', 'signal', 'slash')"
    " AND provider_message_id = ?1 AND state = 'sent'";
constexpr const char* kKnownProviderId =
    "SELECT 1 FROM outbox WHERE channel IN ('sandbox', 'sms', 'telegram', 'signal', 'slash')"
    " AND provider_message_id = ?1 LIMIT 1";
constexpr const char* kRelease =
    "UPDATE outbox SET state = 'pending', next_attempt_at = ?2, attempts = MAX(attempts - 1, 0)"
    " WHERE id = ?1 AND state = 'sending'";
constexpr const char* kRequeueInFlight =
    "UPDATE outbox SET state = 'pending' WHERE state = 'sending'";
// Uses the partial index outbox_claimed (rows in flight only).
constexpr const char* kReleaseExpiredLeases =
    "UPDATE outbox SET state = 'pending', last_error = 'claim lease expired'"
    " WHERE channel = ?1 AND state = 'sending' AND (claimed_at IS NULL OR claimed_at <= ?2)";
constexpr const char* kOutboxCounts = "SELECT state, COUNT(*) FROM outbox GROUP BY state";
constexpr const char* kOldestPending =
    "SELECT MIN(created_at) FROM outbox WHERE state = 'pending'";
// The newest `limit` rows of a recipient, oldest first.
constexpr const char* kOutboxFor =
    "SELECT id, recipient_id, channel, address, text, priority, call_id, state, attempts,"
    " next_attempt_at, created_at, last_error, reply_to FROM ("
    " SELECT * FROM outbox WHERE recipient_id = ?1 ORDER BY created_at DESC, id DESC LIMIT ?2)"
    " ORDER BY created_at, id";
constexpr const char* kTakeable =
    "SELECT id, recipient_id, channel, address, text, priority, call_id, state, attempts,"
    " next_attempt_at, created_at, last_error, reply_to FROM outbox"
    " WHERE channel = ?1 AND address = ?2 AND state = 'pending' ORDER BY created_at, id";
constexpr const char* kMarkTaken =
    "UPDATE outbox SET state = 'sent', attempts = attempts + 1,"
    " provider_message_id = 'http-response', sent_at = ?2 WHERE id = ?1";
constexpr const char* kHealthy = "SELECT 1";
constexpr const char* kProbeWrite =
    "INSERT INTO health_probe (id, at) VALUES (1, ?1) ON CONFLICT (id) DO UPDATE SET at = ?1";
constexpr const char* kCountCalls = "SELECT COUNT(*) FROM calls WHERE state = ?1";
constexpr const char* kAuditLog =
    "SELECT at, actor, action, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT ?1";

bool is_file_path(const std::string& path) {
  return !path.empty() && path != ":memory:" && path.rfind("file:", 0) != 0;
}

Status ensure_folder(const std::string& path) {
  if (!is_file_path(path)) return Ok();
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (folder.empty()) return Ok();
  std::error_code ec;
  if (std::filesystem::exists(folder, ec)) return Ok();
  std::filesystem::create_directories(folder, ec);
  if (ec) {
    return Error::Unavailable(fmt::format(
        "cannot create folder {} for the database {}: {}; create it or fix the database path",
        folder.string(), path, ec.message()));
  }
  return Ok();
}

Error open_error(const std::string& path, const StoreError& e) {
  if (e.not_a_database()) {
    return Error::Invalid(fmt::format(
        "file {} is not a Noodbel database: {}; check the database path in the config",
        path, e.sqlite_message()));
  }
  return Error::Unavailable(fmt::format(
      "cannot open database {}: {}; check the path and the permissions of the file and its "
      "folder",
      path, e.sqlite_message()));
}

// Refuses a database newer than this binary, and a SQLite file that holds someone
// else's tables (version 0 but not empty).
Status check_ours(Database& db) {
  const int version = db.user_version();
  if (version > latest_schema_version()) {
    return Error::Conflict(fmt::format(
        "database {} has schema version {} but this noodbel knows only up to {}; use a newer "
        "noodbel or restore a backup",
        db.path(), version, latest_schema_version()));
  }
  if (version > 0) return Ok();
  Query q = db.query(kFirstForeignTable);
  if (!q->step()) return Ok();
  return Error::Invalid(fmt::format(
      "file {} is not a Noodbel database: it holds table '{}' but no Noodbel schema version; "
      "point the database path at a new file or at a Noodbel database",
      db.path(), q->text(0)));
}

Result<std::unique_ptr<Database>> open_database(const std::string& path, bool migrate,
                                                const StoreOptions& options) {
  if (Status folder = ensure_folder(path); !folder.ok()) return folder.error();
  std::unique_ptr<Database> db;
  try {
    db = std::make_unique<Database>(path, options.synchronous);
    if (Status ours = check_ours(*db); !ours.ok()) return ours.error();
  } catch (const StoreError& e) {
    return open_error(path, e);
  }
  if (!migrate) return db;
  try {
    apply_migrations(*db);
  } catch (const StoreError& e) {
    Error error = storage_error(e);
    error.message = fmt::format("migrating database {} failed: {}", path, error.message);
    return error;
  }
  return db;
}

OutboxItem read_outbox_item(const Statement& s) {
  OutboxItem item;
  item.id = s.int64(0);
  item.message.recipient_id = s.text(1);
  item.message.channel = channel_from_string(s.text(2));
  item.message.address = s.text(3);
  item.message.text = s.text(4);
  item.message.priority = s.integer(5);
  item.message.call_id = s.optional_int64(6);
  item.state = outbox_state_from_string(s.text(7)).value_or(OutboxState::kPending);
  item.attempts = s.integer(8);
  item.next_attempt_at = s.int64(9);
  item.created_at = s.int64(10);
  item.last_error = s.text(11);
  item.message.reply_to = s.optional_text(12);
  return item;
}

constexpr std::size_t kMaxEarlyReports = 1024;

// Moves a `sent` row to delivered or failed; true when a row changed.
bool apply_delivery(Database& db, const std::string& provider_message_id, OutboxState state,
                    UnixTime now) {
  if (state == OutboxState::kDelivered) {
    db.query(kMarkDelivered)->bind_all(provider_message_id).run();
  } else {
    db.query(kMarkDeliveryFailed)->bind_all(provider_message_id, now).run();
  }
  return db.changes() > 0;
}

}  // namespace

Error storage_error(const StoreError& e) {
  if (e.busy()) {
    return Error::Unavailable(fmt::format("the database is busy, try again later: {}", e.what()));
  }
  if (e.transient()) {
    return Error::Unavailable(fmt::format("database unavailable, try again later: {}", e.what()));
  }
  return Error::Internal(fmt::format("database error: {}", e.what()));
}

// Runs f under the store's lock. A storage failure is logged (SQL statements and SQLite
// messages only, no message bodies) and returned as an Error: Result<T> for an f returning
// T, Status for an f returning nothing. Never a fallback value.
template <typename F>
auto Store::guarded(const char* what, F&& f) {
  using T = decltype(f());
  using R = std::conditional_t<std::is_void_v<T>, Status, Result<T>>;
  if (holds_lock(this)) {
    spdlog::error("store: {} called from inside a transaction; refused", what);
    return R(Error::Internal(fmt::format("Store::{} called from inside a transaction", what)));
  }
  MutexLock lock(mutex_);
  Holding holding(this);
  try {
    if constexpr (std::is_void_v<T>) {
      f();
      return R();
    } else {
      return R(f());
    }
  } catch (const StoreError& e) {
    spdlog::error("store: {} failed: {}", what, e.what());
    return R(storage_error(e));
  } catch (const std::exception& e) {
    spdlog::error("store: {} failed: {}", what, e.what());
    return R(Error::Internal(fmt::format("{} failed: {}", what, e.what())));
  }
}

// guarded() for a write: f, a lambda declared REQUIRES(mutex_), joins a group commit
// (write()); the result is returned after the COMMIT that holds it. Its outcome also counts
// into failed_writes_ (StoreHealth::failed_writes_in_a_row).
template <typename F>
auto Store::guarded_write(const char* what, F&& f, const std::function<void()>& after_commit) {
  using T = decltype(f());
  using R = std::conditional_t<std::is_void_v<T>, Status, Result<T>>;
  std::optional<std::conditional_t<std::is_void_v<T>, bool, T>> value;
  const Status written = write(
      what,
      [&]() REQUIRES(mutex_) -> Status {
        if constexpr (std::is_void_v<T>) {
          f();
          value = true;
        } else {
          value = f();
        }
        return Ok();
      },
      after_commit);
  if (!written.ok()) return R(written.error());
  if constexpr (std::is_void_v<T>) {
    return R();
  } else {
    return R(std::move(*value));
  }
}

Store::Store(std::unique_ptr<Database> db, const Clock& clock)
    : clock_(clock), db_(std::move(db)) {}

Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::open(const std::string& path, const Clock& clock) {
  return open_with(path, clock, StoreOptions{});
}

Result<std::unique_ptr<Store>> Store::open_with(const std::string& path, const Clock& clock,
                                                const StoreOptions& options) {
  auto db = open_database(path, true, options);
  if (!db.ok()) return db.error();
  return std::unique_ptr<Store>(new Store(std::move(db).value(), clock));
}

Result<std::unique_ptr<Store>> Store::open_unmigrated(const std::string& path, const Clock& clock) {
  return open_unmigrated_with(path, clock, StoreOptions{});
}

Result<std::unique_ptr<Store>> Store::open_unmigrated_with(const std::string& path,
                                                           const Clock& clock,
                                                           const StoreOptions& options) {
  auto db = open_database(path, false, options);
  if (!db.ok()) return db.error();
  return std::unique_ptr<Store>(new Store(std::move(db).value(), clock));
}

int Store::latest_schema_version() { return store::latest_schema_version(); }

Result<int> Store::schema_version() {
  return guarded("schema_version", [&]() REQUIRES(mutex_) { return db_->user_version(); });
}

Status Store::migrate() {
  const Result<Status> done = guarded("migrate", [&]() REQUIRES(mutex_) -> Status {
    if (Status ours = check_ours(*db_); !ours.ok()) return ours;
    apply_migrations(*db_);
    return Ok();
  });
  if (!done.ok()) return done.error();
  return *done;
}

Status Store::transaction(const std::function<Status(Repository&)>& fn) {
  return transaction(fn, ChannelState{});
}

// A unit of work joins a group commit (store/group_commit.cpp) in its own savepoint: fn's
// error or exception undoes fn's changes only.
Status Store::transaction(const std::function<Status(Repository&)>& fn,
                          const ChannelState& state) {
  return write("transaction", [&]() REQUIRES(mutex_) -> Status {
    SqliteRepository repo(*db_, clock_);
    Status status = fn(repo);
    if (!status.ok()) return status;  // its savepoint rolls back
    if (state.slash_response_url) remember_response_url(*db_, *state.slash_response_url);
    return Ok();
  });
}

// ---- dispatcher ----

std::vector<OutboxItem> Store::claim_rows(Channel channel, UnixTime now, int limit) {
  std::vector<OutboxItem> items;
  if (limit <= 0) return items;
  {
    Query q = db_->query(kClaimable);
    q->bind_all(to_string(channel), now, limit);
    while (q->step()) items.push_back(read_outbox_item(*q));
  }
  const UnixTime claimed_at = clock_.now();
  for (OutboxItem& item : items) {
    db_->query(kMarkSending)->bind_all(item.id, claimed_at).run();
    item.state = OutboxState::kSending;
    ++item.attempts;
  }
  return items;
}

void Store::record_outcome(const Outcome& o, std::vector<std::string>& applied_early) {
  switch (o.kind) {
    case Outcome::Kind::kSent: {
      db_->query(kMarkSent)->bind_all(o.id, o.provider_message_id, o.at).run();
      const auto early =
          std::find_if(early_reports_.begin(), early_reports_.end(),
                       [&](const auto& r) { return r.first == o.provider_message_id; });
      if (early == early_reports_.end()) return;
      apply_delivery(*db_, o.provider_message_id, early->second, o.at);
      applied_early.push_back(o.provider_message_id);
      return;
    }
    case Outcome::Kind::kRetry:
      db_->query(kMarkRetry)->bind_all(o.id, o.at, o.error).run();
      return;
    case Outcome::Kind::kFailed:
      db_->query(kMarkFailed)->bind_all(o.id, o.error, o.at).run();
      return;
    case Outcome::Kind::kRelease:
      db_->query(kRelease)->bind_all(o.id, o.at).run();
      return;
  }
}

// An early report is kept until the change it made is committed.
void Store::forget_early_reports(const std::vector<std::string>& applied) {
  for (const std::string& id : applied) {
    const auto early = std::find_if(early_reports_.begin(), early_reports_.end(),
                                    [&](const auto& r) { return r.first == id; });
    if (early != early_reports_.end()) early_reports_.erase(early);
  }
}

Result<std::vector<OutboxItem>> Store::claim_outbox(Channel channel, UnixTime now, int limit) {
  return guarded_write("claim_outbox",
                       [&]() REQUIRES(mutex_) { return claim_rows(channel, now, limit); });
}

Result<std::vector<OutboxItem>> Store::record_and_claim(const std::vector<Outcome>& outcomes,
                                                        Channel channel, UnixTime now, int limit) {
  std::vector<std::string> applied_early;
  return guarded_write(
      "record_and_claim",
      [&]() REQUIRES(mutex_) {
        applied_early.clear();
        for (const Outcome& outcome : outcomes) record_outcome(outcome, applied_early);
        return claim_rows(channel, now, limit);
      },
      [&]() REQUIRES(mutex_) { forget_early_reports(applied_early); });
}

Status Store::mark_sent(std::int64_t id, const std::string& provider_message_id, UnixTime now) {
  std::vector<std::string> applied_early;
  const Outcome sent{Outcome::Kind::kSent, id, now, provider_message_id, {}};
  return guarded_write(
      "mark_sent", [&]() REQUIRES(mutex_) { record_outcome(sent, applied_early); },
      [&]() REQUIRES(mutex_) { forget_early_reports(applied_early); });
}

Status Store::mark_retry(std::int64_t id, UnixTime next_attempt_at, const std::string& error) {
  return guarded_write("mark_retry", [&]() REQUIRES(mutex_) {
    db_->query(kMarkRetry)->bind_all(id, next_attempt_at, error).run();
  });
}

Status Store::mark_failed(std::int64_t id, const std::string& error, UnixTime now) {
  return guarded_write("mark_failed", [&]() REQUIRES(mutex_) {
    db_->query(kMarkFailed)->bind_all(id, error, now).run();
  });
}

Status Store::mark_delivery(const std::string& provider_message_id, OutboxState state,
                            UnixTime now) {
  if (state != OutboxState::kDelivered && state != OutboxState::kFailed) {
    spdlog::error("store: mark_delivery with state {} refused", to_string(state));
    return Error::Invalid(
        fmt::format("mark_delivery: state {} is not a delivery outcome", to_string(state)));
  }
  return guarded_write("mark_delivery", [&]() REQUIRES(mutex_) {
    if (apply_delivery(*db_, provider_message_id, state, now) || provider_message_id.empty()) {
      return;
    }
    Query known = db_->query(kKnownProviderId);
    known->bind_all(provider_message_id);
    if (known->step()) return;  // already delivered or failed: a replay
    // Not recorded yet: the provider reported before mark_sent ran. Keep it for mark_sent.
    early_reports_.emplace_back(provider_message_id, state);
    if (early_reports_.size() > kMaxEarlyReports) early_reports_.pop_front();
  });
}

Status Store::release(std::int64_t id, UnixTime next_attempt_at) {
  return guarded_write("release", [&]() REQUIRES(mutex_) {
    db_->query(kRelease)->bind_all(id, next_attempt_at).run();
  });
}

Result<std::int64_t> Store::fail_over(
    std::int64_t id, UnixTime now,
    const std::function<std::optional<Failover>(Repository&)>& decide) {
  std::int64_t new_id = 0;
  // transaction() runs the lambda with mutex_ held (in its group's transaction).
  const Status s = transaction([&](Repository& repo) REQUIRES(mutex_) -> Status {
    const std::optional<Failover> next = decide(repo);
    if (!next) return Ok();
    db_->query(kMarkFailed)->bind_all(id, next->last_error, now).run();
    new_id = repo.enqueue(next->message, now);
    return Ok();
  });
  if (!s.ok()) return s.error();
  return new_id;
}

Result<int> Store::requeue_in_flight() {
  return guarded_write("requeue_in_flight", [&]() REQUIRES(mutex_) {
    db_->query(kRequeueInFlight)->run();
    return db_->changes();
  });
}

Result<int> Store::release_expired_leases(Channel channel, UnixTime now,
                                          std::int64_t lease_seconds) {
  const Result<int> released =
      guarded_write("release_expired_leases", [&]() REQUIRES(mutex_) {
        db_->query(kReleaseExpiredLeases)->bind_all(to_string(channel), now - lease_seconds).run();
        return db_->changes();
      });
  if (released.ok()) leases_expired_ += *released;
  return released;
}

Result<std::vector<OutboxItem>> Store::take_outbox_for(Channel channel, const std::string& address,
                                                       UnixTime now) {
  return guarded_write("take_outbox_for", [&]() REQUIRES(mutex_) {
    std::vector<OutboxItem> items;
    {
      Query q = db_->query(kTakeable);
      q->bind_all(to_string(channel), address);
      while (q->step()) items.push_back(read_outbox_item(*q));
    }
    for (OutboxItem& item : items) {
      db_->query(kMarkTaken)->bind_all(item.id, now).run();
      item.state = OutboxState::kSent;
      ++item.attempts;
    }
    return items;
  });
}

// ---- response URLs (store/response_urls.cpp does the work) ----

Result<std::optional<ResponseUrl>> Store::take_response_url(std::string_view user_id,
                                                            UnixTime now) {
  return store::take_response_url(*this, user_id, now);
}

Status Store::forget_response_url(std::string_view user_id, std::string_view url) {
  return store::forget_response_url(*this, user_id, url);
}

// ---- operations ----

Status Store::check() {
  const Result<bool> answered = guarded("check", [&]() REQUIRES(mutex_) {
    Query q = db_->query(kHealthy);
    return q->step() && q->int64(0) == 1;
  });
  if (!answered.ok()) return answered.error();
  if (!*answered) return Error::Internal("database health check: SELECT 1 gave no 1");
  return Ok();
}

Status Store::probe_write() {
  return guarded("probe_write", [&]() REQUIRES(mutex_) {
    Transaction tx(*db_);
    db_->query(kProbeWrite)->bind_all(clock_.now()).run();
    tx.commit();
  });
}

int Store::failed_writes_in_a_row() { return failed_writes_.load(); }

Result<OutboxCounts> Store::outbox_counts() {
  return guarded("outbox_counts", [&]() REQUIRES(mutex_) {
    OutboxCounts counts;
    {
      Query q = db_->query(kOutboxCounts);
      while (q->step()) {
        const std::int64_t n = q->int64(1);
        switch (outbox_state_from_string(q->text(0)).value_or(OutboxState::kFailed)) {
          case OutboxState::kPending:
            counts.pending = n;
            break;
          case OutboxState::kSending:
            counts.sending = n;
            break;
          case OutboxState::kSent:
            counts.sent = n;
            break;
          case OutboxState::kDelivered:
            counts.delivered = n;
            break;
          case OutboxState::kFailed:
            counts.failed = n;
            break;
        }
      }
    }
    Query q = db_->query(kOldestPending);
    if (q->step()) counts.oldest_pending_at = q->optional_int64(0).value_or(0);
    return counts;
  });
}

Result<std::vector<OutboxItem>> Store::outbox_for(const std::string& recipient_id, int limit) {
  return guarded("outbox_for", [&]() REQUIRES(mutex_) {
    std::vector<OutboxItem> items;
    Query q = db_->query(kOutboxFor);
    q->bind_all(recipient_id, limit);
    while (q->step()) items.push_back(read_outbox_item(*q));
    return items;
  });
}

Result<std::int64_t> Store::count_calls(CallState state) {
  return guarded("count_calls", [&]() REQUIRES(mutex_) {
    Query q = db_->query(kCountCalls);
    q->bind_all(to_string(state));
    q->step();
    return q->int64(0);
  });
}

Result<std::vector<AuditEntry>> Store::audit_log(int limit) {
  return guarded("audit_log", [&]() REQUIRES(mutex_) {
    std::vector<AuditEntry> entries;
    Query q = db_->query(kAuditLog);
    q->bind_all(limit);
    while (q->step()) entries.push_back({q->int64(0), q->text(1), q->text(2), q->text(3)});
    return entries;
  });
}

Status Store::with_database(const std::function<Status(Database&)>& fn) {
  if (holds_lock(this)) {
    return Error::Internal("Store::with_database called from inside a transaction");
  }
  MutexLock lock(mutex_);
  Holding holding(this);
  try {
    return fn(*db_);
  } catch (const StoreError& e) {
    spdlog::error("event=store.failed what=with_database error={}", logfmt_value(e.what()));
    return storage_error(e);
  }
}

// ---- digest ----

Result<DigestData> Store::digest_data(UnixTime from, UnixTime to) {
  if (holds_lock(this)) {
    return Error::Internal("Store::digest_data called from inside a transaction");
  }
  MutexLock lock(mutex_);
  Holding holding(this);
  try {
    return read_digest_data(*db_, TimeSpan{from, to});
  } catch (const StoreError& e) {
    spdlog::error("store: digest_data failed: {}", e.what());
    return storage_error(e);
  }
}

}  // namespace noodbel::store
