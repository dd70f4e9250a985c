#include "store/sqlite_repository.h"

#include <sqlite3.h>

#include <charconv>
#include <unordered_map>
#include <utility>

namespace noodbel::store {
namespace {

// ---- people ----
constexpr const char* kFamilyById =
    "SELECT id, service, display_name, postcode, lat, lon, max_distance_km, min_age_months,"
    " max_age_months, max_children, languages, paused_until, opted_in, preferred_language"
    " FROM families WHERE id = ?1";
constexpr const char* kAllFamilies =
    "SELECT id, service, display_name, postcode, lat, lon, max_distance_km, min_age_months,"
    " max_age_months, max_children, languages, paused_until, opted_in, preferred_language"
    " FROM families ORDER BY id";
constexpr const char* kFamilyContacts =
    "SELECT channel, address FROM family_contacts WHERE family_id = ?1 ORDER BY position";
constexpr const char* kAllFamilyContacts =
    "SELECT family_id, channel, address FROM family_contacts ORDER BY family_id, position";
constexpr const char* kFamilyAvailability =
    "SELECT weekday, start_minute, end_minute FROM family_availability WHERE family_id = ?1"
    " ORDER BY rowid";
constexpr const char* kAllFamilyAvailability =
    "SELECT family_id, weekday, start_minute, end_minute FROM family_availability"
    " ORDER BY family_id, rowid";
constexpr const char* kUpsertFamily =
    "INSERT INTO families (id, service, display_name, postcode, lat, lon, max_distance_km,"
    " min_age_months, max_age_months, max_children, languages, paused_until, opted_in,"
    " preferred_language, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?15)"
    " ON CONFLICT (id) DO UPDATE SET service = excluded.service,"
    " display_name = excluded.display_name, postcode = excluded.postcode, lat = excluded.lat,"
    " lon = excluded.lon, max_distance_km = excluded.max_distance_km,"
    " min_age_months = excluded.min_age_months, max_age_months = excluded.max_age_months,"
    " max_children = excluded.max_children, languages = excluded.languages,"
    " paused_until = excluded.paused_until, opted_in = excluded.opted_in,"
    " preferred_language = excluded.preferred_language, updated_at = excluded.updated_at";
constexpr const char* kDeleteFamilyContacts = "DELETE FROM family_contacts WHERE family_id = ?1";
constexpr const char* kInsertFamilyContact =
    "INSERT INTO family_contacts (family_id, position, channel, address) VALUES (?1, ?2, ?3, ?4)";
constexpr const char* kDeleteFamilyAvailability =
    "DELETE FROM family_availability WHERE family_id = ?1";
constexpr const char* kInsertFamilyAvailability =
    "INSERT INTO family_availability (family_id, weekday, start_minute, end_minute)"
    " VALUES (?1, ?2, ?3, ?4)";

constexpr const char* kCaseworkerById =
    "SELECT id, service, name, role, language FROM caseworkers WHERE id = ?1";
constexpr const char* kAllCaseworkers =
    "SELECT id, service, name, role, language FROM caseworkers ORDER BY id";
constexpr const char* kCaseworkerContacts =
    "SELECT channel, address FROM caseworker_contacts WHERE caseworker_id = ?1"
    " ORDER BY position";
constexpr const char* kUpsertCaseworker =
    "INSERT INTO caseworkers (id, service, name, role, language) VALUES (?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (id) DO UPDATE SET service = excluded.service, name = excluded.name,"
    " role = excluded.role, language = excluded.language";
constexpr const char* kDeleteCaseworkerContacts =
    "DELETE FROM caseworker_contacts WHERE caseworker_id = ?1";
constexpr const char* kInsertCaseworkerContact =
    "INSERT INTO caseworker_contacts (caseworker_id, position, channel, address)"
    " VALUES (?1, ?2, ?3, ?4)";

constexpr const char* kFamilyExists = "SELECT 1 FROM families WHERE id = ?1";
constexpr const char* kCaseworkerExists = "SELECT 1 FROM caseworkers WHERE id = ?1";
constexpr const char* kFamilyByContact =
    "SELECT family_id FROM family_contacts WHERE channel = ?1 AND address = ?2"
    " ORDER BY family_id LIMIT 1";
constexpr const char* kCaseworkerByContact =
    "SELECT caseworker_id FROM caseworker_contacts WHERE channel = ?1 AND address = ?2"
    " ORDER BY caseworker_id LIMIT 1";

// ---- calls ----
constexpr const char* kCodeInUse =
    "SELECT EXISTS (SELECT 1 FROM calls WHERE code = ?1"
    " AND (state = 'open' OR closed_at IS NULL OR closed_at > ?2))";
constexpr const char* kInsertCall =
    "INSERT INTO calls (code, service, caseworker_id, ages_months, postcode, place, lat, lon,"
    " languages, duration_hours, needed_from, note, urgent, state, created_at, closed_at,"
    " matched_family, wave_size, closed_by, chosen_family, chosen_at, chosen_by, expires_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
    " ?19, ?20, ?21, ?22, ?23)";
constexpr const char* kCallStateById = "SELECT state FROM calls WHERE id = ?1";
constexpr const char* kUpdateCall =
    "UPDATE calls SET state = ?2, closed_at = ?3, matched_family = ?4, closed_by = ?5,"
    " chosen_family = ?6, chosen_at = ?7, chosen_by = ?8, expires_at = ?9, urgent = ?10"
    " WHERE id = ?1";
constexpr const char* kInsertCallEvent =
    "INSERT INTO call_events (call_id, at, actor, from_state, to_state)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kCallById =
    "SELECT id, code, service, caseworker_id, ages_months, postcode, place, lat, lon,"
    " languages, duration_hours, needed_from, note, urgent, state, created_at, closed_at,"
    " matched_family, wave_size, closed_by, chosen_family, chosen_at, chosen_by, expires_at FROM calls WHERE id = ?1";
constexpr const char* kCallByCode =
    "SELECT id, code, service, caseworker_id, ages_months, postcode, place, lat, lon,"
    " languages, duration_hours, needed_from, note, urgent, state, created_at, closed_at,"
    " matched_family, wave_size, closed_by, chosen_family, chosen_at, chosen_by, expires_at FROM calls WHERE code = ?1 ORDER BY created_at DESC, id DESC LIMIT 1";
constexpr const char* kOpenCalls =
    "SELECT id, code, service, caseworker_id, ages_months, postcode, place, lat, lon,"
    " languages, duration_hours, needed_from, note, urgent, state, created_at, closed_at,"
    " matched_family, wave_size, closed_by, chosen_family, chosen_at, chosen_by, expires_at FROM calls WHERE state = 'open' ORDER BY created_at, id";
constexpr const char* kOpenCallsForFamily =
    "SELECT c.id, c.code, c.service, c.caseworker_id, c.ages_months, c.postcode, c.place,"
    " c.lat, c.lon, c.languages, c.duration_hours, c.needed_from, c.note, c.urgent, c.state,"
    " c.created_at, c.closed_at, c.matched_family, c.wave_size, c.closed_by,"
    " c.chosen_family, c.chosen_at, c.chosen_by, c.expires_at"
    " FROM calls c JOIN call_recipients r ON r.call_id = c.id"
    " WHERE r.family_id = ?1 AND c.state = 'open' ORDER BY c.created_at DESC, c.id DESC";
// Calls sent to a family since a time, the newest sending first.
constexpr const char* kRecentCallsForFamily =
    "SELECT c.id, c.code, c.service, c.caseworker_id, c.ages_months, c.postcode, c.place,"
    " c.lat, c.lon, c.languages, c.duration_hours, c.needed_from, c.note, c.urgent, c.state,"
    " c.created_at, c.closed_at, c.matched_family, c.wave_size, c.closed_by,"
    " c.chosen_family, c.chosen_at, c.chosen_by, c.expires_at"
    " FROM calls c JOIN call_recipients r ON r.call_id = c.id"
    " WHERE r.family_id = ?1 AND r.sent_at >= ?2 ORDER BY r.sent_at DESC, c.id DESC";
constexpr const char* kPlacementsSince =
    "SELECT COUNT(*) FROM calls WHERE matched_family = ?1 AND state = 'matched'"
    " AND closed_at >= ?2";
constexpr const char* kDeliveredRecipients =
    "SELECT DISTINCT recipient_id FROM outbox WHERE call_id = ?1 AND state = 'delivered'"
    " ORDER BY recipient_id";
constexpr const char* kDeliveryStatuses =
    "SELECT recipient_id, channel, state, last_error, COALESCE(failed_at, sent_at, created_at)"
    " FROM outbox WHERE id IN (SELECT max(id) FROM outbox WHERE call_id = ?1"
    " GROUP BY recipient_id) ORDER BY recipient_id";
constexpr const char* kAddRecipient =
    "INSERT INTO call_recipients (call_id, family_id, distance_km, wave, sent_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (call_id, family_id) DO NOTHING";
constexpr const char* kRecipients =
    "SELECT call_id, family_id, distance_km, wave, sent_at FROM call_recipients"
    " WHERE call_id = ?1 ORDER BY wave, distance_km, family_id";
constexpr const char* kUpsertResponse =
    "INSERT INTO responses (call_id, family_id, answer, note, answered_at, text, conditions,"
    " previous_answer) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
    " ON CONFLICT (call_id, family_id) DO UPDATE SET answer = excluded.answer,"
    " note = excluded.note, answered_at = excluded.answered_at, text = excluded.text,"
    " conditions = excluded.conditions, previous_answer = excluded.previous_answer";
constexpr const char* kResponses =
    "SELECT call_id, family_id, answer, note, answered_at, text, conditions, previous_answer"
    " FROM responses WHERE call_id = ?1 ORDER BY answered_at, family_id";
constexpr const char* kResponse =
    "SELECT call_id, family_id, answer, note, answered_at, text, conditions, previous_answer"
    " FROM responses WHERE call_id = ?1 AND family_id = ?2";
constexpr const char* kAddQuestion =
    "INSERT INTO call_questions (call_id, family_id, kind, text, asked_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kQuestions =
    "SELECT call_id, family_id, kind, text, asked_at FROM call_questions WHERE call_id = ?1"
    " ORDER BY asked_at, id";
constexpr const char* kAddChoice =
    "INSERT INTO call_choices (call_id, family_id, chosen_by, chosen_at, outcome, ended_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr const char* kEndChoice =
    "UPDATE call_choices SET outcome = ?3, ended_at = ?4 WHERE id = (SELECT max(id)"
    " FROM call_choices WHERE call_id = ?1 AND family_id = ?2 AND outcome = 'chosen')";
constexpr const char* kChoices =
    "SELECT call_id, family_id, chosen_by, chosen_at, outcome, ended_at FROM call_choices"
    " WHERE call_id = ?1 ORDER BY id";
constexpr const char* kRecordNotice =
    "INSERT INTO call_notices (call_id, kind, key, at) VALUES (?1, ?2, ?3, ?4)"
    " ON CONFLICT (call_id, kind, key) DO NOTHING";
constexpr const char* kLastNotice =
    "SELECT call_id, kind, key, at FROM call_notices WHERE call_id = ?1 AND kind = ?2"
    " ORDER BY at DESC, key DESC LIMIT 1";

// ---- messages, audit ----
constexpr const char* kRememberInbound =
    "INSERT OR IGNORE INTO inbox (channel, provider_id, received_at) VALUES (?1, ?2, ?3)";
constexpr const char* kEnqueue =
    "INSERT INTO outbox (recipient_id, channel, address, text, priority, call_id, state,"
    " attempts, next_attempt_at, created_at, reply_to)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'pending', 0, ?7, ?7, ?8)";
constexpr const char* kCallOfSentMessage =
    "SELECT call_id FROM outbox WHERE channel = ?1 AND provider_message_id = ?2"
    " ORDER BY id DESC LIMIT 1";
constexpr const char* kCancelPendingFor =
    "UPDATE outbox SET state = 'failed', last_error = ?2, failed_at = ?3"
    " WHERE recipient_id = ?1 AND state = 'pending'";

// ---- rate limits ----
constexpr const char* kForgetOldMessageCounts =
    "DELETE FROM message_counts WHERE window_start < ?1";
constexpr const char* kCountMessage =
    "INSERT INTO message_counts (person_id, window_start, count) VALUES (?1, ?2, 1)"
    " ON CONFLICT (person_id, window_start) DO UPDATE SET count = count + 1 RETURNING count";
constexpr const char* kForgetEndedUnknownSenders =
    "DELETE FROM unknown_senders WHERE window_start <= ?1";
constexpr const char* kCountUnknownSender =
    "INSERT INTO unknown_senders (channel, address_hash, window_start, count)"
    " VALUES (?1, ?2, ?3, 1) ON CONFLICT (channel, address_hash) DO UPDATE SET"
    " count = count + 1 RETURNING count";
constexpr const char* kAudit =
    "INSERT INTO audit_log (at, actor, action, detail) VALUES (?1, ?2, ?3, ?4)";

// ---- linking codes ----
constexpr const char* kDeleteUnusedLinkCodes =
    "DELETE FROM link_codes WHERE family_id = ?1 AND used_at IS NULL";
constexpr const char* kInsertLinkCode =
    "INSERT INTO link_codes (code_hash, family_id, created_at, expires_at, used_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr const char* kLinkCodeByHash =
    "SELECT code_hash, family_id, created_at, expires_at, used_at FROM link_codes"
    " WHERE code_hash = ?1";
constexpr const char* kConsumeLinkCode =
    "UPDATE link_codes SET used_at = ?2 WHERE code_hash = ?1 AND used_at IS NULL";

// ---- digest runs ----
constexpr const char* kRecordDigestRun =
    "INSERT INTO digest_runs (date, service, sent_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (date, service) DO NOTHING";
constexpr const char* kLatestDigestRun =
    "SELECT max(date) FROM digest_runs WHERE service = ?1";

// ---- column encodings ----

template <typename F>
void for_each_item(std::string_view list, F&& f) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view item = list.substr(0, comma);
    if (!item.empty()) f(item);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

std::string encode_languages(const std::vector<Language>& languages) {
  std::string out;
  for (const Language l : languages) {
    if (!out.empty()) out += ',';
    out += to_string(l);
  }
  return out;
}

std::vector<Language> decode_languages(std::string_view list) {
  std::vector<Language> out;
  for_each_item(list, [&](std::string_view item) {
    if (const auto l = language_from_string(item)) out.push_back(*l);
  });
  return out;
}

std::string encode_ints(const std::vector<int>& values) {
  std::string out;
  for (const int v : values) {
    if (!out.empty()) out += ',';
    out += std::to_string(v);
  }
  return out;
}

std::vector<int> decode_ints(std::string_view list) {
  std::vector<int> out;
  for_each_item(list, [&](std::string_view item) {
    int v = 0;
    const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), v);
    if (ec == std::errc() && end == item.data() + item.size()) out.push_back(v);
  });
  return out;
}

