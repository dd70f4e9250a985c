#include "store/digest_queries.h"

#include <unordered_map>
#include <utility>

namespace noodbel::store {
namespace {

// ?1 = range start, ?2 = range end. Answers count only when received before the end.
constexpr const char* kDigestCalls =
    "SELECT c.id, c.service, c.state, c.created_at, c.closed_at,"
    " (SELECT MIN(r.answered_at) FROM responses r"
    "   WHERE r.call_id = c.id AND r.answer = 'yes' AND r.answered_at < ?2),"
    " (SELECT COUNT(*) FROM call_recipients p WHERE p.call_id = c.id),"
    " (SELECT COUNT(*) FROM responses r"
    "   WHERE r.call_id = c.id AND r.answer = 'yes' AND r.answered_at < ?2),"
    " (SELECT COUNT(*) FROM responses r"
    "   WHERE r.call_id = c.id AND r.answer = 'maybe' AND r.answered_at < ?2),"
    " (SELECT COUNT(*) FROM responses r"
    "   WHERE r.call_id = c.id AND r.answer = 'no' AND r.answered_at < ?2)"
    " FROM calls c WHERE c.created_at < ?2 AND (c.closed_at IS NULL OR c.closed_at >= ?1)"
    " ORDER BY c.created_at, c.id";
constexpr const char* kDigestFamilies =
    "SELECT id, service, postcode, lat, lon, max_distance_km, min_age_months, max_age_months,"
    " max_children, paused_until, opted_in, created_at FROM families ORDER BY id";
constexpr const char* kDigestAvailability =
    "SELECT family_id, weekday, start_minute, end_minute FROM family_availability"
    " ORDER BY family_id, rowid";
constexpr const char* kDigestDepartures =
    "SELECT a.at, a.actor, COALESCE(f.service, '') FROM audit_log a"
    " LEFT JOIN families f ON f.id = a.actor"
    " WHERE a.action = 'family.stop' AND a.at >= ?1 AND a.at < ?2 ORDER BY a.at, a.id";
// The service of a row: its call's, else its recipient's (family or caseworker), else ''.
constexpr const char* kDigestMessages =
    "SELECT (o.created_at / 60) * 60, o.channel,"
    " COALESCE(c.service, f.service, w.service, ''),"
    " CASE WHEN o.state IN ('pending', 'sending') THEN 'pending'"
    "  WHEN o.state = 'failed' AND substr(o.last_error, 1, 8) = 'failover' THEN 'failover'"
    "  WHEN o.state = 'failed' AND substr(o.last_error, 1, 9) = 'cancelled' THEN 'cancelled'"
    "  ELSE o.state END,"
    " COUNT(*) FROM outbox o"
    " LEFT JOIN calls c ON c.id = o.call_id"
    " LEFT JOIN families f ON f.id = o.recipient_id"
    " LEFT JOIN caseworkers w ON w.id = o.recipient_id"
    " WHERE o.created_at >= ?1 AND o.created_at < ?2"
    " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4";

// A read transaction, so every query sees the same state; rolled back (nothing was written).
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Database& db) : db_(db) { db_.exec("BEGIN DEFERRED"); }
  ~ReadSnapshot() {
    try {
      db_.exec("ROLLBACK");
    } catch (const StoreError&) {  // nothing to undo: the snapshot only read
    }
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Database& db_;
};

MessageOutcome outcome_from_string(const std::string& s) {
  if (s == "sent") return MessageOutcome::kSent;
  if (s == "delivered") return MessageOutcome::kDelivered;
  if (s == "failed") return MessageOutcome::kFailed;
  if (s == "failover") return MessageOutcome::kFailover;
  if (s == "cancelled") return MessageOutcome::kCancelled;
  return MessageOutcome::kPending;
}

std::vector<DigestCallRow> read_calls(Database& db, const TimeSpan& range) {
  std::vector<DigestCallRow> out;
  Query q = db.query(kDigestCalls);
  q->bind_all(range.start, range.end);
  while (q->step()) {
    DigestCallRow c;
    c.id = q->int64(0);
    c.service = q->text(1);
    c.state = call_state_from_string(q->text(2)).value_or(CallState::kOpen);
    c.created_at = q->int64(3);
    c.closed_at = q->optional_int64(4);
    c.first_yes_at = q->optional_int64(5);
    c.recipients = q->integer(6);
    c.yes = q->integer(7);
    c.maybe = q->integer(8);
    c.no = q->integer(9);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<DigestFamilyRow> read_families(Database& db) {
  std::vector<DigestFamilyRow> out;
  std::unordered_map<std::string, std::size_t> index;
  {
    Query q = db.query(kDigestFamilies);
    while (q->step()) {
      DigestFamilyRow row;
      Family& f = row.family;
      f.id = q->text(0);
      f.service = q->text(1);
      f.postcode = q->text(2);
      f.home = {q->real(3), q->real(4)};
      f.max_distance_km = q->integer(5);
      f.min_age_months = q->integer(6);
      f.max_age_months = q->integer(7);
      f.max_children = q->integer(8);
      f.paused_until = q->optional_int64(9);
      f.opted_in = q->integer(10) != 0;
      row.created_at = q->int64(11);
      index.emplace(f.id, out.size());
      out.push_back(std::move(row));
    }
  }
  Query q = db.query(kDigestAvailability);
  while (q->step()) {
    const auto it = index.find(q->text(0));
    if (it == index.end()) continue;
    out[it->second].family.availability.push_back(
        {q->integer(1), q->integer(2), q->integer(3)});
  }
  return out;
}

std::vector<DigestDeparture> read_departures(Database& db, const TimeSpan& range) {
  std::vector<DigestDeparture> out;
  Query q = db.query(kDigestDepartures);
  q->bind_all(range.start, range.end);
  while (q->step()) out.push_back({q->int64(0), q->text(1), q->text(2)});
  return out;
}

std::vector<DigestMessageCount> read_messages(Database& db, const TimeSpan& range) {
  std::vector<DigestMessageCount> out;
  Query q = db.query(kDigestMessages);
  q->bind_all(range.start, range.end);
  while (q->step()) {
    out.push_back({q->int64(0), channel_from_string(q->text(1)), q->text(2),
                   outcome_from_string(q->text(3)), q->integer(4)});
  }
  return out;
}

}  // namespace

DigestData read_digest_data(Database& db, const TimeSpan& range) {
  ReadSnapshot snapshot(db);
  DigestData data;
  data.calls = read_calls(db, range);
  data.families = read_families(db);
  data.departures = read_departures(db, range);
  data.messages = read_messages(db, range);
  return data;
}

}  // namespace noodbel::store
