#include <gtest/gtest.h>

#include <vector>

#include "bot/guard/guard_checks.h"

namespace noodbel::guard_checks {
namespace {

TEST(AnonymizationGuardName, FindsAListedFirstNameAtSentenceStart) {
  const std::vector<Finding> findings = check("Emma is 4 jaar.");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0], (Finding{FindingKind::kName, "Emma", 0, 4}));
}

TEST(AnonymizationGuardName, FindsCapitalisedWordsAfterCues) {
  expect_single("Baby, mama Sandra is opgenomen", FindingKind::kName, "Sandra");
  expect_single("Meisje van 9, heet Yasmine.", FindingKind::kName, "Yasmine");
  expect_single("De familie Janssens uit Lokeren", FindingKind::kName, "Janssens");
  expect_single("de familie Van den Broeck weet het", FindingKind::kName, "Van den Broeck");
  expect_single("opa Jozef komt op bezoek", FindingKind::kName, "Jozef");
  expect_single("Boy (12), Mr. Johnson from school says", FindingKind::kName, "Johnson");
}

TEST(AnonymizationGuardName, ExtendsAFirstNameWithItsSurname) {
  expect_single("vriendin van Julie Peeters wil niet", FindingKind::kName, "Julie Peeters");
  expect_single("vader Youssef El Amrani is weg", FindingKind::kName, "Youssef El Amrani");
}

TEST(AnonymizationGuardName, FindsNamesWrittenInLowerCaseOrWithAccents) {
  expect_single("meisje van 6, yasmine, spreekt", FindingKind::kName, "yasmine");
  expect_single("Fille de 9 ans, Léa, scolarisée", FindingKind::kName, "Léa");
  expect_single("Een meisje (ZOË) van 3", FindingKind::kName, "ZOË");
  expect_single("Marie-Claire komt mee", FindingKind::kName, "Marie-Claire");
}

TEST(AnonymizationGuardName, ReadsAmbiguousNamesOnlyInsideASentenceOrAfterACue) {
  expect_single("Meisje van 2 jaar, Roos genoemd.", FindingKind::kName, "Roos");
  expect_single("juf Els meldt afwezigheden", FindingKind::kName, "Els");
  expect_clean("Roos en tulpen op de kamer. Max 3 dagen, maximaal 2 kinderen.");
  expect_clean("Will stay until Sunday. Can be picked up at 18h.");
}

TEST(AnonymizationGuardName, DoesNotFlagPlacesOrganisationsOrNationalities) {
  expect_clean("School in Mechelen, ziekenhuis UZ Gent, daarna AZ Sint-Jan Brugge.");
  expect_clean("Kind en Gezin, OCMW, CKG, CLB, CAW en Pleegzorg volgen op; Opgroeien weet het.");
  expect_clean("Moeder Marokkaanse, vader Belg; spreekt Nederlands, Frans en Arabisch.");
  expect_clean("Sortie de l'hôpital Saint-Pierre jeudi, famille proche de Bruxelles.");
  expect_clean("Koningin Paola Kinderziekenhuis, ontslag op maandag. Tot Kerstmis.");
  expect_clean("Bezoek bij oma op woensdag. Papa in Turkije.");
}

TEST(AnonymizationGuardName, ReadsAFirstNameThatIsAlsoAPlaceByItsPreposition) {
  expect_single("Veerle is de tante", FindingKind::kName, "Veerle");
  expect_clean("Woont in Veerle, school in Geel.");
}

TEST(AnonymizationGuardName, TakesAListedMonthAfterANumberForADate) {
  expect_clean("Opvang tot 2 jan, daarna evaluatie.");
}

TEST(AnonymizationGuardName, ReadsPlacesAfterACapitalisedParticleAsSurnames) {
  expect_single("Het gezin Van Damme uit Brugge", FindingKind::kName, "Van Damme");
  expect_single("meneer Van Brussel belt", FindingKind::kName, "Van Brussel");
  expect_single("Emma van Gent komt mee", FindingKind::kName, "Emma");
}

TEST(AnonymizationGuardName, DoesNotTakeFormAnswersOrTheNameOfAThingForPeople) {
  expect_clean("Moeder: Opgenomen in psychiatrie. Vader: Onbekend.");
  expect_clean("de naam van de Pleegzorgdienst staat op de brief");
  expect_clean("erases a family (GDPR)");
  expect_single("Mama: Sandra.", FindingKind::kName, "Sandra");
}

}  // namespace
}  // namespace noodbel::guard_checks
