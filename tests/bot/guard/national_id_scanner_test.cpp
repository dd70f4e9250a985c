#include <gtest/gtest.h>

#include <vector>

#include "bot/guard/guard_checks.h"

namespace noodbel::guard_checks {
namespace {

TEST(AnonymizationGuardNationalId, FindsTheFormattedNumberOfSomeoneBornBefore2000) {
  const std::vector<Finding> findings = check("RRN moeder 85.07.30-033.28, kind 4 jaar");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0], (Finding{FindingKind::kNationalId, "85.07.30-033.28", 11, 26}));
}

TEST(AnonymizationGuardNationalId, FindsNumbersOfChildrenBornFrom2000InBothForms) {
  expect_single("rijksregisternummer 16.03.12-123.97", FindingKind::kNationalId, "16.03.12-123.97");
  expect_single("RRN 18041512356 voor de mutualiteit", FindingKind::kNationalId, "18041512356");
}

TEST(AnonymizationGuardNationalId, IgnoresElevenDigitsThatFailTheMod97Check) {
  const std::vector<Finding> findings = check("dossier 16.03.12-123.98");
  for (const Finding& f : findings)
    EXPECT_NE(f.kind, FindingKind::kNationalId) << describe(findings);
}

}  // namespace
}  // namespace noodbel::guard_checks
