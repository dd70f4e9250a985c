// The rules of ChoicesPort (bot/ports/choices_port.h), checked on every implementation.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "bot/ports/choices_port.h"
#include "store/contracts/implementations.h"
#include "store/contracts/sample_rows.h"

namespace noodbel::contracts {
namespace {

template <typename Impl>
using ChoicesPortContract = PortContract<ChoicesPort, Impl>;
TYPED_TEST_SUITE(ChoicesPortContract, Implementations, ImplementationNames);

TYPED_TEST(ChoicesPortContract, AChoiceComesBackAsAddedWithEveryField) {
  const std::int64_t call = this->a_call();
  this->port().add_choice({call, "F1", "C001", kT0, ChoiceOutcome::kChosen, {}});
  const std::vector<Choice> c = this->port().choices(call);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].call_id, call);
  EXPECT_EQ(c[0].family_id, "F1");
  EXPECT_EQ(c[0].chosen_by, "C001");
  EXPECT_EQ(c[0].chosen_at, kT0);
  EXPECT_EQ(c[0].outcome, ChoiceOutcome::kChosen);
  EXPECT_FALSE(c[0].ended_at.has_value());
  EXPECT_TRUE(this->port().choices(call + 100).empty());
}

TYPED_TEST(ChoicesPortContract, EndChoiceEndsTheFamilysOpenChoiceOnceAndOnlyThatFamilys) {
  const std::int64_t call = this->a_call();
  this->port().add_choice({call, "F1", "C001", kT0, ChoiceOutcome::kChosen, {}});
  EXPECT_TRUE(this->port().end_choice(call, "F1", ChoiceOutcome::kPassed, kT0 + 60));
  EXPECT_FALSE(this->port().end_choice(call, "F1", ChoiceOutcome::kConfirmed, kT0 + 70));
  EXPECT_FALSE(this->port().end_choice(call, "F9", ChoiceOutcome::kPassed, kT0 + 70));
  this->port().add_choice({call, "F2", "C002", kT0 + 80, ChoiceOutcome::kChosen, {}});
  EXPECT_TRUE(this->port().end_choice(call, "F2", ChoiceOutcome::kConfirmed, kT0 + 90));
  const std::vector<Choice> c = this->port().choices(call);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].family_id, "F1");
  EXPECT_EQ(c[0].outcome, ChoiceOutcome::kPassed);
  EXPECT_EQ(c[0].ended_at, kT0 + 60);
  EXPECT_EQ(c[1].outcome, ChoiceOutcome::kConfirmed);
  EXPECT_EQ(c[1].chosen_by, "C002");
  EXPECT_EQ(c[1].ended_at, kT0 + 90);
}

TYPED_TEST(ChoicesPortContract, AFamilyChosenAgainHasItsNewestChoiceEnded) {
  const std::int64_t call = this->a_call();
  const std::int64_t other = this->a_call("B17");
  this->port().add_choice({call, "F1", "C001", kT0, ChoiceOutcome::kPassed, kT0 + 10});
  this->port().add_choice({call, "F1", "C001", kT0 + 20, ChoiceOutcome::kChosen, {}});
  this->port().add_choice({other, "F1", "C001", kT0 + 30, ChoiceOutcome::kChosen, {}});
  EXPECT_TRUE(this->port().end_choice(call, "F1", ChoiceOutcome::kConfirmed, kT0 + 40));
  const std::vector<Choice> c = this->port().choices(call);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].outcome, ChoiceOutcome::kPassed);
  EXPECT_EQ(c[0].ended_at, kT0 + 10);
  EXPECT_EQ(c[1].outcome, ChoiceOutcome::kConfirmed);
  EXPECT_EQ(c[1].ended_at, kT0 + 40);
  EXPECT_EQ(this->port().choices(other)[0].outcome, ChoiceOutcome::kChosen);
}

}  // namespace
}  // namespace noodbel::contracts