// Columns as in kFamilyById; contacts and availability are filled by the caller.
Family read_family(const Statement& s) {
  Family f;
  f.id = s.text(0);
  f.service = s.text(1);
  f.display_name = s.text(2);
  f.postcode = s.text(3);
  f.home = {s.real(4), s.real(5)};
  f.max_distance_km = s.integer(6);
  f.min_age_months = s.integer(7);
  f.max_age_months = s.integer(8);
  f.max_children = s.integer(9);
  f.languages = decode_languages(s.text(10));
  f.paused_until = s.optional_int64(11);
  f.opted_in = s.integer(12) != 0;
  f.preferred_language = language_from_string(s.text(13)).value_or(Language::kNl);
  return f;
}

Caseworker read_caseworker(const Statement& s) {
  Caseworker c;
  c.id = s.text(0);
  c.service = s.text(1);
  c.name = s.text(2);
  c.role = role_from_string(s.text(3)).value_or(Role::kCaseworker);
  c.language = language_from_string(s.text(4)).value_or(Language::kNl);
  return c;
}

// Columns as in kCallById.
Call read_call(const Statement& s) {
  Call c;
  c.id = s.int64(0);
  c.code = s.text(1);
  c.service = s.text(2);
  c.caseworker_id = s.text(3);
  c.ages_months = decode_ints(s.text(4));
  c.postcode = s.text(5);
  c.place = s.text(6);
  c.location = {s.real(7), s.real(8)};
  c.languages = decode_languages(s.text(9));
  c.duration_hours = s.integer(10);
  c.needed_from = s.int64(11);
  c.note = s.text(12);
  c.urgent = s.integer(13) != 0;
  c.state = call_state_from_string(s.text(14)).value_or(CallState::kOpen);
  c.created_at = s.int64(15);
  c.closed_at = s.optional_int64(16);
  c.matched_family = s.optional_text(17);
  c.wave_size = s.is_null(18) ? std::nullopt : std::optional<int>(s.integer(18));
  c.closed_by = s.optional_text(19);
  c.chosen_family = s.optional_text(20);
  c.chosen_at = s.optional_int64(21);
  c.chosen_by = s.optional_text(22);
  c.expires_at = s.optional_int64(23);
  return c;
}

