// Data retention and erasure (GDPR) on the Noodbel database: free functions over a Store,
// each one write transaction, audited with counts only. Thread-safe (the Store serialises).
// Callers: the scheduler (purge, at most hourly), `noodbel purge` and `noodbel families forget`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "bot/result.h"
#include "bot/types.h"
#include "store/store.h"

namespace noodbel::store {

// Rows whose text was (or, on a dry run, would be) erased.
struct PurgeCounts {
  std::int64_t call_notes = 0;      // calls.note of calls closed before the cutoff
  std::int64_t response_notes = 0;  // answers of those calls: the family's words, note and
                                    // conditions
  std::int64_t outbox_texts = 0;    // outbox.text of those calls, and of any finished row
                                    // created before the cutoff (pending rows are kept)
  std::int64_t inbox_ids = 0;       // inbound message ids (deduplication) older than that
  std::int64_t question_texts = 0;  // families' questions about those calls
  // Slash response_urls expired or used up at `now` (whatever `days` is), deleted. Not in
  // total() nor in the audit entry: short-lived secrets, not records about people.
  std::int64_t response_urls = 0;
  std::int64_t total() const {
    return call_notes + response_notes + outbox_texts + inbox_ids + question_texts;
  }
};

// Erases the free texts of calls closed more than `days` days before `now`, every finished
// outbox text and every inbound message id older than that; states, times and counts stay, so digest figures do
// not change. Also deletes the slash response_urls that expired (store/response_urls.h). A dry run counts and changes nothing. Audited as "retention.purge" by `actor`
// when something was erased. days < 1 is refused.
Result<PurgeCounts> purge_expired(Store& store, UnixTime now, int days, bool dry_run,
                                  const std::string& actor);

// When the scheduler purges: at its first tick, then at most once per `interval` seconds.
// Not thread-safe: the scheduler thread only.
class PurgeGate {
 public:
  explicit PurgeGate(std::int64_t interval_seconds = 60 * 60) : interval_(interval_seconds) {}
  // True (and remembers `now`) when a purge is due.
  bool due(UnixTime now);

 private:
  std::int64_t interval_;
  std::optional<UnixTime> last_;
};

struct ForgetResult {
  std::string opaque_id;          // "forgotten-..." now standing in for the family
  std::int64_t messages = 0;      // outbox rows emptied (address and text)
  std::int64_t answers = 0;       // responses kept under the opaque id, notes erased
  std::int64_t calls_received = 0;  // call_recipients rows kept under the opaque id
};

// Erases a family's personal data (GDPR): its row, contacts, availability, link codes,
// rate counters, outbox addresses, texts and quoted ids (pending messages are cancelled),
// inbound ids holding its numbers. Answers,
// recipients, matches and audit entries keep a random opaque id, so counts still add up.
// Refused (NotFound) for an unknown id, also when it was forgotten before (nothing changes,
// so repeating it is harmless); refused (Conflict) while the family is the picked family of
// an open call or of a call matched less than 24 hours ago. Audited without personal data.
Result<ForgetResult> forget_family(Store& store, const std::string& family_id, UnixTime now);

}  // namespace noodbel::store
