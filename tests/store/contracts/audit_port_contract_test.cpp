// The rules of AuditPort (bot/ports/audit_port.h), checked on every implementation; the
// log is read back through the harness (implementations.h), as operators read it.
#include <gtest/gtest.h>

#include <vector>

#include "bot/ports/audit_port.h"
#include "store/contracts/implementations.h"
#include "store/contracts/sample_rows.h"

namespace noodbel::contracts {
namespace {

template <typename Impl>
using AuditPortContract = PortContract<AuditPort, Impl>;
TYPED_TEST_SUITE(AuditPortContract, Implementations, ImplementationNames);

TYPED_TEST(AuditPortContract, EntriesAreKeptAsWrittenInOrderRepeatsIncluded) {
  EXPECT_TRUE(this->impl().audit_log().empty());
  this->port().audit({kT0 + 60, "C001", "call.open", "code=K42"});
  this->port().audit({kT0, "system", "call.expire", "code=B17"});
  this->port().audit({kT0, "system", "call.expire", "code=B17"});
  const std::vector<AuditEntry> log = this->impl().audit_log();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].at, kT0 + 60);
  EXPECT_EQ(log[0].actor, "C001");
  EXPECT_EQ(log[0].action, "call.open");
  EXPECT_EQ(log[0].detail, "code=K42");
  EXPECT_EQ(log[1].action, "call.expire");
  EXPECT_EQ(log[2].detail, "code=B17");
}

}  // namespace
}  // namespace noodbel::contracts