Contact read_contact(const Statement& s, int first) {
  return {channel_from_string(s.text(first)), s.text(first + 1)};
}

WeeklyWindow read_window(const Statement& s, int first) {
  return {s.integer(first), s.integer(first + 1), s.integer(first + 2)};
}

std::vector<Contact> contacts_of(Query q) {
  std::vector<Contact> out;
  while (q->step()) out.push_back(read_contact(*q, 0));
  return out;
}

bool exists(Query q) { return q->step(); }

// A row of kResponses / kResponse.
Response response_row(const Statement& s) {
  Response r;
  r.call_id = s.int64(0);
  r.family_id = s.text(1);
  r.answer = answer_from_string(s.text(2)).value_or(Answer::kNo);
  r.note = s.text(3);
  r.answered_at = s.int64(4);
  r.text = s.text(5);
  r.conditions = decode_conditions(s.text(6));
  if (const std::optional<std::string> p = s.optional_text(7)) r.previous = answer_from_string(*p);
  return r;
}

std::optional<std::string> first_text(Query q) {
  if (!q->step()) return std::nullopt;
  return q->text(0);
}

std::string_view call_event_actor(const Call& call) {
  if (call.closed_by && !call.closed_by->empty()) return *call.closed_by;
  if (call.state == CallState::kExpired || call.caseworker_id.empty()) return "system";
  return call.caseworker_id;
}

}  // namespace

