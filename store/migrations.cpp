#include "store/migrations.h"
#include "bot/text/logfmt_value.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <string>

namespace noodbel::store {
namespace {

// Times are Unix seconds (UTC). Lists ("nl,fr", "48,84") are comma-separated.
constexpr const char* kMigration1 = R"sql(
CREATE TABLE services (
  id   TEXT PRIMARY KEY,
  name TEXT NOT NULL
);

CREATE TABLE caseworkers (
  id       TEXT PRIMARY KEY,
  service  TEXT NOT NULL,
  name     TEXT NOT NULL,
  role     TEXT NOT NULL CHECK (role IN ('caseworker', 'supervisor')),
  language TEXT NOT NULL CHECK (language IN ('nl', 'fr', 'en'))
);

CREATE TABLE caseworker_contacts (
  caseworker_id TEXT NOT NULL REFERENCES caseworkers(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  channel       TEXT NOT NULL CHECK (channel IN ('sandbox', 'sms', 'telegram', 'signal', 'slash')),
  address       TEXT NOT NULL,
  PRIMARY KEY (caseworker_id, position)
);
CREATE INDEX caseworker_contacts_by_address ON caseworker_contacts (channel, address);

CREATE TABLE families (
  id                 TEXT PRIMARY KEY,
  service            TEXT NOT NULL,
  display_name       TEXT NOT NULL,
  postcode           TEXT NOT NULL,
  lat                REAL NOT NULL,
  lon                REAL NOT NULL,
  max_distance_km    INTEGER NOT NULL CHECK (max_distance_km >= 0),
  min_age_months     INTEGER NOT NULL CHECK (min_age_months >= 0),
  max_age_months     INTEGER NOT NULL CHECK (max_age_months >= 0),
  max_children       INTEGER NOT NULL CHECK (max_children >= 0),
  languages          TEXT NOT NULL,
  paused_until       INTEGER,
  opted_in           INTEGER NOT NULL CHECK (opted_in IN (0, 1)),
  preferred_language TEXT NOT NULL CHECK (preferred_language IN ('nl', 'fr', 'en')),
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL
);

CREATE TABLE family_contacts (
  family_id TEXT NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  channel   TEXT NOT NULL CHECK (channel IN ('sandbox', 'sms', 'telegram', 'signal', 'slash')),
  address   TEXT NOT NULL,
  PRIMARY KEY (family_id, position)
);
CREATE INDEX family_contacts_by_address ON family_contacts (channel, address);

CREATE TABLE family_availability (
  family_id    TEXT NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
  end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440)
);
CREATE INDEX family_availability_by_family ON family_availability (family_id);

CREATE TABLE calls (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL,
  service        TEXT NOT NULL,
  caseworker_id  TEXT NOT NULL,
  ages_months    TEXT NOT NULL,
  postcode       TEXT NOT NULL,
  place          TEXT NOT NULL,
  lat            REAL NOT NULL,
  lon            REAL NOT NULL,
  languages      TEXT NOT NULL,
  duration_hours INTEGER NOT NULL CHECK (duration_hours >= 0),
  needed_from    INTEGER NOT NULL,
  note           TEXT NOT NULL,
  urgent         INTEGER NOT NULL CHECK (urgent IN (0, 1)),
  state          TEXT NOT NULL
                 CHECK (state IN ('open', 'matched', 'closed', 'cancelled', 'expired')),
  created_at     INTEGER NOT NULL,
  closed_at      INTEGER,
  matched_family TEXT
);
CREATE INDEX calls_by_code ON calls (code);
CREATE INDEX calls_by_state ON calls (state, created_at);

CREATE TABLE call_events (
  call_id    INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
  at         INTEGER NOT NULL,
  actor      TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state   TEXT NOT NULL
);
CREATE INDEX call_events_by_call ON call_events (call_id);

CREATE TABLE call_recipients (
  call_id     INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
  family_id   TEXT NOT NULL,
  distance_km REAL NOT NULL,
  wave        INTEGER NOT NULL CHECK (wave >= 1),
  sent_at     INTEGER NOT NULL,
  PRIMARY KEY (call_id, family_id)
);
CREATE INDEX call_recipients_by_family ON call_recipients (family_id);

CREATE TABLE responses (
  call_id     INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
  family_id   TEXT NOT NULL,
  answer      TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'maybe')),
  note        TEXT NOT NULL,
  answered_at INTEGER NOT NULL,
  PRIMARY KEY (call_id, family_id)
);

-- Inbound message ids only, for deduplication: never the message body.
CREATE TABLE inbox (
  channel     TEXT NOT NULL,
  provider_id TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (channel, provider_id)
);

