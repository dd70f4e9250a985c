// MemoryRepository: an in-memory Repository for core tests, faithful to the documented
// semantics of bot/repository.h. Public members so tests can arrange and inspect state.
// Not thread-safe (like every Repository: one unit of work at a time).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bot/repository.h"

namespace noodbel {

class MemoryRepository final : public Repository {
 public:
  // --- people ---
  std::optional<Family> family(std::string_view id) override;
  std::vector<Family> families() override;
  void upsert_family(const Family& f) override;
  std::optional<Caseworker> caseworker(std::string_view id) override;
  std::vector<Caseworker> caseworkers() override;
  void upsert_caseworker(const Caseworker& c) override;
  Sender sender_by_contact(Channel channel, std::string_view address) override;

  // --- calls ---
  bool code_in_use(std::string_view code, UnixTime now, std::int64_t reuse_after) override;
  std::int64_t insert_call(const Call& call) override;
  void update_call(const Call& call) override;
  std::optional<Call> call_by_id(std::int64_t id) override;
  std::optional<Call> call_by_code(std::string_view code) override;
  std::vector<Call> open_calls() override;
  void add_recipient(const Recipient& r) override;  // throws on a duplicate (call, family)
  std::vector<Recipient> recipients(std::int64_t call_id) override;
  std::vector<Call> open_calls_for_family(std::string_view family_id) override;
  void upsert_response(const Response& r) override;
  std::vector<Response> responses(std::int64_t call_id) override;

  // --- messages ---
  bool remember_inbound(const InboundMessage& m) override;
  std::int64_t enqueue(const OutboundMessage& m, UnixTime now) override;

  // --- audit ---
  void audit(const AuditEntry& e) override;

  // --- test helpers (not part of Repository) ---
  // Outbox rows for one person, oldest first.
  std::vector<OutboxItem> outbox_for(std::string_view recipient_id) const;
  // Audit rows with this action, oldest first.
  std::vector<AuditEntry> audits(std::string_view action) const;

  std::vector<Family> family_rows;
  std::vector<Caseworker> caseworker_rows;
  std::vector<Call> call_rows;
  std::vector<Recipient> recipient_rows;
  std::vector<Response> response_rows;
  std::set<std::pair<Channel, std::string>> inbox;
  std::vector<OutboxItem> outbox;
  std::vector<AuditEntry> audit_log;

 private:
  std::int64_t next_call_id_ = 1;
  std::int64_t next_outbox_id_ = 1;
};

}  // namespace noodbel