SqliteRepository::SqliteRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {
  if (!db_.in_transaction()) {
    throw StoreError("SqliteRepository needs an open transaction", SQLITE_MISUSE, "(none)");
  }
}

// ---- people ----

std::optional<Family> SqliteRepository::family(std::string_view id) {
  std::optional<Family> f;
  {
    Query q = db_.query(kFamilyById);
    q->bind_all(id);
    if (!q->step()) return std::nullopt;
    f = read_family(*q);
  }
  f->contacts = family_contacts(id);
  f->availability = family_availability(id);
  return f;
}

std::vector<Family> SqliteRepository::families() {
  std::vector<Family> out;
  std::unordered_map<std::string, std::size_t> index;
  {
    Query q = db_.query(kAllFamilies);
    while (q->step()) {
      out.push_back(read_family(*q));
      index.emplace(out.back().id, out.size() - 1);
    }
  }
  {
    Query q = db_.query(kAllFamilyContacts);
    while (q->step()) {
      const auto it = index.find(q->text(0));
      if (it != index.end()) out[it->second].contacts.push_back(read_contact(*q, 1));
    }
  }
  {
    Query q = db_.query(kAllFamilyAvailability);
    while (q->step()) {
      const auto it = index.find(q->text(0));
      if (it != index.end()) out[it->second].availability.push_back(read_window(*q, 1));
    }
  }
  return out;
}

