// The rules of CallsPort (bot/ports/calls_port.h), checked on every implementation.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "bot/ports/calls_port.h"
#include "store/contracts/implementations.h"
#include "store/contracts/sample_rows.h"

namespace noodbel::contracts {
namespace {

template <typename Impl>
class CallsPortContract : public PortContract<CallsPort, Impl> {
 protected:
  // A call in `state`, closed at `closed_at` when given.
  std::int64_t insert(const std::string& code, CallState state = CallState::kOpen,
                      std::optional<UnixTime> closed_at = std::nullopt, UnixTime created = kT0) {
    Call c = sample_call(code, state, created);
    c.closed_at = closed_at;
    return this->port().insert_call(c);
  }
};
TYPED_TEST_SUITE(CallsPortContract, Implementations, ImplementationNames);

std::vector<std::string> codes_of(const std::vector<Call>& calls) {
  std::vector<std::string> out;
  for (const Call& c : calls) out.push_back(c.code);
  return out;
}

std::vector<std::string> families_of(const std::vector<Recipient>& recipients) {
  std::vector<std::string> out;
  for (const Recipient& r : recipients) out.push_back(r.family_id);
  return out;
}

TYPED_TEST(CallsPortContract, AnInsertedCallGetsANewIdAndComesBackWithEveryField) {
  Call c = sample_call("K42");
  c.id = 777;  // ignored
  c.urgent = true;
  c.wave_size = 10;
  c.expires_at = kT0 + kDay;
  const std::int64_t first = this->port().insert_call(c);
  const std::int64_t second = this->port().insert_call(sample_call("B17"));
  EXPECT_GT(first, 0);
  EXPECT_GT(second, first);
  const std::optional<Call> stored = this->port().call_by_id(first);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->id, first);
  expect_same_call(*stored, c);
}

TYPED_TEST(CallsPortContract, AnUnknownIdOrCodeIsNothing) {
  this->insert("K42");
  EXPECT_FALSE(this->port().call_by_id(999).has_value());
  EXPECT_FALSE(this->port().call_by_code("Z99").has_value());
}

TYPED_TEST(CallsPortContract, UpdateCallStoresItsChangeableFieldsAndKeepsTheRest) {
  const std::int64_t id = this->insert("K42");
  Call changed = *this->port().call_by_id(id);
  changed.state = CallState::kMatched;
  changed.closed_at = kT0 + 600;
  changed.matched_family = "F1";
  changed.closed_by = "C001";
  changed.chosen_family = "F1";
  changed.chosen_at = kT0 + 60;
  changed.chosen_by = "C001";
  changed.expires_at = kT0 + 48 * 3600;
  changed.urgent = true;
  Call ignored = changed;
  ignored.note = "not stored by update_call";
  ignored.place = "Genk";
  this->port().update_call(ignored);
  expect_same_call(*this->port().call_by_id(id), changed);
}

TYPED_TEST(CallsPortContract, UpdatingAnUnknownCallChangesNothing) {
  const std::int64_t id = this->insert("K42");
  Call ghost = sample_call("K42", CallState::kClosed);
  ghost.id = id + 100;
  this->port().update_call(ghost);
  EXPECT_FALSE(this->port().call_by_id(id + 100).has_value());
  EXPECT_EQ(this->port().call_by_id(id)->state, CallState::kOpen);
}

TYPED_TEST(CallsPortContract, ACodeFindsItsNewestCallInAnyState) {
  this->insert("K42", CallState::kClosed, kT0 - kDay, kT0 - 2 * kDay);
  const std::int64_t newest = this->insert("K42", CallState::kExpired, kT0, kT0);
  this->insert("B17");
  EXPECT_EQ(this->port().call_by_code("K42")->id, newest);
  EXPECT_EQ(this->port().call_by_code("K42")->state, CallState::kExpired);
}

TYPED_TEST(CallsPortContract, CallsCreatedAtTheSameTimeAreToldApartByTheirId) {
  this->insert("K42", CallState::kClosed, kT0);
  const std::int64_t later = this->insert("K42");
  EXPECT_EQ(this->port().call_by_code("K42")->id, later);
}

TYPED_TEST(CallsPortContract, OpenCallsAreOnlyTheOpenOnesOldestFirst) {
  this->insert("C3", CallState::kOpen, std::nullopt, kT0 + 20);
  this->insert("M1", CallState::kMatched, kT0 + 30, kT0);
  this->insert("A1", CallState::kOpen, std::nullopt, kT0 + 10);
  this->insert("B2", CallState::kOpen, std::nullopt, kT0 + 10);
  EXPECT_EQ(codes_of(this->port().open_calls()), (std::vector<std::string>{"A1", "B2", "C3"}));
}

TYPED_TEST(CallsPortContract, ACodeIsInUseWhileOpenAndForAWhileAfterClosing) {
  constexpr std::int64_t kReuse = 7 * kDay;
  this->insert("K42");
  this->insert("B17", CallState::kClosed, kT0);
  this->insert("X1", CallState::kCancelled);  // closed, no closed_at: still in use
  EXPECT_TRUE(this->port().code_in_use("K42", kT0 + 30 * kDay, kReuse));
  EXPECT_TRUE(this->port().code_in_use("B17", kT0 + kReuse - 1, kReuse));
  EXPECT_FALSE(this->port().code_in_use("B17", kT0 + kReuse, kReuse));
  EXPECT_TRUE(this->port().code_in_use("X1", kT0 + 30 * kDay, kReuse));
  EXPECT_FALSE(this->port().code_in_use("Z99", kT0, kReuse));
}

TYPED_TEST(CallsPortContract, RecipientsComeBackByWaveDistanceThenFamily) {
  const std::int64_t call = this->insert("K42");
  const std::int64_t other = this->insert("B17");
  this->port().add_recipient({call, "F4", 2.0, 2, kT0 + 60});
  this->port().add_recipient({call, "F3", 9.5, 1, kT0});
  this->port().add_recipient({call, "F2", 1.5, 1, kT0});
  this->port().add_recipient({call, "F1", 9.5, 1, kT0});
  this->port().add_recipient({other, "F9", 0.5, 1, kT0});
  const std::vector<Recipient> sent = this->port().recipients(call);
  EXPECT_EQ(families_of(sent), (std::vector<std::string>{"F2", "F1", "F3", "F4"}));
  EXPECT_EQ(sent[3].call_id, call);
  EXPECT_DOUBLE_EQ(sent[3].distance_km, 2.0);
  EXPECT_EQ(sent[3].wave, 2);
  EXPECT_EQ(sent[3].sent_at, kT0 + 60);
  EXPECT_TRUE(this->port().recipients(call + 100).empty());
}

TYPED_TEST(CallsPortContract, AFamilyAddedTwiceToACallKeepsItsFirstWave) {
  const std::int64_t call = this->insert("K42");
  this->port().add_recipient({call, "F1", 3.0, 1, kT0});
  EXPECT_NO_THROW(this->port().add_recipient({call, "F1", 8.0, 2, kT0 + 600}));
  const std::vector<Recipient> sent = this->port().recipients(call);
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].wave, 1);
  EXPECT_DOUBLE_EQ(sent[0].distance_km, 3.0);
  EXPECT_EQ(sent[0].sent_at, kT0);
}

