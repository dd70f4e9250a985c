// Test data for the operations tests (backup, retention, erasure, metrics): two families,
// calls closed long ago and recently, an open one, answers and outbox rows in several
// states. Test-only; the times are relative to kOpsNow.
#pragma once

#include <stdexcept>
#include <string>

#include "store/store.h"
#include "support/store/must.h"

namespace noodbel::store::testing_support {

using ::noodbel::testing_support::must;

constexpr UnixTime kOpsNow = 1'780'000'000;
constexpr UnixTime kOpsDay = 24 * 60 * 60;

inline Family ops_family(const std::string& id, const std::string& phone) {
  Family f;
  f.id = id;
  f.service = "limburg";
  f.display_name = "Familie " + id;
  f.contacts = {{Channel::kSms, phone}};
  f.postcode = "3500";
  f.home = {50.93, 5.34};
  f.languages = {Language::kNl, Language::kFr};
  f.availability = {WeeklyWindow{}};
  return f;
}

inline Call ops_call(const std::string& code, UnixTime created, CallState state,
                     std::optional<UnixTime> closed, const std::string& note) {
  Call c;
  c.code = code;
  c.service = "limburg";
  c.caseworker_id = "C1";
  c.ages_months = {8};
  c.postcode = "3500";
  c.place = "Hasselt";
  c.languages = {Language::kNl};
  c.duration_hours = 48;
  c.needed_from = created;
  c.note = note;
  c.state = state;
  c.created_at = created;
  c.closed_at = closed;
  if (state == CallState::kMatched) c.matched_family = "F2";
  return c;
}

inline OutboundMessage ops_message(const std::string& to, const std::string& address,
                                   const std::string& text, std::optional<std::int64_t> call) {
  OutboundMessage m;
  m.recipient_id = to;
  m.channel = Channel::kSms;
  m.address = address;
  m.text = text;
  m.priority = call ? 0 : 1;
  m.call_id = call;
  return m;
}

struct OpsIds {
  std::int64_t old_call = 0;     // matched 40 days ago
  std::int64_t recent_call = 0;  // closed 5 days ago
  std::int64_t open_call = 0;    // opened 50 days ago, still open
};

// One call with two recipients, a maybe with a condition from F1 (after a question) and a
// yes from F2, each with the family's own words, and a call message to each family (sms,
// sent at `created`).
inline void ops_call_with_answers(Repository& repo, std::int64_t id, UnixTime created) {
  for (const char* f : {"F1", "F2"}) repo.add_recipient(Recipient{id, f, 4.5, 1, created});
  Condition from_six;
  from_six.kind = ConditionKind::kFrom;
  from_six.words = "pas vanaf 18u";
  repo.add_question({id, "F1", QuestionKind::kQuestion, "hoe oud is het kind?", created + 500});
  repo.upsert_response(Response{id, "F1", Answer::kMaybe, "", created + 600,
                                "misschien, pas vanaf 18u", {from_six}, {}});
  repo.upsert_response(Response{id, "F2", Answer::kYes, "", created + 300, "ja hoor", {}, {}});
  repo.enqueue(ops_message("F1", "+32470000001", "Noodoproep baby Hasselt", id), created);
  repo.enqueue(ops_message("F2", "+32470000002", "Noodoproep baby Hasselt", id), created);
}

inline OpsIds seed_ops_data(Store& store) {
  OpsIds ids;
  const Status s = store.transaction([&](Repository& repo) -> Status {
    repo.upsert_family(ops_family("F1", "+32470000001"));
    repo.upsert_family(ops_family("F2", "+32470000002"));
    ids.old_call = repo.insert_call(ops_call("K1", kOpsNow - 41 * kOpsDay, CallState::kMatched,
                                             kOpsNow - 40 * kOpsDay, "baby, kort verblijf"));
    ids.recent_call = repo.insert_call(ops_call("K2", kOpsNow - 6 * kOpsDay,
                                                CallState::kClosed, kOpsNow - 5 * kOpsDay,
                                                "peuter, weekend"));
    ids.open_call = repo.insert_call(
        ops_call("K3", kOpsNow - 50 * kOpsDay, CallState::kOpen, std::nullopt, "nog open"));
    ops_call_with_answers(repo, ids.old_call, kOpsNow - 41 * kOpsDay);
    ops_call_with_answers(repo, ids.recent_call, kOpsNow - 6 * kOpsDay);
    ops_call_with_answers(repo, ids.open_call, kOpsNow - 50 * kOpsDay);
    // Inbound ids: Signal's hold the sender's number; one old, one recent.
    for (const auto& [id, at] : {std::pair<const char*, UnixTime>{"sig:+32470000001:1", kOpsNow - 40 * kOpsDay},
                                 {"sig:+32470000001:2", kOpsNow - kOpsDay}}) {
      InboundMessage in;
      in.channel = Channel::kSignal;
      in.address = "+32470000001";
      in.provider_id = id;
      in.received_at = at;
      repo.remember_inbound(in);
    }
    // Not about a call: an old reply to F1, and an old message still waiting for F2.
    repo.enqueue(ops_message("F1", "+32470000001", "Bedankt, genoteerd", std::nullopt),
                 kOpsNow - 45 * kOpsDay);
    return Ok();
  });
  if (!s.ok()) throw std::runtime_error(s.error().message);
  // Everything so far is sent; then one more old message stays pending.
  for (const OutboxItem& item : must(store.claim_outbox(Channel::kSms, kOpsNow, 100))) {
    EXPECT_TRUE(store.mark_sent(item.id, "p" + std::to_string(item.id), item.created_at + 5).ok());
  }
  const Status pending = store.transaction([&](Repository& repo) -> Status {
    repo.enqueue(ops_message("F2", "+32470000002", "Wacht nog", std::nullopt),
                 kOpsNow - 35 * kOpsDay);
    return Ok();
  });
  if (!pending.ok()) throw std::runtime_error(pending.error().message);
  return ids;
}

}  // namespace noodbel::store::testing_support