void SqliteRepository::upsert_family(const Family& f) {
  db_.query(kUpsertFamily)
      ->bind_all(f.id, f.service, f.display_name, f.postcode, f.home.lat, f.home.lon,
                 f.max_distance_km, f.min_age_months, f.max_age_months, f.max_children,
                 encode_languages(f.languages), f.paused_until, f.opted_in ? 1 : 0,
                 to_string(f.preferred_language), clock_.now())
      .run();
  db_.query(kDeleteFamilyContacts)->bind_all(f.id).run();
  int position = 0;
  for (const Contact& c : f.contacts) {
    db_.query(kInsertFamilyContact)->bind_all(f.id, position++, to_string(c.channel), c.address).run();
  }
  db_.query(kDeleteFamilyAvailability)->bind_all(f.id).run();
  for (const WeeklyWindow& w : f.availability) {
    db_.query(kInsertFamilyAvailability)
        ->bind_all(f.id, w.weekday, w.start_minute, w.end_minute)
        .run();
  }
}

std::vector<Contact> SqliteRepository::family_contacts(std::string_view id) {
  Query q = db_.query(kFamilyContacts);
  q->bind_all(id);
  return contacts_of(std::move(q));
}

std::vector<WeeklyWindow> SqliteRepository::family_availability(std::string_view id) {
  std::vector<WeeklyWindow> out;
  Query q = db_.query(kFamilyAvailability);
  q->bind_all(id);
  while (q->step()) out.push_back(read_window(*q, 0));
  return out;
}

std::vector<Contact> SqliteRepository::caseworker_contacts(std::string_view id) {
  Query q = db_.query(kCaseworkerContacts);
  q->bind_all(id);
  return contacts_of(std::move(q));
}

std::optional<Caseworker> SqliteRepository::caseworker(std::string_view id) {
  std::optional<Caseworker> c;
  {
    Query q = db_.query(kCaseworkerById);
    q->bind_all(id);
    if (!q->step()) return std::nullopt;
    c = read_caseworker(*q);
  }
  c->contacts = caseworker_contacts(id);
  return c;
}