TYPED_TEST(CallsPortContract, OpenCallsForAFamilyAreTheOpenOnesItWasSentNewestFirst) {
  const std::int64_t older = this->insert("A1", CallState::kOpen, std::nullopt, kT0);
  const std::int64_t newer = this->insert("B2", CallState::kOpen, std::nullopt, kT0 + 60);
  const std::int64_t matched = this->insert("C3", CallState::kMatched, kT0 + 90, kT0 + 30);
  const std::int64_t not_sent = this->insert("D4", CallState::kOpen, std::nullopt, kT0 + 90);
  for (const std::int64_t call : {older, newer, matched}) {
    this->port().add_recipient({call, "F1", 1.0, 1, kT0 + 100});
  }
  this->port().add_recipient({not_sent, "F2", 1.0, 1, kT0 + 100});
  EXPECT_EQ(codes_of(this->port().open_calls_for_family("F1")),
            (std::vector<std::string>{"B2", "A1"}));
  EXPECT_TRUE(this->port().open_calls_for_family("F9").empty());
}

TYPED_TEST(CallsPortContract, RecentCallsForFamilyAreAnyStateSentSinceNewestSentFirst) {
  const std::int64_t old_call = this->insert("A10", CallState::kMatched, kT0 - 2 * kDay);
  const std::int64_t closed = this->insert("B11", CallState::kClosed, kT0 + 200);
  const std::int64_t open = this->insert("C12");
  const std::int64_t other = this->insert("D13");
  this->port().add_recipient({old_call, "F1", 3, 1, kT0 - 3 * kDay});
  this->port().add_recipient({closed, "F1", 3, 1, kT0 + 100});
  this->port().add_recipient({open, "F1", 3, 1, kT0 + 50});
  this->port().add_recipient({other, "F2", 3, 1, kT0 + 60});
  const std::vector<Call> recent = this->port().recent_calls_for_family("F1", kT0 + 50);
  EXPECT_EQ(codes_of(recent), (std::vector<std::string>{"B11", "C12"}));
  EXPECT_EQ(recent[0].state, CallState::kClosed);
  EXPECT_TRUE(this->port().recent_calls_for_family("F9", 0).empty());
}

TYPED_TEST(CallsPortContract, PlacementsCountMatchedCallsOfTheFamilyClosedSince) {
  const auto matched = [&](const std::string& code, const std::string& family, UnixTime at) {
    Call c = sample_call(code, CallState::kMatched);
    c.matched_family = family;
    c.closed_at = at;
    this->port().insert_call(c);
  };
  matched("A1", "F1", kT0 - 10);
  matched("B2", "F1", kT0);
  matched("C3", "F1", kT0 + kDay);
  matched("D4", "F2", kT0 + kDay);
  Call closed = sample_call("E5", CallState::kClosed);  // a family set, but not matched
  closed.matched_family = "F1";
  closed.closed_at = kT0 + kDay;
  this->port().insert_call(closed);
  EXPECT_EQ(this->port().placements_since("F1", kT0), 2);
  EXPECT_EQ(this->port().placements_since("F2", kT0), 1);
  EXPECT_EQ(this->port().placements_since("F9", kT0), 0);
}

}  // namespace
}  // namespace noodbel::contracts
