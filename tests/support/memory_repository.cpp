#include "support/memory_repository.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace noodbel {
namespace {

template <typename T>
auto find_by_id(std::vector<T>& rows, std::string_view id) {
  return std::find_if(rows.begin(), rows.end(), [&](const T& r) { return r.id == id; });
}

template <typename T>
std::vector<T> sorted_by_id(std::vector<T> rows) {
  std::sort(rows.begin(), rows.end(), [](const T& a, const T& b) { return a.id < b.id; });
  return rows;
}

bool has_contact(const std::vector<Contact>& contacts, Channel channel,
                 std::string_view address) {
  return std::any_of(contacts.begin(), contacts.end(), [&](const Contact& c) {
    return c.channel == channel && c.address == address;
  });
}

// The lowest id among `people` (ordered by id) who own (channel, address); on the sandbox
// the address is the id itself.
template <typename Person>
std::optional<std::string> lowest_owner(const std::vector<Person>& people, Channel channel,
                                        std::string_view address) {
  for (const Person& p : people) {
    if (channel == Channel::kSandbox ? p.id == address : has_contact(p.contacts, channel, address)) {
      return p.id;
    }
  }
  return std::nullopt;
}

bool newer(const Call& a, const Call& b) {
  return std::tie(a.created_at, a.id) > std::tie(b.created_at, b.id);
}

}  // namespace

std::optional<Family> MemoryRepository::family(std::string_view id) {
  const auto it = find_by_id(family_rows, id);
  if (it == family_rows.end()) return std::nullopt;
  return *it;
}

std::vector<Family> MemoryRepository::families() { return sorted_by_id(family_rows); }

void MemoryRepository::upsert_family(const Family& f) {
  const auto it = find_by_id(family_rows, f.id);
  if (it == family_rows.end()) {
    family_rows.push_back(f);
  } else {
    *it = f;
  }
}

std::optional<Caseworker> MemoryRepository::caseworker(std::string_view id) {
  const auto it = find_by_id(caseworker_rows, id);
  if (it == caseworker_rows.end()) return std::nullopt;
  return *it;
}

std::vector<Caseworker> MemoryRepository::caseworkers() { return sorted_by_id(caseworker_rows); }

void MemoryRepository::upsert_caseworker(const Caseworker& c) {
  const auto it = find_by_id(caseworker_rows, c.id);
  if (it == caseworker_rows.end()) {
    caseworker_rows.push_back(c);
  } else {
    *it = c;
  }
}

Sender MemoryRepository::sender_by_contact(Channel channel, std::string_view address) {
  if (const auto f = lowest_owner(families(), channel, address)) {
    return {Sender::Kind::kFamily, *f};
  }
  if (const auto c = lowest_owner(caseworkers(), channel, address)) {
    return {Sender::Kind::kCaseworker, *c};
  }
  return {};
}

bool MemoryRepository::code_in_use(std::string_view code, UnixTime now,
                                   std::int64_t reuse_after) {
  return std::any_of(call_rows.begin(), call_rows.end(), [&](const Call& c) {
    if (c.code != code) return false;
    if (c.state == CallState::kOpen) return true;
    return !c.closed_at.has_value() || now - *c.closed_at < reuse_after;
  });
}

std::int64_t MemoryRepository::insert_call(const Call& call) {
  Call row = call;
  row.id = next_call_id_++;
  call_rows.push_back(row);
  return row.id;
}

void MemoryRepository::update_call(const Call& call) {
  for (Call& row : call_rows) {
    if (row.id == call.id) {
      row.state = call.state;
      row.closed_at = call.closed_at;
      row.matched_family = call.matched_family;
      row.closed_by = call.closed_by;
      row.chosen_family = call.chosen_family;
      row.chosen_at = call.chosen_at;
      row.chosen_by = call.chosen_by;
      row.expires_at = call.expires_at;
      row.urgent = call.urgent;
      return;
    }
  }
}

std::optional<Call> MemoryRepository::call_by_id(std::int64_t id) {
  for (const Call& row : call_rows) {
    if (row.id == id) return row;
  }
  return std::nullopt;
}

std::optional<Call> MemoryRepository::call_by_code(std::string_view code) {
  std::optional<Call> best;
  for (const Call& row : call_rows) {
    if (row.code == code && (!best || newer(row, *best))) best = row;
  }
  return best;
}

std::vector<Call> MemoryRepository::open_calls() {
  std::vector<Call> out;
  for (const Call& row : call_rows) {
    if (row.state == CallState::kOpen) out.push_back(row);
  }
  std::sort(out.begin(), out.end(), [](const Call& a, const Call& b) { return newer(b, a); });
  return out;
}

void MemoryRepository::add_recipient(const Recipient& r) {
  for (const Recipient& row : recipient_rows) {
    if (row.call_id == r.call_id && row.family_id == r.family_id) return;  // keeps the first
  }
  recipient_rows.push_back(r);
}

