// The rules of ResponseUrlStore (store/ports/response_url_store.h), checked on every
// implementation.
#include <gtest/gtest.h>

#include "store/contracts/store_implementations.h"
#include "store/ports/response_url_store.h"

namespace noodbel::contracts {
namespace {

using ::noodbel::testing_support::must;

template <typename Impl>
class ResponseUrlStoreContract : public StorePortContract<store::ResponseUrlStore, Impl> {
 protected:
  void remember(const std::string& url, UnixTime at) {
    const store::ChannelState state{store::fresh_response_url("U1", "slack", url, at)};
    EXPECT_TRUE(this->store().transaction([](Repository&) -> Status { return Ok(); }, state).ok());
  }
};
TYPED_TEST_SUITE(ResponseUrlStoreContract, StoreImplementations, ImplementationNames);

TYPED_TEST(ResponseUrlStoreContract, NothingIsTakenForAUserWithoutAResponseUrl) {
  EXPECT_FALSE(must(this->port().take_response_url("U1", this->kT0)).has_value());
}

TYPED_TEST(ResponseUrlStoreContract, EachTakeUsesOneUseUntilNoneIsLeft) {
  this->remember("https://hooks.slack.com/a", this->kT0);
  for (int left = store::kResponseUrlUses - 1; left >= 0; --left) {
    const auto taken = must(this->port().take_response_url("U1", this->kT0 + 1));
    ASSERT_TRUE(taken.has_value());
    EXPECT_EQ(taken->url, "https://hooks.slack.com/a");
    EXPECT_EQ(taken->uses_left, left);
  }
  EXPECT_FALSE(must(this->port().take_response_url("U1", this->kT0 + 1)).has_value());
}

TYPED_TEST(ResponseUrlStoreContract, AnExpiredResponseUrlIsNotTaken) {
  this->remember("https://hooks.slack.com/a", this->kT0);
  const UnixTime expired = this->kT0 + store::kResponseUrlLifetimeSeconds;
  EXPECT_FALSE(must(this->port().take_response_url("U1", expired)).has_value());
}

TYPED_TEST(ResponseUrlStoreContract, ForgetRemovesOnlyTheNamedUrl) {
  this->remember("https://hooks.slack.com/a", this->kT0);
  EXPECT_TRUE(this->port().forget_response_url("U1", "https://hooks.slack.com/other").ok());
  EXPECT_TRUE(must(this->port().take_response_url("U1", this->kT0)).has_value());
  EXPECT_TRUE(this->port().forget_response_url("U1", "https://hooks.slack.com/a").ok());
  EXPECT_FALSE(must(this->port().take_response_url("U1", this->kT0)).has_value());
  EXPECT_TRUE(this->port().forget_response_url("U9", "https://hooks.slack.com/a").ok());
}

}  // namespace
}  // namespace noodbel::contracts
