// The rules of UnitOfWork (store/ports/unit_of_work.h), checked on every implementation.
#include <gtest/gtest.h>

#include <stdexcept>

#include "store/contracts/store_implementations.h"
#include "store/ports/unit_of_work.h"

namespace noodbel::contracts {
namespace {

using ::noodbel::testing_support::must;

template <typename Impl>
class UnitOfWorkContract : public StorePortContract<store::UnitOfWork, Impl> {
 protected:
  static OutboundMessage message() {
    return {"F1", Channel::kSms, "+32470000001", "hallo", 5, {}, {}};
  }
  std::int64_t pending() { return must(this->store().outbox_counts()).pending; }
  static store::ChannelState with_url() {
    return {store::fresh_response_url("U1", "slack", "https://hooks.slack.com/x", kT)};
  }
  static constexpr UnixTime kT = 1'760'000'000;
};
TYPED_TEST_SUITE(UnitOfWorkContract, StoreImplementations, ImplementationNames);

TYPED_TEST(UnitOfWorkContract, CommitsWhatFnWroteWhenItReturnsOk) {
  const Status s = this->port().transaction([&](Repository& repo) -> Status {
    repo.enqueue(this->message(), this->kT);
    return Ok();
  });
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(this->pending(), 1);
}

TYPED_TEST(UnitOfWorkContract, AnErrorFromFnRollsBackAndIsReturned) {
  const Status s = this->port().transaction([&](Repository& repo) -> Status {
    repo.enqueue(this->message(), this->kT);
    return Error::Conflict("changed my mind");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::kConflict);
  EXPECT_EQ(s.error().message, "changed my mind");
  EXPECT_EQ(this->pending(), 0);
}

TYPED_TEST(UnitOfWorkContract, AnExceptionFromFnRollsBackAndIsAnInternalError) {
  const Status s = this->port().transaction([&](Repository& repo) -> Status {
    repo.enqueue(this->message(), this->kT);
    throw std::runtime_error("boom");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::kInternal);
  EXPECT_EQ(this->pending(), 0);
}

TYPED_TEST(UnitOfWorkContract, ATransactionInsideFnIsRefusedAsAnError) {
  Status inner = Ok();
  const Status outer = this->port().transaction([&](Repository&) -> Status {
    inner = this->port().transaction([](Repository&) -> Status { return Ok(); });
    return Ok();
  });
  EXPECT_TRUE(outer.ok());
  ASSERT_FALSE(inner.ok());
  EXPECT_EQ(inner.error().kind, ErrorKind::kInternal);
}

TYPED_TEST(UnitOfWorkContract, TheChannelStateIsStoredWithASuccessfulTransactionOnly) {
  const Status failed = this->port().transaction(
      [](Repository&) -> Status { return Error::Invalid("no"); }, this->with_url());
  EXPECT_FALSE(failed.ok());
  EXPECT_FALSE(must(this->store().take_response_url("U1", this->kT)).has_value());
  const Status ok =
      this->port().transaction([](Repository&) -> Status { return Ok(); }, this->with_url());
  EXPECT_TRUE(ok.ok());
  const auto url = must(this->store().take_response_url("U1", this->kT));
  ASSERT_TRUE(url.has_value());
  EXPECT_EQ(url->url, "https://hooks.slack.com/x");
}

}  // namespace
}  // namespace noodbel::contracts
