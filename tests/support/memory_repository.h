// MemoryRepository: an in-memory Repository for core tests, faithful to the rules written
// in the role ports (bot/ports/, checked by tests/store/contracts/). Public members so tests can arrange and inspect state.
// Not thread-safe (like every Repository: one unit of work at a time).
#pragma once

#include <cstdint>
#include <map>
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
  void add_recipient(const Recipient& r) override;
  std::vector<Recipient> recipients(std::int64_t call_id) override;
  std::vector<Call> open_calls_for_family(std::string_view family_id) override;
  std::vector<Call> recent_calls_for_family(std::string_view family_id,
                                            UnixTime since) override;
  void upsert_response(const Response& r) override;
  std::vector<Response> responses(std::int64_t call_id) override;
  std::optional<Response> response(std::int64_t call_id, std::string_view family_id) override;
  void add_question(const FamilyQuestion& q) override;
  std::vector<FamilyQuestion> questions(std::int64_t call_id) override;
  void add_choice(const Choice& c) override;
  bool end_choice(std::int64_t call_id, std::string_view family_id, ChoiceOutcome outcome,
                  UnixTime at) override;
  std::vector<Choice> choices(std::int64_t call_id) override;
  bool record_notice(const CallNotice& n) override;
  std::optional<CallNotice> last_notice(std::int64_t call_id, std::string_view kind) override;
  int placements_since(std::string_view family_id, UnixTime since) override;
  std::vector<std::string> delivered_recipients(std::int64_t call_id) override;
  std::vector<DeliveryStatus> delivery_statuses(std::int64_t call_id) override;

  // --- messages ---
  bool remember_inbound(const InboundMessage& m) override;
  std::int64_t enqueue(const OutboundMessage& m, UnixTime now) override;
  std::optional<std::int64_t> call_of_sent_message(Channel channel,
                                                   std::string_view provider_message_id) override;
  int cancel_pending_for(std::string_view recipient_id, std::string_view reason,
                         UnixTime now) override;

  // --- rate limits ---
  int count_message(std::string_view person_id, UnixTime window_start) override;
  int count_unknown_sender(Channel channel, std::string_view address_hash, UnixTime now,
                           std::int64_t window_seconds) override;

  // --- linking codes ---
  void create_link_code(const LinkCode& code) override;
  std::optional<LinkCode> link_code(std::string_view code_hash) override;
  bool consume_link_code(std::string_view code_hash, UnixTime at) override;

  // --- audit ---
  void audit(const AuditEntry& e) override;

  // --- daily digest runs ---
  bool record_digest_run(std::string_view date, std::string_view service,
                         UnixTime sent_at) override;
  std::optional<std::string> latest_digest_run(std::string_view service) override;

  // --- test helpers (not part of Repository) ---
  // Outbox rows for one person, oldest first.
  std::vector<OutboxItem> outbox_for(std::string_view recipient_id) const;
  // Audit rows with this action, oldest first.
  std::vector<AuditEntry> audits(std::string_view action) const;
  // What the dispatcher does after a send: the row becomes `sent` with this provider id
  // (sent at `at`, when given: the time delivery_statuses reports).
  void mark_sent(std::int64_t outbox_id, std::string provider_message_id,
                 std::optional<UnixTime> at = std::nullopt);

  std::vector<Family> family_rows;
  std::vector<Caseworker> caseworker_rows;
  std::vector<Call> call_rows;
  std::vector<Recipient> recipient_rows;
  std::vector<Response> response_rows;
  std::vector<FamilyQuestion> question_rows;
  std::vector<Choice> choice_rows;
  std::vector<CallNotice> notice_rows;
  std::set<std::pair<Channel, std::string>> inbox;
  std::vector<OutboxItem> outbox;
  std::vector<AuditEntry> audit_log;
  std::vector<LinkCode> link_code_rows;
  std::map<std::int64_t, std::string> provider_message_ids;  // outbox id -> provider's id
  // outbox id -> when the row was sent or failed (the store's sent_at / failed_at).
  std::map<std::int64_t, UnixTime> settled_at;
  struct Window {
    UnixTime start = 0;
    int count = 0;
  };
  std::map<std::string, Window, std::less<>> message_counts;  // person id -> its window
  std::map<std::pair<Channel, std::string>, Window> unknown_senders;  // (channel, hash)
  std::map<std::pair<std::string, std::string>, UnixTime> digest_runs;  // (date, service)

 private:
  std::int64_t next_call_id_ = 1;
  std::int64_t next_outbox_id_ = 1;
};

}  // namespace noodbel