std::vector<Caseworker> SqliteRepository::caseworkers() {
  std::vector<Caseworker> out;
  {
    Query q = db_.query(kAllCaseworkers);
    while (q->step()) out.push_back(read_caseworker(*q));
  }
  for (Caseworker& c : out) c.contacts = caseworker_contacts(c.id);
  return out;
}

void SqliteRepository::upsert_caseworker(const Caseworker& c) {
  db_.query(kUpsertCaseworker)
      ->bind_all(c.id, c.service, c.name, to_string(c.role), to_string(c.language))
      .run();
  db_.query(kDeleteCaseworkerContacts)->bind_all(c.id).run();
  int position = 0;
  for (const Contact& contact : c.contacts) {
    db_.query(kInsertCaseworkerContact)
        ->bind_all(c.id, position++, to_string(contact.channel), contact.address)
        .run();
  }
}

Sender SqliteRepository::sender_by_contact(Channel channel, std::string_view address) {
  using Kind = Sender::Kind;
  if (channel == Channel::kSandbox) {
    const std::string id(address);
    {
      Query q = db_.query(kFamilyExists);
      q->bind_all(id);
      if (exists(std::move(q))) return {Kind::kFamily, id};
    }
    Query q = db_.query(kCaseworkerExists);
    q->bind_all(id);
    if (exists(std::move(q))) return {Kind::kCaseworker, id};
    return {};
  }
  const std::string_view name = to_string(channel);
  {
    Query q = db_.query(kFamilyByContact);
    q->bind_all(name, address);
    if (auto id = first_text(std::move(q))) return {Kind::kFamily, std::move(*id)};
  }
  Query q = db_.query(kCaseworkerByContact);
  q->bind_all(name, address);
  if (auto id = first_text(std::move(q))) return {Kind::kCaseworker, std::move(*id)};
  return {};
}

// ---- calls ----

bool SqliteRepository::code_in_use(std::string_view code, UnixTime now,
                                   std::int64_t reuse_after) {
  Query q = db_.query(kCodeInUse);
  q->bind_all(code, now - reuse_after);
  q->step();
  return q->int64(0) != 0;
}

std::int64_t SqliteRepository::insert_call(const Call& c) {
  db_.query(kInsertCall)
      ->bind_all(c.code, c.service, c.caseworker_id, encode_ints(c.ages_months), c.postcode,
                 c.place, c.location.lat, c.location.lon, encode_languages(c.languages),
                 c.duration_hours, c.needed_from, c.note, c.urgent ? 1 : 0, to_string(c.state),
                 c.created_at, c.closed_at, c.matched_family, c.wave_size, c.closed_by,
                 c.chosen_family, c.chosen_at, c.chosen_by, c.expires_at)
      .run();
  return db_.last_insert_rowid();
}

void SqliteRepository::update_call(const Call& call) {
  std::optional<std::string> before;
  {
    Query q = db_.query(kCallStateById);
    q->bind_all(call.id);
    before = first_text(std::move(q));
  }
  if (!before) return;  // no such call: nothing to update
  const std::string_view after = to_string(call.state);
  db_.query(kUpdateCall)
      ->bind_all(call.id, after, call.closed_at, call.matched_family, call.closed_by,
                 call.chosen_family, call.chosen_at, call.chosen_by, call.expires_at,
                 call.urgent ? 1 : 0)
      .run();
  if (*before != after) {
    db_.query(kInsertCallEvent)
        ->bind_all(call.id, call.closed_at.value_or(clock_.now()), call_event_actor(call), *before,
                   after)
        .run();
  }
}

std::vector<Call> SqliteRepository::calls_of(Query q) {
  std::vector<Call> out;
  while (q->step()) out.push_back(read_call(*q));
  return out;
}

std::optional<Call> SqliteRepository::call_by_id(std::int64_t id) {
  Query q = db_.query(kCallById);
  q->bind_all(id);
  auto calls = calls_of(std::move(q));
  if (calls.empty()) return std::nullopt;
  return std::move(calls.front());
}

std::optional<Call> SqliteRepository::call_by_code(std::string_view code) {
  Query q = db_.query(kCallByCode);
  q->bind_all(code);
  auto calls = calls_of(std::move(q));
  if (calls.empty()) return std::nullopt;
  return std::move(calls.front());
}

std::vector<Call> SqliteRepository::open_calls() { return calls_of(db_.query(kOpenCalls)); }

