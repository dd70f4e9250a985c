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

// Issue 13: a typo in a number written as YY.MM.DD-NNN.CC still makes it someone's number.
TEST(AnonymizationGuardNationalId, FindsANumberInTheRegistersShapeWhateverItsCheckDigits) {
  expect_single("RRN moeder 16.03.12-123.98", FindingKind::kNationalId, "16.03.12-123.98");
  expect_single("RRN 85 07 30 033 29 bij de mutualiteit", FindingKind::kNationalId,
                "85 07 30 033 29");
  expect_single("RRN 85/07/30/033/29", FindingKind::kNationalId, "85/07/30/033/29");
}

TEST(AnonymizationGuardNationalId, IgnoresElevenDigitsNotInItsShapeThatFailTheMod97Check) {
  for (const char* note :
       {"dossier 16031212398", "dossier 160312-12398", "dossier 16.0312-123.98"}) {
    const std::vector<Finding> findings = check(note);
    for (const Finding& f : findings) {
      EXPECT_NE(f.kind, FindingKind::kNationalId) << note << ": " << describe(findings);
    }
  }
}

}  // namespace
}  // namespace noodbel::guard_checks