std::vector<Recipient> MemoryRepository::recipients(std::int64_t call_id) {
  std::vector<Recipient> out;
  for (const Recipient& row : recipient_rows) {
    if (row.call_id == call_id) out.push_back(row);
  }
  std::sort(out.begin(), out.end(), [](const Recipient& a, const Recipient& b) {
    return std::tie(a.wave, a.distance_km, a.family_id) <
           std::tie(b.wave, b.distance_km, b.family_id);
  });
  return out;
}

std::vector<Call> MemoryRepository::open_calls_for_family(std::string_view family_id) {
  std::vector<Call> out;
  for (const Call& call : open_calls()) {
    const bool sent = std::any_of(
        recipient_rows.begin(), recipient_rows.end(),
        [&](const Recipient& r) { return r.call_id == call.id && r.family_id == family_id; });
    if (sent) out.push_back(call);
  }
  std::sort(out.begin(), out.end(), newer);
  return out;
}

std::vector<Call> MemoryRepository::recent_calls_for_family(std::string_view family_id,
                                                            UnixTime since) {
  std::vector<std::pair<UnixTime, Call>> sent;
  for (const Recipient& r : recipient_rows) {
    if (r.family_id != family_id || r.sent_at < since) continue;
    if (const auto call = call_by_id(r.call_id)) sent.emplace_back(r.sent_at, *call);
  }
  std::sort(sent.begin(), sent.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second.id) > std::tie(b.first, b.second.id);
  });
  std::vector<Call> out;
  for (auto& [at, call] : sent) out.push_back(std::move(call));
  return out;
}

void MemoryRepository::upsert_response(const Response& r) {
  for (Response& row : response_rows) {
    if (row.call_id == r.call_id && row.family_id == r.family_id) {
      row = r;
      return;
    }
  }
  response_rows.push_back(r);
}

std::vector<Response> MemoryRepository::responses(std::int64_t call_id) {
  std::vector<Response> out;
  for (const Response& row : response_rows) {
    if (row.call_id == call_id) out.push_back(row);
  }
  std::sort(out.begin(), out.end(), [](const Response& a, const Response& b) {
    return std::tie(a.answered_at, a.family_id) < std::tie(b.answered_at, b.family_id);
  });
  return out;
}

std::optional<Response> MemoryRepository::response(std::int64_t call_id,
                                                   std::string_view family_id) {
  for (const Response& row : response_rows) {
    if (row.call_id == call_id && row.family_id == family_id) return row;
  }
  return std::nullopt;
}

void MemoryRepository::add_question(const FamilyQuestion& q) { question_rows.push_back(q); }

std::vector<FamilyQuestion> MemoryRepository::questions(std::int64_t call_id) {
  std::vector<FamilyQuestion> out;
  for (const FamilyQuestion& row : question_rows) {
    if (row.call_id == call_id) out.push_back(row);
  }
  std::stable_sort(out.begin(), out.end(), [](const FamilyQuestion& a, const FamilyQuestion& b) {
    return a.asked_at < b.asked_at;
  });
  return out;
}

void MemoryRepository::add_choice(const Choice& c) { choice_rows.push_back(c); }

bool MemoryRepository::end_choice(std::int64_t call_id, std::string_view family_id,
                                  ChoiceOutcome outcome, UnixTime at) {
  for (auto row = choice_rows.rbegin(); row != choice_rows.rend(); ++row) {
    if (row->call_id == call_id && row->family_id == family_id &&
        row->outcome == ChoiceOutcome::kChosen) {
      row->outcome = outcome;
      row->ended_at = at;
      return true;
    }
  }
  return false;
}

std::vector<Choice> MemoryRepository::choices(std::int64_t call_id) {
  std::vector<Choice> out;
  for (const Choice& row : choice_rows) {
    if (row.call_id == call_id) out.push_back(row);
  }
  return out;
}

bool MemoryRepository::record_notice(const CallNotice& n) {
  for (const CallNotice& row : notice_rows) {
    if (row.call_id == n.call_id && row.kind == n.kind && row.key == n.key) return false;
  }
  notice_rows.push_back(n);
  return true;
}

std::optional<CallNotice> MemoryRepository::last_notice(std::int64_t call_id,
                                                        std::string_view kind) {
  std::optional<CallNotice> last;
  for (const CallNotice& row : notice_rows) {
    if (row.call_id != call_id || row.kind != kind) continue;
    if (!last || std::tie(row.at, row.key) > std::tie(last->at, last->key)) last = row;
  }
  return last;
}

int MemoryRepository::placements_since(std::string_view family_id, UnixTime since) {
  return static_cast<int>(std::count_if(call_rows.begin(), call_rows.end(), [&](const Call& c) {
    return c.state == CallState::kMatched && c.matched_family == family_id && c.closed_at &&
           *c.closed_at >= since;
  }));
}

std::vector<std::string> MemoryRepository::delivered_recipients(std::int64_t call_id) {
  std::set<std::string> ids;
  for (const OutboxItem& item : outbox) {
    if (item.message.call_id == call_id && item.state == OutboxState::kDelivered) {
      ids.insert(item.message.recipient_id);
    }
  }
  return {ids.begin(), ids.end()};
}

