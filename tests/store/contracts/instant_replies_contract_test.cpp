// The rules of InstantReplies (store/ports/instant_replies.h), checked on every
// implementation.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "store/contracts/store_implementations.h"
#include "store/ports/instant_replies.h"

namespace noodbel::contracts {
namespace {

using ::noodbel::testing_support::must;

template <typename Impl>
using InstantRepliesContract = StorePortContract<store::InstantReplies, Impl>;
TYPED_TEST_SUITE(InstantRepliesContract, StoreImplementations, ImplementationNames);

TYPED_TEST(InstantRepliesContract, TakesThePendingRowsOfTheAddressOldestFirstMarkedSent) {
  const std::int64_t first = this->enqueue("U1", Channel::kSlash, this->kT0);
  const std::int64_t second = this->enqueue("U1", Channel::kSlash, this->kT0 + 1);
  this->enqueue("U2", Channel::kSlash, this->kT0);
  const std::vector<OutboxItem> taken =
      must(this->port().take_outbox_for(Channel::kSlash, "addr-U1", this->kT0 + 2));
  ASSERT_EQ(taken.size(), 2u);
  EXPECT_EQ(taken[0].id, first);
  EXPECT_EQ(taken[1].id, second);
  EXPECT_EQ(taken[0].state, OutboxState::kSent);
  EXPECT_EQ(taken[0].attempts, 1);
  EXPECT_EQ(this->state_of(second, "U1"), OutboxState::kSent);
  EXPECT_TRUE(
      must(this->port().take_outbox_for(Channel::kSlash, "addr-U1", this->kT0 + 3)).empty());
}

TYPED_TEST(InstantRepliesContract, LeavesRowsTheDispatcherClaimedAndOtherChannelsAlone) {
  const std::int64_t claimed = this->enqueue("U1", Channel::kSlash);
  ASSERT_EQ(must(this->store().claim_outbox(Channel::kSlash, this->kT0, 10)).size(), 1u);
  this->enqueue("U1", Channel::kTelegram);
  EXPECT_TRUE(must(this->port().take_outbox_for(Channel::kSlash, "addr-U1", this->kT0)).empty());
  EXPECT_EQ(this->state_of(claimed, "U1"), OutboxState::kSending);
}

}  // namespace
}  // namespace noodbel::contracts
