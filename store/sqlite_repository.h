// SqliteRepository: the Repository port (bot/repository.h) on a Database whose
// transaction is already open (Store::transaction opens it). Throws StoreError on
// storage failure. Not thread-safe: one unit of work at a time, like its Database.
#pragma once

#include "bot/clock.h"
#include "bot/repository.h"
#include "store/sqlite.h"

namespace noodbel::store {

class SqliteRepository final : public Repository {
 public:
  // Throws StoreError when no transaction is open. `clock` stamps families' created_at /
  // updated_at and call events of calls without a closed_at; both must outlive this.
  SqliteRepository(Database& db, const Clock& clock);

  std::optional<Family> family(std::string_view id) override;
  std::vector<Family> families() override;
  void upsert_family(const Family& f) override;  // replaces contacts and availability
  std::optional<Caseworker> caseworker(std::string_view id) override;
  std::vector<Caseworker> caseworkers() override;
  void upsert_caseworker(const Caseworker& c) override;  // replaces contacts
  Sender sender_by_contact(Channel channel, std::string_view address) override;

  bool code_in_use(std::string_view code, UnixTime now, std::int64_t reuse_after) override;
  std::int64_t insert_call(const Call& call) override;  // call.id is ignored
  // Also writes a call_events row when the state changes (actor: see Repository).
  void update_call(const Call& call) override;
  std::optional<Call> call_by_id(std::int64_t id) override;
  std::optional<Call> call_by_code(std::string_view code) override;
  std::vector<Call> open_calls() override;
  // A family already sent this call keeps its first wave and sent_at.
  void add_recipient(const Recipient& r) override;
  std::vector<Recipient> recipients(std::int64_t call_id) override;
  std::vector<Call> open_calls_for_family(std::string_view family_id) override;
  std::vector<Call> recent_calls_for_family(std::string_view family_id,
                                            UnixTime since) override;
  void upsert_response(const Response& r) override;
  std::vector<Response> responses(std::int64_t call_id) override;  // by answered_at
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

  bool remember_inbound(const InboundMessage& m) override;
  std::int64_t enqueue(const OutboundMessage& m, UnixTime now) override;
  std::optional<std::int64_t> call_of_sent_message(Channel channel,
                                                   std::string_view provider_message_id) override;
  int cancel_pending_for(std::string_view recipient_id, std::string_view reason,
                         UnixTime now) override;

  int count_message(std::string_view person_id, UnixTime window_start) override;
  int count_unknown_sender(Channel channel, std::string_view address_hash, UnixTime now,
                           std::int64_t window_seconds) override;

  bool record_digest_run(std::string_view date, std::string_view service,
                         UnixTime sent_at) override;
  std::optional<std::string> latest_digest_run(std::string_view service) override;

  void create_link_code(const LinkCode& code) override;
  std::optional<LinkCode> link_code(std::string_view code_hash) override;
  bool consume_link_code(std::string_view code_hash, UnixTime at) override;

  void audit(const AuditEntry& e) override;

 private:
  std::vector<Contact> family_contacts(std::string_view id);
  std::vector<WeeklyWindow> family_availability(std::string_view id);
  std::vector<Contact> caseworker_contacts(std::string_view id);
  std::vector<Call> calls_of(Query query);

  Database& db_;
  const Clock& clock_;
};

}  // namespace noodbel::store