CREATE TABLE outbox (
  id                  INTEGER PRIMARY KEY,
  recipient_id        TEXT NOT NULL,
  channel             TEXT NOT NULL,
  address             TEXT NOT NULL,
  text                TEXT NOT NULL,
  priority            INTEGER NOT NULL,
  call_id             INTEGER,
  state               TEXT NOT NULL
                      CHECK (state IN ('pending', 'sending', 'sent', 'delivered', 'failed')),
  attempts            INTEGER NOT NULL DEFAULT 0,
  next_attempt_at     INTEGER NOT NULL,
  created_at          INTEGER NOT NULL,
  sent_at             INTEGER,
  failed_at           INTEGER,
  provider_message_id TEXT,
  last_error          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox (channel, state, next_attempt_at);
CREATE INDEX outbox_by_state ON outbox (state, created_at);
CREATE INDEX outbox_by_recipient ON outbox (recipient_id);

CREATE TABLE audit_log (
  id     INTEGER PRIMARY KEY,
  at     INTEGER NOT NULL,
  actor  TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at);
)sql";

// Crisis calls for caseworkers: a per-call wave size, who ended a call, and the lookups
// of the ranked board (recent placements per family, delivery per call).
constexpr const char* kMigration2 = R"sql(
ALTER TABLE calls ADD COLUMN wave_size INTEGER CHECK (wave_size IS NULL OR wave_size >= 1);
ALTER TABLE calls ADD COLUMN closed_by TEXT;
CREATE INDEX calls_by_matched_family ON calls (matched_family, closed_at)
  WHERE state = 'matched';
-- Partial: rows enter it only once delivered, so queueing a call costs no extra index work.
CREATE INDEX outbox_delivered_by_call ON outbox (call_id) WHERE state = 'delivered';
)sql";

// Family conversation: tie a quoted bot message to its call, and rate-limit counters.
// unknown_senders holds a 64-bit FNV-1a hash of "channel:address" as a counter key (not a
// security measure), never the address, and forgets windows that ended.
constexpr const char* kMigration3 = R"sql(
CREATE INDEX outbox_by_provider_message ON outbox (channel, provider_message_id);

CREATE TABLE unknown_senders (
  channel      TEXT NOT NULL,
  address_hash TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  count        INTEGER NOT NULL CHECK (count >= 1),
  PRIMARY KEY (channel, address_hash)
);
CREATE INDEX unknown_senders_by_window ON unknown_senders (window_start);

CREATE TABLE message_counts (
  person_id    TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  count        INTEGER NOT NULL CHECK (count >= 1),
  PRIMARY KEY (person_id, window_start)
);
)sql";

// Channels: the board's per-family delivery status reads the newest outbox row per
// recipient of a call.
constexpr const char* kMigration4 = R"sql(
CREATE INDEX outbox_by_call ON outbox (call_id, recipient_id, id) WHERE call_id IS NOT NULL;
)sql";

// Digest: one row per (Brussels date, service) whose daily digest was queued, written in
// the transaction that enqueues its messages, so a digest is never sent twice.
constexpr const char* kMigration5 = R"sql(
CREATE TABLE digest_runs (
  date    TEXT NOT NULL CHECK (length(date) = 10),
  service TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  PRIMARY KEY (date, service)
);
)sql";

// Telegram linking (bot/linking.h): one-time codes that bind a chat to a family. Only a
// SHA-256 hash of a code is stored; a family's older unused codes are deleted on issue.
constexpr const char* kMigration6 = R"sql(
CREATE TABLE link_codes (
  code_hash  TEXT PRIMARY KEY CHECK (length(code_hash) = 64),
  family_id  TEXT NOT NULL REFERENCES families(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
);
CREATE INDEX link_codes_by_family ON link_codes (family_id);
)sql";

// Outbox: the provider id of the inbound message an outgoing reply answers, so channels
// that can quote it (Signal's quoteTimestamp) do.
constexpr const char* kMigration7 = R"sql(
ALTER TABLE outbox ADD COLUMN reply_to TEXT;
)sql";

// Operations: GET /metrics counts answers by intent, and the hourly retention run drops
// old inbound ids, without scanning whole tables.
constexpr const char* kMigration8 = R"sql(
CREATE INDEX responses_by_answer ON responses (answer);
CREATE INDEX inbox_by_time ON inbox (received_at);
)sql";

// Load: the per-minute message counter forgets earlier windows on every message; without
// this index that was a scan of every counter row (measured with bench/load.sh).
constexpr const char* kMigration9 = R"sql(
CREATE INDEX message_counts_by_window ON message_counts (window_start);
)sql";

// The caseworker's night: every answer keeps the family's own words and conditions and the
// answer it replaced; questions and requests to be called per call; the two-step pick
// (chosen, then confirmed or passed over); notices sent to caseworkers about a call (each
// once, updates spaced); a call's own expiry time (extended with /verleng).
constexpr const char* kMigration10 = R"sql(
ALTER TABLE responses ADD COLUMN text TEXT NOT NULL DEFAULT '';
ALTER TABLE responses ADD COLUMN conditions TEXT NOT NULL DEFAULT '[]';
ALTER TABLE responses ADD COLUMN previous_answer TEXT
  CHECK (previous_answer IS NULL OR previous_answer IN ('yes', 'no', 'maybe'));