std::vector<DeliveryStatus> MemoryRepository::delivery_statuses(std::int64_t call_id) {
  std::map<std::string, const OutboxItem*> newest;
  for (const OutboxItem& item : outbox) {
    if (item.message.call_id != call_id) continue;
    const OutboxItem*& slot = newest[item.message.recipient_id];
    if (slot == nullptr || slot->id < item.id) slot = &item;
  }
  std::vector<DeliveryStatus> out;
  for (const auto& [id, item] : newest) {
    const auto settled = settled_at.find(item->id);
    const UnixTime at = settled == settled_at.end() ? item->created_at : settled->second;
    out.push_back({id, item->message.channel, item->state, item->last_error, at});
  }
  return out;
}

bool MemoryRepository::remember_inbound(const InboundMessage& m) {
  return inbox.emplace(m.channel, m.provider_id).second;
}

std::int64_t MemoryRepository::enqueue(const OutboundMessage& m, UnixTime now) {
  OutboxItem item;
  item.id = next_outbox_id_++;
  item.message = m;
  item.next_attempt_at = now;
  item.created_at = now;
  outbox.push_back(item);
  return item.id;
}

std::optional<std::int64_t> MemoryRepository::call_of_sent_message(
    Channel channel, std::string_view provider_message_id) {
  for (auto it = outbox.rbegin(); it != outbox.rend(); ++it) {
    const auto id = provider_message_ids.find(it->id);
    if (it->message.channel == channel && id != provider_message_ids.end() &&
        id->second == provider_message_id) {
      return it->message.call_id;
    }
  }
  return std::nullopt;
}

int MemoryRepository::cancel_pending_for(std::string_view recipient_id, std::string_view reason,
                                         UnixTime now) {
  int cancelled = 0;
  for (OutboxItem& item : outbox) {
    if (item.message.recipient_id != recipient_id || item.state != OutboxState::kPending) continue;
    item.state = OutboxState::kFailed;
    item.last_error = std::string(reason);
    settled_at[item.id] = now;
    ++cancelled;
  }
  return cancelled;
}

int MemoryRepository::count_message(std::string_view person_id, UnixTime window_start) {
  std::erase_if(message_counts,
                [&](const auto& entry) { return entry.second.start < window_start; });
  Window& w = message_counts[std::string(person_id)];
  if (w.count == 0) w.start = window_start;
  return ++w.count;
}

int MemoryRepository::count_unknown_sender(Channel channel, std::string_view address_hash,
                                           UnixTime now, std::int64_t window_seconds) {
  std::erase_if(unknown_senders,
                [&](const auto& entry) { return entry.second.start <= now - window_seconds; });
  Window& w = unknown_senders[{channel, std::string(address_hash)}];
  if (w.count == 0) w.start = now;
  return ++w.count;
}

void MemoryRepository::create_link_code(const LinkCode& code) {
  std::erase_if(link_code_rows, [&](const LinkCode& c) {
    return c.family_id == code.family_id && !c.used_at.has_value();
  });
  link_code_rows.push_back(code);
}

std::optional<LinkCode> MemoryRepository::link_code(std::string_view code_hash) {
  for (const LinkCode& c : link_code_rows) {
    if (c.code_hash == code_hash) return c;
  }
  return std::nullopt;
}

bool MemoryRepository::consume_link_code(std::string_view code_hash, UnixTime at) {
  for (LinkCode& c : link_code_rows) {
    if (c.code_hash != code_hash || c.used_at.has_value()) continue;
    c.used_at = at;
    return true;
  }
  return false;
}

void MemoryRepository::audit(const AuditEntry& e) { audit_log.push_back(e); }

bool MemoryRepository::record_digest_run(std::string_view date, std::string_view service,
                                         UnixTime sent_at) {
  return digest_runs.emplace(std::pair{std::string(date), std::string(service)}, sent_at).second;
}

std::optional<std::string> MemoryRepository::latest_digest_run(std::string_view service) {
  std::optional<std::string> newest;
  for (const auto& [key, sent_at] : digest_runs) {
    if (key.second == service && (!newest || key.first > *newest)) newest = key.first;
  }
  return newest;
}

std::vector<OutboxItem> MemoryRepository::outbox_for(std::string_view recipient_id) const {
  std::vector<OutboxItem> out;
  for (const OutboxItem& item : outbox) {
    if (item.message.recipient_id == recipient_id) out.push_back(item);
  }
  return out;
}

void MemoryRepository::mark_sent(std::int64_t outbox_id, std::string provider_message_id,
                                 std::optional<UnixTime> at) {
  for (OutboxItem& item : outbox) {
    if (item.id == outbox_id) item.state = OutboxState::kSent;
  }
  if (at) settled_at[outbox_id] = *at;
  provider_message_ids[outbox_id] = std::move(provider_message_id);
}

std::vector<AuditEntry> MemoryRepository::audits(std::string_view action) const {
  std::vector<AuditEntry> out;
  for (const AuditEntry& e : audit_log) {
    if (e.action == action) out.push_back(e);
  }
  return out;
}

}  // namespace noodbel
