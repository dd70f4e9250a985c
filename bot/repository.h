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
  virtual void update_call(const Call& call) = 0;          // state, closed_at, matched_family
  virtual std::optional<Call> call_by_id(std::int64_t id) = 0;
  // The newest call with this code (codes are reused after a while).
  virtual std::optional<Call> call_by_code(std::string_view code) = 0;
  virtual std::vector<Call> open_calls() = 0;  // ordered by created_at
  virtual void add_recipient(const Recipient& r) = 0;
  virtual std::vector<Recipient> recipients(std::int64_t call_id) = 0;  // ordered by wave, distance
  // Open calls this family was sent, newest first.
  virtual std::vector<Call> open_calls_for_family(std::string_view family_id) = 0;
  virtual void upsert_response(const Response& r) = 0;  // one per (call, family)
  virtual std::vector<Response> responses(std::int64_t call_id) = 0;

  // --- messages ---
  // Records an inbound message id; false when (channel, provider_id) was seen before.
  virtual bool remember_inbound(const InboundMessage& m) = 0;
  virtual std::int64_t enqueue(const OutboundMessage& m, UnixTime now) = 0;

  // --- audit ---
  virtual void audit(const AuditEntry& e) = 0;
};

}  // namespace noodbel
