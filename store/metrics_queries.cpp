// Store::metrics_snapshot: the database figures of GET /metrics, read in one snapshot.
// Each query is a GROUP BY over an indexed column (calls_by_state, outbox_due) or a small
// table, so a scrape stays cheap.

#include "store/sqlite.h"
#include "store/store.h"

namespace noodbel::store {
namespace {

constexpr const char* kCallsByState = "SELECT state, COUNT(*) FROM calls GROUP BY state";
constexpr const char* kAnswersByIntent = "SELECT answer, COUNT(*) FROM responses GROUP BY answer";
constexpr const char* kOutboxByChannelState =
    "SELECT channel, state, COUNT(*) FROM outbox GROUP BY channel, state";
constexpr const char* kOldestPending = "SELECT MIN(created_at) FROM outbox WHERE state = 'pending'";

constexpr const char* kStates[] = {"open", "matched", "closed", "cancelled", "expired"};
constexpr const char* kIntents[] = {"yes", "no", "maybe"};
constexpr const char* kChannels[] = {"sandbox", "sms", "telegram", "signal", "slash"};
constexpr const char* kOutboxStates[] = {"pending", "sending", "sent", "delivered", "failed"};

void read_into(Database& db, MetricsSnapshot& out) {
  for (const char* s : kStates) out.calls_by_state[s] = 0;
  for (const char* a : kIntents) out.answers_by_intent[a] = 0;
  // Every series always present, so a count that drops to zero is reported as zero.
  for (const char* c : kChannels) {
    for (const char* s : kOutboxStates) out.outbox_by_channel_state[{c, s}] = 0;
  }
  {
    Query q = db.query(kCallsByState);
    while (q->step()) out.calls_by_state[q->text(0)] = q->int64(1);
  }
  {
    Query q = db.query(kAnswersByIntent);
    while (q->step()) out.answers_by_intent[q->text(0)] = q->int64(1);
  }
  {
    Query q = db.query(kOutboxByChannelState);
    while (q->step()) {
      const std::string state = q->text(1);
      const std::int64_t n = q->int64(2);
      out.outbox_by_channel_state[{q->text(0), state}] = n;
      if (state == "pending" || state == "sending") out.queue_depth += n;
    }
  }
  Query q = db.query(kOldestPending);
  if (q->step()) out.oldest_pending_at = q->optional_int64(0).value_or(0);
}

}  // namespace

Result<MetricsSnapshot> Store::metrics_snapshot() {
  MetricsSnapshot snapshot;
  const Status s = with_database([&](Database& db) -> Status {
    db.exec("BEGIN DEFERRED");
    try {
      read_into(db, snapshot);
    } catch (const StoreError&) {
      db.exec("ROLLBACK");
      throw;
    }
    db.exec("ROLLBACK");  // read only: nothing to keep
    return Ok();
  });
  if (!s.ok()) return s.error();
  snapshot.outbox_leases_expired = leases_expired_.load();
  snapshot.store_commits = commits_.load();
  snapshot.store_writes = writes_.load();
  return snapshot;
}

}  // namespace noodbel::store
