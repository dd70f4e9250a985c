#include "store/retention.h"

#include <optional>
#include <random>
#include <vector>

#include <fmt/format.h>

#include "store/response_urls.h"
#include "store/sqlite.h"

namespace noodbel::store {
namespace {

// ?1 = cutoff. "Closed" is any state but open with a closed_at before the cutoff. Each
// erase has a count twin with the same WHERE clause, for --dry-run.
constexpr const char* kCountCallNotes =
    "SELECT COUNT(*) FROM calls WHERE state <> 'open' AND closed_at < ?1 AND note <> ''";
constexpr const char* kEraseCallNotes =
    "UPDATE calls SET note = '' WHERE state <> 'open' AND closed_at < ?1 AND note <> ''";
// An answer's note, the family's own words and the words of its conditions.
constexpr const char* kCountResponseNotes =
    "SELECT COUNT(*) FROM responses WHERE (note <> '' OR text <> '' OR conditions <> '[]')"
    " AND call_id IN (SELECT id FROM calls WHERE state <> 'open' AND closed_at < ?1)";
constexpr const char* kEraseResponseNotes =
    "UPDATE responses SET note = '', text = '', conditions = '[]'"
    " WHERE (note <> '' OR text <> '' OR conditions <> '[]')"
    " AND call_id IN (SELECT id FROM calls WHERE state <> 'open' AND closed_at < ?1)";
constexpr const char* kCountQuestionTexts =
    "SELECT COUNT(*) FROM call_questions WHERE text <> '' AND call_id IN"
    " (SELECT id FROM calls WHERE state <> 'open' AND closed_at < ?1)";
constexpr const char* kEraseQuestionTexts =
    "UPDATE call_questions SET text = '' WHERE text <> '' AND call_id IN"
    " (SELECT id FROM calls WHERE state <> 'open' AND closed_at < ?1)";
// Pending and sending rows keep their text: it has yet to be sent.
constexpr const char* kCountOutboxTexts =
    "SELECT COUNT(*) FROM outbox WHERE text <> '' AND state IN ('sent', 'delivered', 'failed')"
    " AND (created_at < ?1 OR call_id IN"
    " (SELECT id FROM calls WHERE state <> 'open' AND closed_at < ?1))";
constexpr const char* kEraseOutboxTexts =
    "UPDATE outbox SET text = '' WHERE text <> '' AND state IN ('sent', 'delivered', 'failed')"
    " AND (created_at < ?1 OR call_id IN"
    " (SELECT id FROM calls WHERE state <> 'open' AND closed_at < ?1))";
// Inbound ids are kept for deduplication only; some (Signal's) hold the sender's number.
constexpr const char* kCountInbox = "SELECT COUNT(*) FROM inbox WHERE received_at < ?1";
constexpr const char* kEraseInbox = "DELETE FROM inbox WHERE received_at < ?1";

constexpr const char* kAudit =
    "INSERT INTO audit_log (at, actor, action, detail) VALUES (?1, ?2, ?3, ?4)";

constexpr const char* kFamilyExists = "SELECT 1 FROM families WHERE id = ?1";
constexpr const char* kPickedFor =
    "SELECT code FROM calls WHERE (chosen_family = ?1 AND state = 'open')"
    " OR (matched_family = ?1"
    " AND (state = 'open' OR (state = 'matched' AND closed_at >= ?2))) LIMIT 1";
constexpr const char* kCancelPending =
    "UPDATE outbox SET state = 'failed', failed_at = ?2,"
    " last_error = 'cancelled: family forgotten' WHERE recipient_id = ?1 AND state = 'pending'";
constexpr const char* kEmptyOutbox =
    "UPDATE outbox SET recipient_id = ?2, address = '', text = '', reply_to = NULL"
    " WHERE recipient_id = ?1";
// Phone numbers of the family, which Signal's inbound ids contain ("sig:+32...:ts").
constexpr const char* kPhoneContacts =
    "SELECT address FROM family_contacts WHERE family_id = ?1 AND channel IN ('sms', 'signal')"
    " AND length(address) >= 8";
constexpr const char* kForgetInbox = "DELETE FROM inbox WHERE instr(provider_id, ?1) > 0";
constexpr const char* kMoveResponses =
    "UPDATE responses SET family_id = ?2, note = '', text = '', conditions = '[]'"
    " WHERE family_id = ?1";
constexpr const char* kMoveQuestions =
    "UPDATE call_questions SET family_id = ?2, text = '' WHERE family_id = ?1";
constexpr const char* kMoveChoices = "UPDATE call_choices SET family_id = ?2 WHERE family_id = ?1";
constexpr const char* kMoveChosen = "UPDATE calls SET chosen_family = ?2 WHERE chosen_family = ?1";
constexpr const char* kMoveRecipients =
    "UPDATE call_recipients SET family_id = ?2 WHERE family_id = ?1";
constexpr const char* kMoveMatches = "UPDATE calls SET matched_family = ?2 WHERE matched_family = ?1";
constexpr const char* kMoveAuditActor = "UPDATE audit_log SET actor = ?2 WHERE actor = ?1";
constexpr const char* kDeleteCounters = "DELETE FROM message_counts WHERE person_id = ?1";
constexpr const char* kDeleteContacts = "DELETE FROM family_contacts WHERE family_id = ?1";
constexpr const char* kDeleteAvailability = "DELETE FROM family_availability WHERE family_id = ?1";
// link_codes and later tables referencing families go by ON DELETE CASCADE.
constexpr const char* kDeleteFamily = "DELETE FROM families WHERE id = ?1";

constexpr std::int64_t kSecondsPerDay = 24 * 60 * 60;
constexpr std::int64_t kRecentMatchSeconds = 24 * 60 * 60;

std::int64_t count(Database& db, const char* sql, UnixTime cutoff) {
  Query q = db.query(sql);
  q->bind_all(cutoff);
  q->step();
  return q->int64(0);
}

std::int64_t erase(Database& db, const char* sql, UnixTime cutoff) {
  db.query(sql)->bind_all(cutoff).run();
  return db.changes();
}

std::int64_t change(Database& db, const char* sql, const std::string& a, const std::string& b) {
  db.query(sql)->bind_all(a, b).run();
  return db.changes();
}

void audit(Database& db, UnixTime at, const std::string& actor, const char* action,
           const std::string& detail) {
  db.query(kAudit)->bind_all(at, actor, action, detail).run();
}

PurgeCounts purge_in(Database& db, UnixTime cutoff, bool dry_run) {
  if (dry_run) {
    PurgeCounts c;
    c.call_notes = count(db, kCountCallNotes, cutoff);
    c.response_notes = count(db, kCountResponseNotes, cutoff);
    c.outbox_texts = count(db, kCountOutboxTexts, cutoff);
    c.inbox_ids = count(db, kCountInbox, cutoff);
    c.question_texts = count(db, kCountQuestionTexts, cutoff);
    return c;
  }
  PurgeCounts c;
  // Responses and outbox first: they select calls by state and time, not by note.
  c.response_notes = erase(db, kEraseResponseNotes, cutoff);
  c.question_texts = erase(db, kEraseQuestionTexts, cutoff);
  c.outbox_texts = erase(db, kEraseOutboxTexts, cutoff);
  c.call_notes = erase(db, kEraseCallNotes, cutoff);
  c.inbox_ids = erase(db, kEraseInbox, cutoff);
  return c;
}

std::string random_opaque_id() {
  std::random_device rd;
  return fmt::format("forgotten-{:08x}{:08x}", rd(), rd());
}

bool exists(Database& db, const std::string& family_id) {
  Query q = db.query(kFamilyExists);
  q->bind_all(family_id);
  return q->step();
}

std::optional<std::string> picked_call(Database& db, const std::string& family_id, UnixTime now) {
  Query q = db.query(kPickedFor);
  q->bind_all(family_id, now - kRecentMatchSeconds);
  if (!q->step()) return std::nullopt;
  return q->text(0);
}

ForgetResult erase_family(Database& db, const std::string& id, UnixTime now) {
  ForgetResult r;
  r.opaque_id = random_opaque_id();
  std::vector<std::string> phones;
  {
    Query q = db.query(kPhoneContacts);
    q->bind_all(id);
    while (q->step()) phones.push_back(q->text(0));
  }
  for (const std::string& phone : phones) db.query(kForgetInbox)->bind_all(phone).run();
  db.query(kCancelPending)->bind_all(id, now).run();
  r.messages = change(db, kEmptyOutbox, id, r.opaque_id);
  r.answers = change(db, kMoveResponses, id, r.opaque_id);
  r.calls_received = change(db, kMoveRecipients, id, r.opaque_id);
  change(db, kMoveMatches, id, r.opaque_id);
  change(db, kMoveQuestions, id, r.opaque_id);
  change(db, kMoveChoices, id, r.opaque_id);
  change(db, kMoveChosen, id, r.opaque_id);
  change(db, kMoveAuditActor, id, r.opaque_id);
  for (const char* sql : {kDeleteCounters, kDeleteContacts, kDeleteAvailability, kDeleteFamily}) {
    db.query(sql)->bind_all(id).run();
  }
  return r;
}

}  // namespace

bool PurgeGate::due(UnixTime now) {
  if (last_ && now >= *last_ && now - *last_ < interval_) return false;
  last_ = now;
  return true;
}

Result<PurgeCounts> purge_expired(Store& store, UnixTime now, int days, bool dry_run,
                                  const std::string& actor) {
  if (days < 1) {
    return Error::Invalid(fmt::format(
        "retention days must be at least 1, got {}; set [retention] days in the config", days));
  }
  const UnixTime cutoff = now - days * kSecondsPerDay;
  PurgeCounts counts;
  const Status s = store.with_database([&](Database& db) -> Status {
    Transaction tx(db);
    counts = purge_in(db, cutoff, dry_run);
    counts.response_urls = purge_response_urls(db, now, dry_run);
    if (!dry_run && counts.total() > 0) {
      audit(db, now, actor, "retention.purge",
            fmt::format("erased after {} days: {} call notes, {} answer texts, {} questions, "
                        "{} message texts, {} inbound ids",
                        days, counts.call_notes, counts.response_notes, counts.question_texts,
                        counts.outbox_texts, counts.inbox_ids));
    }
    tx.commit();
    return Ok();
  });
  if (!s.ok()) return s.error();
  return counts;
}

Result<ForgetResult> forget_family(Store& store, const std::string& family_id, UnixTime now) {
  ForgetResult result;
  const Status s = store.with_database([&](Database& db) -> Status {
    Transaction tx(db);
    if (!exists(db, family_id)) {
      return Error::NotFound(fmt::format(
          "no family with id '{}': nothing was erased (check `noodbel families list`; a family "
          "forgotten before is no longer listed)",
          family_id));
    }
    if (const auto code = picked_call(db, family_id, now)) {
      return Error::Conflict(fmt::format(
          "family '{}' is the picked family of call {}, which is open or was matched less than "
          "24 hours ago; the caseworker may still need its contact details. Try again later; "
          "nothing was erased",
          family_id, *code));
    }
    result = erase_family(db, family_id, now);
    audit(db, now, "admin", "family.forget",
          fmt::format("personal data erased; {} messages emptied, {} answers and {} call "
                      "receipts kept as {}",
                      result.messages, result.answers, result.calls_received, result.opaque_id));
    tx.commit();
    return Ok();
  });
  if (!s.ok()) return s.error();
  return result;
}

}  // namespace noodbel::store