void SqliteRepository::add_recipient(const Recipient& r) {
  db_.query(kAddRecipient)->bind_all(r.call_id, r.family_id, r.distance_km, r.wave, r.sent_at).run();
}

std::vector<Recipient> SqliteRepository::recipients(std::int64_t call_id) {
  std::vector<Recipient> out;
  Query q = db_.query(kRecipients);
  q->bind_all(call_id);
  while (q->step()) {
    out.push_back({q->int64(0), q->text(1), q->real(2), q->integer(3), q->int64(4)});
  }
  return out;
}

std::vector<Call> SqliteRepository::open_calls_for_family(std::string_view family_id) {
  Query q = db_.query(kOpenCallsForFamily);
  q->bind_all(family_id);
  return calls_of(std::move(q));
}

std::vector<Call> SqliteRepository::recent_calls_for_family(std::string_view family_id,
                                                            UnixTime since) {
  Query q = db_.query(kRecentCallsForFamily);
  q->bind_all(family_id, since);
  return calls_of(std::move(q));
}

void SqliteRepository::upsert_response(const Response& r) {
  const std::optional<std::string_view> previous =
      r.previous ? std::optional<std::string_view>(to_string(*r.previous)) : std::nullopt;
  db_.query(kUpsertResponse)
      ->bind_all(r.call_id, r.family_id, to_string(r.answer), r.note, r.answered_at, r.text,
                 encode_conditions(r.conditions), previous)
      .run();
}

std::vector<Response> SqliteRepository::responses(std::int64_t call_id) {
  std::vector<Response> out;
  Query q = db_.query(kResponses);
  q->bind_all(call_id);
  while (q->step()) out.push_back(response_row(*q));
  return out;
}

std::optional<Response> SqliteRepository::response(std::int64_t call_id,
                                                   std::string_view family_id) {
  Query q = db_.query(kResponse);
  q->bind_all(call_id, family_id);
  if (!q->step()) return std::nullopt;
  return response_row(*q);
}

void SqliteRepository::add_question(const FamilyQuestion& question) {
  db_.query(kAddQuestion)
      ->bind_all(question.call_id, question.family_id, to_string(question.kind), question.text,
                 question.asked_at)
      .run();
}

std::vector<FamilyQuestion> SqliteRepository::questions(std::int64_t call_id) {
  std::vector<FamilyQuestion> out;
  Query q = db_.query(kQuestions);
  q->bind_all(call_id);
  while (q->step()) {
    out.push_back({q->int64(0), q->text(1),
                   question_kind_from_string(q->text(2)).value_or(QuestionKind::kQuestion),
                   q->text(3), q->int64(4)});
  }
  return out;
}

void SqliteRepository::add_choice(const Choice& c) {
  db_.query(kAddChoice)
      ->bind_all(c.call_id, c.family_id, c.chosen_by, c.chosen_at, to_string(c.outcome),
                 c.ended_at)
      .run();
}

bool SqliteRepository::end_choice(std::int64_t call_id, std::string_view family_id,
                                  ChoiceOutcome outcome, UnixTime at) {
  db_.query(kEndChoice)->bind_all(call_id, family_id, to_string(outcome), at).run();
  return db_.changes() == 1;
}

std::vector<Choice> SqliteRepository::choices(std::int64_t call_id) {
  std::vector<Choice> out;
  Query q = db_.query(kChoices);
  q->bind_all(call_id);
  while (q->step()) {
    out.push_back({q->int64(0), q->text(1), q->text(2), q->int64(3),
                   choice_outcome_from_string(q->text(4)).value_or(ChoiceOutcome::kChosen),
                   q->optional_int64(5)});
  }
  return out;
}

bool SqliteRepository::record_notice(const CallNotice& n) {
  db_.query(kRecordNotice)->bind_all(n.call_id, n.kind, n.key, n.at).run();
  return db_.changes() == 1;
}

std::optional<CallNotice> SqliteRepository::last_notice(std::int64_t call_id,
                                                        std::string_view kind) {
  Query q = db_.query(kLastNotice);
  q->bind_all(call_id, kind);
  if (!q->step()) return std::nullopt;
  return CallNotice{q->int64(0), q->text(1), q->int64(2), q->int64(3)};
}

int SqliteRepository::placements_since(std::string_view family_id, UnixTime since) {
  Query q = db_.query(kPlacementsSince);
  q->bind_all(family_id, since);
  q->step();
  return q->integer(0);
}

