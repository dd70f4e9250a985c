// The rules of PeoplePort (bot/ports/people_port.h), checked on every implementation.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bot/ports/people_port.h"
#include "store/contracts/implementations.h"
#include "store/contracts/sample_rows.h"

namespace noodbel::contracts {
namespace {

template <typename Impl>
using PeoplePortContract = PortContract<PeoplePort, Impl>;
TYPED_TEST_SUITE(PeoplePortContract, Implementations, ImplementationNames);

TYPED_TEST(PeoplePortContract, AnUnknownFamilyOrCaseworkerIsNothing) {
  EXPECT_FALSE(this->port().family("F9").has_value());
  EXPECT_FALSE(this->port().caseworker("C9").has_value());
  EXPECT_TRUE(this->port().families().empty());
  EXPECT_TRUE(this->port().caseworkers().empty());
}

TYPED_TEST(PeoplePortContract, AnUpsertedFamilyComesBackWithEveryField) {
  const Family f = sample_family("F1");
  this->port().upsert_family(f);
  const std::optional<Family> stored = this->port().family("F1");
  ASSERT_TRUE(stored.has_value());
  expect_same_family(*stored, f);
}

TYPED_TEST(PeoplePortContract, AFamilyUpsertedTwiceKeepsTheLatestFields) {
  this->port().upsert_family(sample_family("F1"));
  Family changed = sample_family("F1", "+32470000002");
  changed.display_name = "Gezin Peeters";
  changed.contacts = {{Channel::kSignal, "+32470000002"}};
  changed.availability = {};
  changed.paused_until = std::nullopt;
  changed.opted_in = false;
  changed.languages = {Language::kEn};
  this->port().upsert_family(changed);
  expect_same_family(*this->port().family("F1"), changed);
  EXPECT_EQ(this->port().families().size(), 1u);
}

TYPED_TEST(PeoplePortContract, FamiliesAreListedByIdWithTheirContactsAndAvailability) {
  this->port().upsert_family(sample_family("F3", "+32470000003"));
  this->port().upsert_family(sample_family("F1", "+32470000001"));
  this->port().upsert_family(sample_family("F2", "+32470000002"));
  const std::vector<Family> all = this->port().families();
  ASSERT_EQ(all.size(), 3u);
  expect_same_family(all[0], sample_family("F1", "+32470000001"));
  expect_same_family(all[1], sample_family("F2", "+32470000002"));
  expect_same_family(all[2], sample_family("F3", "+32470000003"));
}

TYPED_TEST(PeoplePortContract, AnUpsertedCaseworkerComesBackWithEveryField) {
  const Caseworker c = sample_caseworker("C1");
  this->port().upsert_caseworker(c);
  const std::optional<Caseworker> stored = this->port().caseworker("C1");
  ASSERT_TRUE(stored.has_value());
  expect_same_caseworker(*stored, c);
}

TYPED_TEST(PeoplePortContract, ACaseworkerUpsertedTwiceKeepsTheLatestFieldsAndContacts) {
  this->port().upsert_caseworker(sample_caseworker("C1"));
  Caseworker changed = sample_caseworker("C1");
  changed.name = "Bart";
  changed.role = Role::kCaseworker;
  changed.language = Language::kNl;
  changed.contacts = {{Channel::kSms, "+32470999002"}};
  this->port().upsert_caseworker(changed);
  expect_same_caseworker(*this->port().caseworker("C1"), changed);
  EXPECT_EQ(this->port().caseworkers().size(), 1u);
}

TYPED_TEST(PeoplePortContract, CaseworkersAreListedById) {
  this->port().upsert_caseworker(sample_caseworker("C2", "+32470999002"));
  this->port().upsert_caseworker(sample_caseworker("C1", "+32470999001"));
  const std::vector<Caseworker> all = this->port().caseworkers();
  ASSERT_EQ(all.size(), 2u);
  expect_same_caseworker(all[0], sample_caseworker("C1", "+32470999001"));
  expect_same_caseworker(all[1], sample_caseworker("C2", "+32470999002"));
}

TYPED_TEST(PeoplePortContract, AContactIsOwnedByTheFamilyOrCaseworkerWithIt) {
  this->port().upsert_family(sample_family("F1", "+32470000001"));
  this->port().upsert_caseworker(sample_caseworker("C1", "+32470999001"));
  const Sender family = this->port().sender_by_contact(Channel::kSms, "+32470000001");
  EXPECT_EQ(family.kind, Sender::Kind::kFamily);
  EXPECT_EQ(family.id, "F1");
  const Sender caseworker = this->port().sender_by_contact(Channel::kSignal, "+32470999001");
  EXPECT_EQ(caseworker.kind, Sender::Kind::kCaseworker);
  EXPECT_EQ(caseworker.id, "C1");
}

TYPED_TEST(PeoplePortContract, AnUnknownContactOrTheRightAddressOnAnotherChannelIsNobody) {
  this->port().upsert_family(sample_family("F1", "+32470000001"));
  const Sender other_channel = this->port().sender_by_contact(Channel::kSignal, "+32470000001");
  EXPECT_EQ(other_channel.kind, Sender::Kind::kUnknown);
  EXPECT_EQ(other_channel.id, "");
  EXPECT_EQ(this->port().sender_by_contact(Channel::kSms, "+32470000009").kind,
            Sender::Kind::kUnknown);
}

TYPED_TEST(PeoplePortContract, OnTheSandboxTheAddressIsThePersonId) {
  this->port().upsert_family(sample_family("F1"));
  this->port().upsert_caseworker(sample_caseworker("C1"));
  EXPECT_EQ(this->port().sender_by_contact(Channel::kSandbox, "F1").kind, Sender::Kind::kFamily);
  EXPECT_EQ(this->port().sender_by_contact(Channel::kSandbox, "C1").id, "C1");
  EXPECT_EQ(this->port().sender_by_contact(Channel::kSandbox, "F9").kind,
            Sender::Kind::kUnknown);
}

TYPED_TEST(PeoplePortContract, ASharedContactBelongsToAFamilyFirstThenTheLowestId) {
  for (const char* id : {"C2", "C1"}) {
    Caseworker c = sample_caseworker(id);
    c.contacts = {{Channel::kSms, "+32470000001"}};
    this->port().upsert_caseworker(c);
  }
  EXPECT_EQ(this->port().sender_by_contact(Channel::kSms, "+32470000001").id, "C1");
  this->port().upsert_family(sample_family("F2", "+32470000001"));
  this->port().upsert_family(sample_family("F1", "+32470000001"));
  const Sender s = this->port().sender_by_contact(Channel::kSms, "+32470000001");
  EXPECT_EQ(s.kind, Sender::Kind::kFamily);
  EXPECT_EQ(s.id, "F1");
}

}  // namespace
}  // namespace noodbel::contracts
