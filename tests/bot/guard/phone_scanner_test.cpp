#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bot/guard/guard_checks.h"

namespace noodbel::guard_checks {
namespace {

TEST(AnonymizationGuardPhone, FindsABelgianMobileWithSpacesAtItsExactOffsets) {
  const std::vector<Finding> findings = check("bel mama op 0470 12 34 56 na 18u");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0], (Finding{FindingKind::kPhone, "0470 12 34 56", 12, 25}));
}

TEST(AnonymizationGuardPhone, FindsNumbersWrittenWithDotsSlashesAndCountryCodes) {
  expect_single("contact: 0486/12.34.56.", FindingKind::kPhone, "0486/12.34.56");
  expect_single("gsm +32 475 98 76 54 (papa)", FindingKind::kPhone, "+32 475 98 76 54");
  expect_single("nummer 0032 497 11 22 33", FindingKind::kPhone, "0032 497 11 22 33");
  expect_single("vaste lijn 09 223 45 67", FindingKind::kPhone, "09 223 45 67");
  expect_single("tel 0471234567", FindingKind::kPhone, "0471234567");
}

TEST(AnonymizationGuardPhone, FindsInternationalNumbers) {
  expect_single("father: +31 6 12345678", FindingKind::kPhone, "+31 6 12345678");
  expect_single("papa en France: +33 6 12 34 56 78", FindingKind::kPhone, "+33 6 12 34 56 78");
}

TEST(AnonymizationGuardPhone, FindsANumberWithADigitMissing) {
  expect_single("tel. moeder 0494 12 34 5", FindingKind::kPhone, "0494 12 34 5");
}

TEST(AnonymizationGuardPhone, OffsetsCountBytesAfterAccentedLetters) {
  const std::string prefix = "Zeer bezorgde oma (café), ";
  const std::vector<Finding> findings = check(prefix + "0470 12 34 56");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].start, prefix.size());
  EXPECT_EQ(findings[0].text, "0470 12 34 56");
}

TEST(AnonymizationGuardPhone, DoesNotTakeAgesTimesOrDatesForPhoneNumbers) {
  expect_clean("Jongen van 4 jaar en zus van 3 maanden, ophalen om 18u, tot 20u30.");
  expect_clean("Vanaf 24/11/2025 tot 02/01/2026, bezoek van 14u tot 16u.");
  expect_clean("Opvang van 08.30-12.00 en 13.00-17.00, 2 kinderen van 3 en 5.");
}

}  // namespace
}  // namespace noodbel::guard_checks
