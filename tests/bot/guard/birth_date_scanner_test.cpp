#include <gtest/gtest.h>

#include <vector>

#include "bot/guard/guard_checks.h"

namespace noodbel::guard_checks {
namespace {

TEST(AnonymizationGuardBirthDate, FindsADateAfterABirthWord) {
  const std::vector<Finding> findings = check("Baby, geboren op 12/03/2025, flesvoeding.");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0], (Finding{FindingKind::kBirthDate, "geboren op 12/03/2025", 6, 27}));
}

TEST(AnonymizationGuardBirthDate, FindsNumericAndWrittenDatesInThreeLanguages) {
  expect_single("Meisje, ° 12.03.2019, astma", FindingKind::kBirthDate, "° 12.03.2019");
  expect_single("Fille née le 3 mars 2019", FindingKind::kBirthDate, "née le 3 mars 2019");
  expect_single("Boy, born on May 5th, 2016.", FindingKind::kBirthDate, "born on May 5th, 2016");
  expect_single("Baby geb. 01-09-2025 in Leuven", FindingKind::kBirthDate, "geb. 01-09-2025");
  expect_single("geboortedatum: 2018-06-14", FindingKind::kBirthDate, "geboortedatum: 2018-06-14");
  expect_single("Garçon né le 1er janvier 2015", FindingKind::kBirthDate, "né le 1er janvier 2015");
  expect_single("Verjaart op 12 maart.", FindingKind::kBirthDate, "Verjaart op 12 maart");
  expect_single("Birthday: March 12, 2017.", FindingKind::kBirthDate, "Birthday: March 12, 2017");
}

TEST(AnonymizationGuardBirthDate, AllowsDatesNotTiedToBirthAndYearsOfBirth) {
  expect_clean("Opvang vanaf 24/11 tot 2 januari, bezoek op 3/12.");
  expect_clean("Geboren in 2019, te vroeg geboren (28 weken).");
  expect_clean("Il ne mange pas de porc, arrivé le 3 mars.");
  expect_clean("Baby van 5 maanden, geboren in juni, groeit goed.");
}

}  // namespace
}  // namespace noodbel::guard_checks
