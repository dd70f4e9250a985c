// Repository: the port through which the core reads and changes stored state.
// The store implements it on one SQLite transaction (store/sqlite_repository.h); tests
// use an in-memory fake (tests/support/memory_repository.h). Every write made through
// one Repository object commits together with the outbox rows, or not at all.
// Not thread-safe: one unit of work at a time. Implementations throw only on storage
// failure (disk, corruption), which aborts the unit of work; everything else is a value.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/types.h"

namespace noodbel {

struct AuditEntry {
  UnixTime at = 0;
  std::string actor;   // person id, "system" or "admin"
  std::string action;  // e.g. "call.open", "response.record", "family.import"
  std::string detail;  // short, no message bodies, no phone numbers
};

// A one-time code that binds a Telegram chat to a family (bot/linking.h). Only the code's
// SHA-256 hash (64 lower-case hex digits) is stored, never the code.
struct LinkCode {
  std::string code_hash;
  std::string family_id;
  UnixTime created_at = 0;
  UnixTime expires_at = 0;
  std::optional<UnixTime> used_at;
};

class Repository {
 public:
  virtual ~Repository() = default;

  // --- people ---
  virtual std::optional<Family> family(std::string_view id) = 0;
  virtual std::vector<Family> families() = 0;  // ordered by id
  virtual void upsert_family(const Family& f) = 0;
  virtual std::optional<Caseworker> caseworker(std::string_view id) = 0;
  virtual std::vector<Caseworker> caseworkers() = 0;  // ordered by id
  virtual void upsert_caseworker(const Caseworker& c) = 0;
  // Who owns this contact? Sandbox contacts are the person id itself.
  virtual Sender sender_by_contact(Channel channel, std::string_view address) = 0;

  // --- calls ---
  // True when an open call, or one closed less than `reuse_after` seconds ago, has it.
  virtual bool code_in_use(std::string_view code, UnixTime now, std::int64_t reuse_after) = 0;
  virtual std::int64_t insert_call(const Call& call) = 0;  // returns the new id
  // Stores state, closed_at, matched_family, closed_by, chosen_family, chosen_at, chosen_by,
  // expires_at and urgent; a state change is recorded as a call event by closed_by (else "system"
  // for expiry, else the call's caseworker).
  virtual void update_call(const Call& call) = 0;
  virtual std::optional<Call> call_by_id(std::int64_t id) = 0;
  // The newest call with this code (codes are reused after a while).
  virtual std::optional<Call> call_by_code(std::string_view code) = 0;
  virtual std::vector<Call> open_calls() = 0;  // ordered by created_at
  virtual void add_recipient(const Recipient& r) = 0;
  virtual std::vector<Recipient> recipients(std::int64_t call_id) = 0;  // ordered by wave, distance
  // Open calls this family was sent, newest first.
  virtual std::vector<Call> open_calls_for_family(std::string_view family_id) = 0;
  // Calls in any state this family was sent at or after `since`, newest sent first.
  virtual std::vector<Call> recent_calls_for_family(std::string_view family_id,
                                                    UnixTime since) = 0;
  // One per (call, family): a later answer replaces the earlier one with all its fields.
  virtual void upsert_response(const Response& r) = 0;
  virtual std::vector<Response> responses(std::int64_t call_id) = 0;  // by answered_at, family
  // Questions and requests to be called about a call, oldest first.
  virtual void add_question(const FamilyQuestion& q) = 0;
  virtual std::vector<FamilyQuestion> questions(std::int64_t call_id) = 0;
  // The picking history of a call: add_choice records a new choice (outcome kChosen);
  // end_choice sets the outcome and ended_at of that family's newest open choice (false,
  // nothing changed, when it has none). choices() lists them oldest first.
  virtual void add_choice(const Choice& c) = 0;
  virtual bool end_choice(std::int64_t call_id, std::string_view family_id,
                          ChoiceOutcome outcome, UnixTime at) = 0;
  virtual std::vector<Choice> choices(std::int64_t call_id) = 0;
  // Notices sent to caseworkers about a call: record_notice is false, changing nothing,
  // when (call, kind, key) was recorded before; last_notice is the newest of a kind.
  virtual bool record_notice(const CallNotice& n) = 0;
  virtual std::optional<CallNotice> last_notice(std::int64_t call_id, std::string_view kind) = 0;
  // How many calls were matched to this family (closed_at at or after `since`).
  virtual int placements_since(std::string_view family_id, UnixTime since) = 0;
  // Recipients with at least one outbox row about this call in state delivered; by id.
  virtual std::vector<std::string> delivered_recipients(std::int64_t call_id) = 0;
  // Per recipient, the newest outbox row about this call (a failover's row replaces the
  // failed one); ordered by recipient id.
  virtual std::vector<DeliveryStatus> delivery_statuses(std::int64_t call_id) = 0;

  // --- messages ---
  // Records an inbound message id; false when (channel, provider_id) was seen before.
  virtual bool remember_inbound(const InboundMessage& m) = 0;
  virtual std::int64_t enqueue(const OutboundMessage& m, UnixTime now) = 0;
  // The call of the outbox row the provider knows as `provider_message_id` on `channel`
  // (the newest such row); nothing when unknown or when that row is not about a call.
  virtual std::optional<std::int64_t> call_of_sent_message(
      Channel channel, std::string_view provider_message_id) = 0;
  // Marks every pending outbox row of this person failed (last_error = `reason`);
  // rows already being sent are left alone. Returns how many rows were cancelled.
  virtual int cancel_pending_for(std::string_view recipient_id, std::string_view reason,
                                 UnixTime now) = 0;

  // --- rate limits: counters only, never message content ---
  // Counts one message of a person in the fixed window starting at `window_start` and
  // forgets every earlier window (of anyone). Returns the count in this window, this one
  // included.
  virtual int count_message(std::string_view person_id, UnixTime window_start) = 0;
  // Counts one message from an unknown sender, keyed by a hash of its address (never the
  // address itself). A window of `window_seconds` starts at `now` with the first message;
  // windows that ended are forgotten (for every sender). Returns the count in the current
  // window, this one included.
  virtual int count_unknown_sender(Channel channel, std::string_view address_hash,
                                   UnixTime now, std::int64_t window_seconds) = 0;

  // --- daily digest runs (one per Brussels date and service id) ---
  // Records that the digest of `date` ("2026-11-23") for `service` was queued at `sent_at`.
  // False, changing nothing, when that (date, service) was recorded before.
  virtual bool record_digest_run(std::string_view date, std::string_view service,
                                 UnixTime sent_at) = 0;
  // The newest date ("YYYY-MM-DD") recorded for `service`; nothing when none was.
  virtual std::optional<std::string> latest_digest_run(std::string_view service) = 0;

  // --- linking codes (bot/linking.h) ---
  // Stores a new code and deletes the family's older unused codes (used ones stay).
  virtual void create_link_code(const LinkCode& code) = 0;
  // The code with this hash, used or not; nothing when unknown.
  virtual std::optional<LinkCode> link_code(std::string_view code_hash) = 0;
  // Marks the code used at `at`; false (and nothing changed) when it is unknown or was
  // already used.
  virtual bool consume_link_code(std::string_view code_hash, UnixTime at) = 0;

  // --- audit ---
  virtual void audit(const AuditEntry& e) = 0;
};

}  // namespace noodbel