ALTER TABLE calls ADD COLUMN chosen_family TEXT;
ALTER TABLE calls ADD COLUMN chosen_at INTEGER;
ALTER TABLE calls ADD COLUMN chosen_by TEXT;
ALTER TABLE calls ADD COLUMN expires_at INTEGER;

CREATE TABLE call_questions (
  id        INTEGER PRIMARY KEY,
  call_id   INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
  family_id TEXT NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('question', 'call_me')),
  text      TEXT NOT NULL,
  asked_at  INTEGER NOT NULL
);
CREATE INDEX call_questions_by_call ON call_questions (call_id, id);
CREATE INDEX call_questions_by_family ON call_questions (family_id);

CREATE TABLE call_choices (
  id        INTEGER PRIMARY KEY,
  call_id   INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
  family_id TEXT NOT NULL,
  chosen_by TEXT NOT NULL,
  chosen_at INTEGER NOT NULL,
  outcome   TEXT NOT NULL CHECK (outcome IN ('chosen', 'confirmed', 'passed')),
  ended_at  INTEGER
);
CREATE INDEX call_choices_by_call ON call_choices (call_id, id);
CREATE INDEX call_choices_by_family ON call_choices (family_id);

CREATE TABLE call_notices (
  call_id INTEGER NOT NULL REFERENCES calls(id) ON DELETE CASCADE,
  kind    TEXT NOT NULL,
  key     INTEGER NOT NULL,
  at      INTEGER NOT NULL,
  PRIMARY KEY (call_id, kind, key)
);
CREATE INDEX call_notices_by_kind ON call_notices (call_id, kind, at);
)sql";

// Slash push: the newest Slack / Mattermost response_url of each slash user, valid 30
// minutes for 5 posts (store/response_urls.h). A bearer secret: never logged or audited;
// retention deletes it once expired or used up (by expires_at).
constexpr const char* kMigration11 = R"sql(
CREATE TABLE slash_response_urls (
  user_id     TEXT PRIMARY KEY,
  provider    TEXT NOT NULL CHECK (provider IN ('slack', 'mattermost')),
  url         TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  uses_left   INTEGER NOT NULL CHECK (uses_left >= 0)
);
CREATE INDEX slash_response_urls_by_expiry ON slash_response_urls (expires_at);
)sql";

// Lease: when the dispatcher claimed a `sending` row (the Store's clock), so a claim no
// dispatcher holds any more goes back to pending while the service runs
// (OutboxQueue::release_expired_leases). The partial index holds only rows in flight.
constexpr const char* kMigration12 = R"sql(
ALTER TABLE outbox ADD COLUMN claimed_at INTEGER;
CREATE INDEX outbox_claimed ON outbox (channel, claimed_at) WHERE state = 'sending';
)sql";

// Readiness: GET /readyz writes one row here in a transaction (StoreHealth::probe_write), a
// real write that fails as the service's own writes would.
constexpr const char* kMigration13 = R"sql(
CREATE TABLE health_probe (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  at INTEGER NOT NULL
);
)sql";

// Inside the migration's transaction: another process may have migrated meanwhile.
constexpr const char* kUserVersion = "PRAGMA user_version";

bool apply_one(Database& db, const Migration& m) {
  Transaction tx(db);
  if (db.user_version() >= m.version) return false;  // applied by another process meanwhile
  db.exec(m.sql);
  // PRAGMA takes no parameters; the number comes from the compiled-in table above.
  const std::string set_version = fmt::format("{} = {}", kUserVersion, m.version);
  db.exec(set_version.c_str());
  tx.commit();
  spdlog::info("event=store.migrated version={} name={}", m.version, logfmt_value(m.name));
  return true;
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all{
      {1, "initial schema", kMigration1},
      {2, "calls: wave size, closed by; board lookups", kMigration2},
      {3, "conversation: quoted messages, rate-limit counters", kMigration3},
      {4, "channels: delivery status per call", kMigration4},
      {5, "digest: daily digest runs", kMigration5},
      {6, "linking: telegram link codes", kMigration6},
      {7, "outbox: the inbound message a reply quotes", kMigration7},
      {8, "operations: metrics and retention lookups", kMigration8},
      {9, "load: message counter windows", kMigration9},
      {10, "night: answer words and conditions, questions, two-step pick, notices", kMigration10},
      {11, "slash: response_url per slash user", kMigration11},
      {12, "outbox: claim lease", kMigration12},
      {13, "health: write probe", kMigration13},
  };
  return all;
}

int latest_schema_version() { return migrations().back().version; }

int apply_migrations(Database& db) {
  int applied = 0;
  for (const Migration& m : migrations()) {
    if (db.user_version() >= m.version) continue;
    if (apply_one(db, m)) ++applied;
  }
  return applied;
}

}  // namespace noodbel::store