std::vector<std::string> SqliteRepository::delivered_recipients(std::int64_t call_id) {
  std::vector<std::string> out;
  Query q = db_.query(kDeliveredRecipients);
  q->bind_all(call_id);
  while (q->step()) out.push_back(q->text(0));
  return out;
}

std::vector<DeliveryStatus> SqliteRepository::delivery_statuses(std::int64_t call_id) {
  std::vector<DeliveryStatus> out;
  Query q = db_.query(kDeliveryStatuses);
  q->bind_all(call_id);
  while (q->step()) {
    DeliveryStatus d;
    d.recipient_id = q->text(0);
    d.channel = channel_from_string(q->text(1));
    d.state = outbox_state_from_string(q->text(2)).value_or(OutboxState::kPending);
    d.last_error = q->text(3);
    d.at = q->int64(4);
    out.push_back(std::move(d));
  }
  return out;
}

// ---- messages, audit ----

bool SqliteRepository::remember_inbound(const InboundMessage& m) {
  db_.query(kRememberInbound)->bind_all(to_string(m.channel), m.provider_id, m.received_at).run();
  return db_.changes() == 1;
}

std::int64_t SqliteRepository::enqueue(const OutboundMessage& m, UnixTime now) {
  db_.query(kEnqueue)
      ->bind_all(m.recipient_id, to_string(m.channel), m.address, m.text, m.priority, m.call_id,
                 now, m.reply_to)
      .run();
  return db_.last_insert_rowid();
}

std::optional<std::int64_t> SqliteRepository::call_of_sent_message(
    Channel channel, std::string_view provider_message_id) {
  Query q = db_.query(kCallOfSentMessage);
  q->bind_all(to_string(channel), provider_message_id);
  if (!q->step()) return std::nullopt;
  return q->optional_int64(0);
}

int SqliteRepository::cancel_pending_for(std::string_view recipient_id, std::string_view reason,
                                         UnixTime now) {
  db_.query(kCancelPendingFor)->bind_all(recipient_id, reason, now).run();
  return db_.changes();
}

// ---- rate limits ----

int SqliteRepository::count_message(std::string_view person_id, UnixTime window_start) {
  db_.query(kForgetOldMessageCounts)->bind_all(window_start).run();
  Query q = db_.query(kCountMessage);
  q->bind_all(person_id, window_start);
  q->step();
  return q->integer(0);
}

int SqliteRepository::count_unknown_sender(Channel channel, std::string_view address_hash,
                                           UnixTime now, std::int64_t window_seconds) {
  db_.query(kForgetEndedUnknownSenders)->bind_all(now - window_seconds).run();
  Query q = db_.query(kCountUnknownSender);
  q->bind_all(to_string(channel), address_hash, now);
  q->step();
  return q->integer(0);
}

void SqliteRepository::audit(const AuditEntry& e) {
  db_.query(kAudit)->bind_all(e.at, e.actor, e.action, e.detail).run();
}

// ---- linking codes ----

void SqliteRepository::create_link_code(const LinkCode& code) {
  db_.query(kDeleteUnusedLinkCodes)->bind_all(code.family_id).run();
  db_.query(kInsertLinkCode)
      ->bind_all(code.code_hash, code.family_id, code.created_at, code.expires_at, code.used_at)
      .run();
}

std::optional<LinkCode> SqliteRepository::link_code(std::string_view code_hash) {
  Query q = db_.query(kLinkCodeByHash);
  q->bind_all(code_hash);
  if (!q->step()) return std::nullopt;
  LinkCode c;
  c.code_hash = q->text(0);
  c.family_id = q->text(1);
  c.created_at = q->int64(2);
  c.expires_at = q->int64(3);
  c.used_at = q->optional_int64(4);
  return c;
}

bool SqliteRepository::consume_link_code(std::string_view code_hash, UnixTime at) {
  db_.query(kConsumeLinkCode)->bind_all(code_hash, at).run();
  return db_.changes() == 1;
}

// ---- digest runs ----

bool SqliteRepository::record_digest_run(std::string_view date, std::string_view service,
                                         UnixTime sent_at) {
  db_.query(kRecordDigestRun)->bind_all(date, service, sent_at).run();
  return db_.changes() == 1;
}

std::optional<std::string> SqliteRepository::latest_digest_run(std::string_view service) {
  Query q = db_.query(kLatestDigestRun);
  q->bind_all(service);
  if (!q->step()) return std::nullopt;
  return q->optional_text(0);
}

}  // namespace noodbel::store
