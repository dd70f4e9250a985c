#include <gtest/gtest.h>

#include <vector>

#include "bot/guard/guard_checks.h"

namespace noodbel::guard_checks {
namespace {

TEST(AnonymizationGuardAddress, FindsAStreetWithSuffixAndHouseNumber) {
  const std::vector<Finding> findings = check("Woont Kerkstraat 12 in Aalst.");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0], (Finding{FindingKind::kAddress, "Kerkstraat 12", 6, 19}));
}

TEST(AnonymizationGuardAddress, FindsStandaloneStreetWordsBoxesAndNumberWords) {
  expect_single("mama woont op de Grote Markt 3, Sint-Truiden", FindingKind::kAddress,
                "Grote Markt 3");
  expect_single("ophalen Kortrijksesteenweg 120 bus 3, Gent", FindingKind::kAddress,
                "Kortrijksesteenweg 120 bus 3");
  expect_single("vrienden in de Ooststraat nr. 5", FindingKind::kAddress, "Ooststraat nr. 5");
  expect_single("adres: Stationsstraat 45A, 2800 Mechelen", FindingKind::kAddress,
                "Stationsstraat 45A");
  expect_single("ophalen Frans Van Cauwelaertlaan 14", FindingKind::kAddress,
                "Frans Van Cauwelaertlaan 14");
}

TEST(AnonymizationGuardAddress, FindsFrenchStreetsWithTheNumberBeforeOrAfter) {
  expect_single("domiciliée rue de la Loi 16 à Bruxelles", FindingKind::kAddress,
                "rue de la Loi 16");
  expect_single("habite au 25, rue Haute, Liège", FindingKind::kAddress, "25, rue Haute");
  expect_single("Chaussée de Louvain 456", FindingKind::kAddress, "Chaussée de Louvain 456");
}

TEST(AnonymizationGuardAddress, AllowsAMunicipalityAndStreetWordsWithoutANumber) {
  expect_clean("Woont in Aalst, 9300, vlakbij de markt.");
  expect_clean("Een plaats voor 2 kinderen, speelplein 3 dagen per week.");
  expect_clean("Il cherche une place pour 2 enfants, de préférence à Namur.");
  expect_clean("Zit al 3 weken op straat, onderweg 2 uur.");
}

TEST(AnonymizationGuardAddress, FindsStreetsAfterAnAddressWordWithoutAStreetWord) {
  expect_single("woonachtig te 2000 Antwerpen, Meir 50.", FindingKind::kAddress, "Meir 50");
  expect_single("adres: Kouter 7, Gent", FindingKind::kAddress, "Kouter 7");
}

TEST(AnonymizationGuardAddress, FindsHouseNumbersWrittenBeforeTheStreet) {
  expect_single("Boy, 10, address 12 Kerkstraat, Ronse.", FindingKind::kAddress, "12 Kerkstraat");
  expect_single("woont op nummer 14 in de Molenstraat", FindingKind::kAddress,
                "nummer 14 in de Molenstraat");
}

TEST(AnonymizationGuardAddress, DoesNotTakeAPostcodeForAHouseNumber) {
  expect_single("domicile: 12 avenue de la Gare, 1300 Wavre", FindingKind::kAddress,
                "12 avenue de la Gare");
  expect_clean("Jongen van 10, woont in de Kerkstraat, 9300 Aalst.");
}

}  // namespace
}  // namespace noodbel::guard_checks
