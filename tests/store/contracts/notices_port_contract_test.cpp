// The rules of NoticesPort (bot/ports/notices_port.h), checked on every implementation.
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>

#include "bot/ports/notices_port.h"
#include "store/contracts/implementations.h"
#include "store/contracts/sample_rows.h"

namespace noodbel::contracts {
namespace {

template <typename Impl>
using NoticesPortContract = PortContract<NoticesPort, Impl>;
TYPED_TEST_SUITE(NoticesPortContract, Implementations, ImplementationNames);

TYPED_TEST(NoticesPortContract, ANoticeIsRecordedOncePerKindAndKeyAndTheNewestIsFound) {
  const std::int64_t call = this->a_call();
  EXPECT_FALSE(this->port().last_notice(call, "answers").has_value());
  EXPECT_TRUE(this->port().record_notice({call, "answers", kT0, kT0}));
  EXPECT_TRUE(this->port().record_notice({call, "answers", kT0 + 300, kT0 + 300}));
  EXPECT_FALSE(this->port().record_notice({call, "answers", kT0, kT0 + 600}));
  EXPECT_TRUE(this->port().record_notice({call, "wave_end", 1, kT0 + 900}));
  const std::optional<CallNotice> last = this->port().last_notice(call, "answers");
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->call_id, call);
  EXPECT_EQ(last->kind, "answers");
  EXPECT_EQ(last->at, kT0 + 300);
  EXPECT_EQ(last->key, kT0 + 300);
  EXPECT_FALSE(this->port().record_notice({call, "wave_end", 1, kT0 + 999}));
  EXPECT_EQ(this->port().last_notice(call, "wave_end")->at, kT0 + 900);
}

TYPED_TEST(NoticesPortContract, NoticesAreKeptPerCall) {
  const std::int64_t call = this->a_call("K42");
  const std::int64_t other = this->a_call("B17");
  EXPECT_TRUE(this->port().record_notice({call, "expiring", 1, kT0}));
  EXPECT_TRUE(this->port().record_notice({other, "expiring", 1, kT0 + 5}));
  EXPECT_EQ(this->port().last_notice(call, "expiring")->at, kT0);
  EXPECT_FALSE(this->port().last_notice(call, "confirm").has_value());
}

TYPED_TEST(NoticesPortContract, NoticesAtTheSameTimeAreToldApartByTheHighestKey) {
  const std::int64_t call = this->a_call();
  EXPECT_TRUE(this->port().record_notice({call, "wave_end", 2, kT0}));
  EXPECT_TRUE(this->port().record_notice({call, "wave_end", 3, kT0}));
  EXPECT_TRUE(this->port().record_notice({call, "wave_end", 1, kT0}));
  EXPECT_EQ(this->port().last_notice(call, "wave_end")->key, 3);
}

}  // namespace
}  // namespace noodbel::contracts
