#include <gtest/gtest.h>

#include <vector>

#include "bot/guard/guard_checks.h"

namespace noodbel::guard_checks {
namespace {

TEST(AnonymizationGuardEmail, FindsAnAddressAndNotTheNameInside) {
  const std::vector<Finding> findings = check("mail moeder: sandra.peeters@gmail.com.");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0], (Finding{FindingKind::kEmail, "sandra.peeters@gmail.com", 13, 37}));
}

TEST(AnonymizationGuardEmail, FindsSpelledOutAtSigns) {
  expect_single("schrijf naar j.peeters[at]telenet.be", FindingKind::kEmail,
                "j.peeters[at]telenet.be");
}

}  // namespace
}  // namespace noodbel::guard_checks
