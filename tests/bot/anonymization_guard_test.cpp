#include "bot/anonymization_guard.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "bot/postcodes.h"
#include "bot/templates.h"
#include "support/paths/source_paths.h"
#include "support/shipped_data.h"

namespace noodbel {

// Readable failure messages.
void PrintTo(const Finding& f, std::ostream* os) {
  *os << to_string(f.kind) << " '" << f.text << "' [" << f.start << "," << f.end << ")";
}

namespace {

std::string source_path(const std::string& relative) {
  return noodbel::testing::source_dir() + "/" + relative;
}

// The guard as shipped: config/first-names.txt and the places of config/be-postcodes.csv.
const AnonymizationGuard* shipped_guard() { return &test_data::shipped_guard(); }

std::vector<Finding> check(std::string_view note) {
  const AnonymizationGuard* guard = shipped_guard();
  EXPECT_NE(guard, nullptr) << "the shipped guard did not load";
  return guard == nullptr ? std::vector<Finding>{} : guard->check(note);
}

std::string describe(const std::vector<Finding>& findings) {
  std::ostringstream out;
  for (const Finding& f : findings) {
    out << to_string(f.kind) << " '" << f.text << "' [" << f.start << "," << f.end << ") ";
  }
  return findings.empty() ? "(clean)" : out.str();
}

// Expects exactly one finding of `kind` whose text is `text`, at its first occurrence.
void expect_single(std::string_view note, FindingKind kind, std::string_view text) {
  const std::vector<Finding> findings = check(note);
  ASSERT_EQ(findings.size(), 1u) << note << " -> " << describe(findings);
  const std::size_t start = note.find(text);
  ASSERT_NE(start, std::string_view::npos);
  EXPECT_EQ(findings[0], (Finding{kind, std::string(text), start, start + text.size()}))
      << note << " -> " << describe(findings);
}

void expect_clean(std::string_view note) {
  EXPECT_TRUE(check(note).empty()) << note << " -> " << describe(check(note));
}

// ---- phone ----

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

// ---- email, url ----

TEST(AnonymizationGuardEmail, FindsAnAddressAndNotTheNameInside) {
  const std::vector<Finding> findings = check("mail moeder: sandra.peeters@gmail.com.");
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0], (Finding{FindingKind::kEmail, "sandra.peeters@gmail.com", 13, 37}));
}

TEST(AnonymizationGuardEmail, FindsSpelledOutAtSigns) {
  expect_single("schrijf naar j.peeters[at]telenet.be", FindingKind::kEmail,
                "j.peeters[at]telenet.be");
}

TEST(AnonymizationGuardUrl, FindsLinksWithAndWithoutScheme) {
  expect_single("zie https://www.tiktok.com/@x_2011 nu", FindingKind::kUrl,
                "https://www.tiktok.com/@x_2011");
  expect_single("info op www.familiewouters.be.", FindingKind::kUrl, "www.familiewouters.be");
  expect_single("profiel facebook.com/lotte.vdb.2010", FindingKind::kUrl,
                "facebook.com/lotte.vdb.2010");
  expect_single("site: gezinwouters.be", FindingKind::kUrl, "gezinwouters.be");
}

TEST(AnonymizationGuardUrl, FindsSocialMediaHandles) {
  expect_single("insta @yasmine.x15 volgen", FindingKind::kUrl, "@yasmine.x15");
}

TEST(AnonymizationGuardUrl, DoesNotTakeAbbreviationsForLinks) {
  expect_clean("Heeft o.a. astma, i.v.m. medicatie z.s.m. bellen naar de consulent.");
}

// ---- national register number ----

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

// ---- address ----

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

// ---- birth date ----

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

// ---- name ----

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

// ---- several findings, clean notes ----

TEST(AnonymizationGuard, ReturnsAllFindingsSortedByStart) {
  const std::string note = "Emma (4), mama Sandra: 0470 12 34 56, Kerkstraat 12.";
  const std::vector<Finding> findings = check(note);
  ASSERT_EQ(findings.size(), 4u) << describe(findings);
  EXPECT_EQ(findings[0], (Finding{FindingKind::kName, "Emma", 0, 4}));
  EXPECT_EQ(findings[1], (Finding{FindingKind::kName, "Sandra", 15, 21}));
  EXPECT_EQ(findings[2], (Finding{FindingKind::kPhone, "0470 12 34 56", 23, 36}));
  EXPECT_EQ(findings[3], (Finding{FindingKind::kAddress, "Kerkstraat 12", 38, 51}));
}

TEST(AnonymizationGuard, FindsNothingInTheIssueExamples) {
  expect_clean("Jongen van 7, autisme, heeft structuur nodig, gaat naar school in Aalst");
  expect_clean("Baby van 3 maanden, flesvoeding, moeder in ziekenhuis");
  expect_clean("");
}

TEST(AnonymizationGuard, SurvivesInvalidUtf8AndOddCharacters) {
  const std::string note = std::string("ab\xFF\xFE cd 0470 12 34 56 \xE2\x80") + "\x01 @ . / -";
  const std::vector<Finding> findings = check(note);
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].kind, FindingKind::kPhone);
}

TEST(AnonymizationGuard, GivesTheSameAnswersFromSeveralThreads) {
  const AnonymizationGuard* guard = shipped_guard();
  ASSERT_NE(guard, nullptr);
  const std::string note = "Emma, mama Sandra, 0470 12 34 56, Kerkstraat 12, geboren op 3/4/2019";
  const std::vector<Finding> expected = guard->check(note);
  std::vector<std::vector<Finding>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) result = guard->check(note);
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& result : results) EXPECT_EQ(result, expected);
}

TEST(AnonymizationGuard, KindsHaveTheirContractNames) {
  EXPECT_EQ(to_string(FindingKind::kPhone), "phone");
  EXPECT_EQ(to_string(FindingKind::kEmail), "email");
  EXPECT_EQ(to_string(FindingKind::kUrl), "url");
  EXPECT_EQ(to_string(FindingKind::kNationalId), "national_id");
  EXPECT_EQ(to_string(FindingKind::kAddress), "address");
  EXPECT_EQ(to_string(FindingKind::kBirthDate), "birth_date");
  EXPECT_EQ(to_string(FindingKind::kName), "name");
}

// ---- lists ----

TEST(AnonymizationGuardLists, UsesTheGivenNamesAndPlaces) {
  const AnonymizationGuard guard =
      AnonymizationGuard::from_lists({"Zoë", "Bram"}, {"Gent", "Bruxelles/Brussel"});
  EXPECT_EQ(guard.check("Bram en zoe").size(), 2u);
  EXPECT_TRUE(guard.check("Lotte in Gent").empty());
  EXPECT_TRUE(guard.check("mama Brussel").empty());
}

// Reading the file is tested with adapters/data/guard_loader.
Result<AnonymizationGuard> parse_list(std::string_view text) {
  return AnonymizationGuard::parse(text, "first-names.txt", Postcodes::from_places({}));
}

TEST(AnonymizationGuardLists, LoadsCommentsBlankLinesAndCarriageReturns) {
  auto guard = parse_list("\xEF\xBB\xBF# names\r\nBram\r\n\r\n  Zoë  \n");
  ASSERT_TRUE(guard.ok()) << guard.error().message;
  EXPECT_EQ(guard->check("zoe en bram").size(), 2u);
  EXPECT_TRUE(guard->check("names").empty());
}

TEST(AnonymizationGuardLists, ReadsALastLineWithoutANewline) {
  auto guard = parse_list("Bram\nZoë");
  ASSERT_TRUE(guard.ok()) << guard.error().message;
  EXPECT_EQ(guard->check("zoe en bram").size(), 2u);
}

TEST(AnonymizationGuardLists, RefusesAnEmptyListBecauseTheGuardWouldMissEveryName) {
  auto guard = parse_list("# only comments\n\n");
  ASSERT_FALSE(guard.ok());
  EXPECT_EQ(guard.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(guard.error().message.find("no first names"), std::string::npos);
}

TEST(AnonymizationGuardLists, RefusesInvalidUtf8AndNamesTheLine) {
  auto guard = parse_list("Bram\nZo\xFF\n");
  ASSERT_FALSE(guard.ok());
  EXPECT_EQ(guard.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(guard.error().message.find("line 2"), std::string::npos) << guard.error().message;
  EXPECT_NE(guard.error().message.find("first-names.txt"), std::string::npos);
}

TEST(AnonymizationGuardLists, ShipsSeveralHundredNames) {
  std::ifstream file(source_path("config/first-names.txt"));
  int names = 0;
  for (std::string line; std::getline(file, line);) {
    if (!line.empty() && line[0] != '#') ++names;
  }
  EXPECT_GE(names, 500);
}

// ---- refusal text ----

TEST(AnonymizationGuardRefusal, RendersOneLinePerFindingInsideTheRefusal) {
  const Templates templates = Templates::from_map({
      {{Language::kNl, "guard_name"}, "naam '{text}'"},
      {{Language::kNl, "guard_phone"}, "telefoon '{text}'"},
      {{Language::kNl, "guard_refused"}, "Geweigerd:\n{findings}"},
  });
  const std::vector<Finding> findings{{FindingKind::kName, "Emma", 0, 4},
                                      {FindingKind::kPhone, "0470 12 34 56", 10, 23}};
  auto text = render_refusal(templates, Language::kNl, findings);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, "Geweigerd:\nnaam 'Emma'\ntelefoon '0470 12 34 56'");
}

TEST(AnonymizationGuardRefusal, ReportsAMissingTemplate) {
  const Templates templates =
      Templates::from_map({{{Language::kNl, "guard_refused"}, "{findings}"}});
  auto text = render_refusal(templates, Language::kNl, {{FindingKind::kUrl, "x.be", 0, 4}});
  EXPECT_FALSE(text.ok());
}

TEST(AnonymizationGuardRefusal, ShippedTemplatesCoverEveryKindInEveryLanguage) {
  const Templates* templates = &test_data::shipped_templates();
  const std::vector<Finding> findings{
      {FindingKind::kPhone, "a", 0, 1},   {FindingKind::kEmail, "b", 0, 1},
      {FindingKind::kUrl, "c", 0, 1},     {FindingKind::kNationalId, "d", 0, 1},
      {FindingKind::kAddress, "e", 0, 1}, {FindingKind::kBirthDate, "f", 0, 1},
      {FindingKind::kName, "g", 0, 1}};
  for (const Language lang : {Language::kNl, Language::kFr, Language::kEn}) {
    for (const Finding& f : findings) {
      const std::string name = "guard_" + std::string(to_string(f.kind));
      EXPECT_TRUE(templates->has(lang, name)) << name << " " << to_string(lang);
    }
    EXPECT_TRUE(templates->has(lang, "guard_refused")) << to_string(lang);
    auto text = render_refusal(*templates, lang, findings);
    ASSERT_TRUE(text.ok()) << text.error().message;
    for (const Finding& f : findings)
      EXPECT_NE(text->find("'" + f.text + "'"), std::string::npos) << *text;
  }
}

// ---- corpus ----

struct CorpusNote {
  int line = 0;
  bool refuse = false;
  std::set<std::string> kinds;
  std::string text;
};

std::vector<CorpusNote> read_corpus() {
  std::ifstream file(source_path("tests/corpus/notes.tsv"));
  std::vector<CorpusNote> notes;
  int number = 0;
  for (std::string line; std::getline(file, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = line.find('\t', tab1 + 1);
    if (tab1 == std::string::npos || tab2 == std::string::npos) {
      ADD_FAILURE() << "notes.tsv line " << number << " lacks a column";
      continue;
    }
    CorpusNote note{number, line.substr(0, tab1) == "refuse", {}, line.substr(tab2 + 1)};
    std::stringstream kinds(line.substr(tab1 + 1, tab2 - tab1 - 1));
    for (std::string kind; std::getline(kinds, kind, ',');) {
      if (kind != "-") note.kinds.insert(kind);
    }
    notes.push_back(std::move(note));
  }
  return notes;
}

// A note for a failure report when this test binary is older than the guard's source. The
// corpus is read at run time: a binary left over from before the last change of the guard
// (its rebuild failed elsewhere, or another target was built) judges the new corpus with
// the old guard. Empty when the binary is current or its age cannot be read.
std::string stale_binary_hint() {
  std::error_code error;
  const auto built = std::filesystem::last_write_time("/proc/self/exe", error);
  if (error) return {};
  for (const char* source : {"bot/anonymization_guard.cpp", "bot/anonymization_guard.h",
                             "bot/text_normalize.cpp", "config/first-names.txt"}) {
    const auto changed = std::filesystem::last_write_time(source_path(source), error);
    if (!error && changed > built) {
      return std::string("NOTE: this test binary is older than ") + source +
             ": it may not hold the current guard; rebuild it before reading these misses.\n";
    }
  }
  return {};
}

// The first names of config/first-names.txt and the place names of the postcode data, as
// AnonymizationGuard::parse reads them.
std::pair<std::vector<std::string>, std::vector<std::string>> shipped_lists() {
  std::vector<std::string> names;
  std::ifstream file(source_path("config/first-names.txt"));
  for (std::string line; std::getline(file, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') names.push_back(line);
  }
  std::vector<std::string> places;
  for (const Place& place : test_data::shipped_postcodes().places()) places.push_back(place.name);
  return {std::move(names), std::move(places)};
}

TEST(AnonymizationGuardCorpus, GivesTheSameFindingsWhateverTheOrderOfItsLists) {
  auto [names, places] = shipped_lists();
  ASSERT_GT(names.size(), 300u);
  ASSERT_GT(places.size(), 500u);
  const AnonymizationGuard in_order = AnonymizationGuard::from_lists(names, places);
  std::reverse(names.begin(), names.end());
  std::rotate(places.begin(), places.begin() + static_cast<std::ptrdiff_t>(places.size() / 3),
              places.end());
  std::reverse(places.begin(), places.end());
  const AnonymizationGuard reordered = AnonymizationGuard::from_lists(names, places);
  const AnonymizationGuard* shipped = shipped_guard();
  ASSERT_NE(shipped, nullptr);
  for (const CorpusNote& note : read_corpus()) {
    const std::vector<Finding> expected = shipped->check(note.text);
    EXPECT_EQ(in_order.check(note.text), expected) << "line " << note.line << ": " << note.text;
    EXPECT_EQ(reordered.check(note.text), expected) << "line " << note.line << ": " << note.text;
  }
}

TEST(AnonymizationGuardCorpus, HoldsAtLeast150RealisticNotesOfBothSorts) {
  const std::vector<CorpusNote> notes = read_corpus();
  const auto refused =
      std::count_if(notes.begin(), notes.end(), [](const auto& n) { return n.refuse; });
  EXPECT_GE(notes.size(), 150u);
  EXPECT_GE(refused, 60);
  EXPECT_GE(static_cast<long>(notes.size()) - refused, 60);
  std::set<std::string> kinds;
  for (const auto& n : notes) kinds.insert(n.kinds.begin(), n.kinds.end());
  EXPECT_EQ(kinds, (std::set<std::string>{"phone", "email", "url", "national_id", "address",
                                          "birth_date", "name"}));
}

TEST(AnonymizationGuardCorpus, RefusesAtLeast97PercentOfPersonalDataAndAtMost5PercentOfCleanNotes) {
  int personal = 0, caught = 0, clean = 0, wrongly_refused = 0, right_kinds = 0;
  std::ostringstream misses;
  for (const CorpusNote& note : read_corpus()) {
    const std::vector<Finding> findings = check(note.text);
    std::set<std::string> kinds;
    for (const Finding& f : findings) kinds.insert(std::string(to_string(f.kind)));
    if (note.refuse) {
      ++personal;
      caught += findings.empty() ? 0 : 1;
      const bool all_kinds =
          std::includes(kinds.begin(), kinds.end(), note.kinds.begin(), note.kinds.end());
      right_kinds += all_kinds ? 1 : 0;
      if (!all_kinds)
        misses << "line " << note.line << " missed: " << note.text << " -> " << describe(findings)
               << "\n";
    } else {
      ++clean;
      wrongly_refused += findings.empty() ? 0 : 1;
      if (!findings.empty())
        misses << "line " << note.line << " refused: " << note.text << " -> " << describe(findings)
               << "\n";
    }
  }
  ASSERT_GT(personal, 0);
  ASSERT_GT(clean, 0);
  misses << stale_binary_hint();
  EXPECT_GE(caught * 100, personal * 97) << misses.str();
  EXPECT_GE(right_kinds * 100, personal * 95) << misses.str();
  EXPECT_LE(wrongly_refused * 100, clean * 5) << misses.str();
  std::cout << "corpus: " << caught << "/" << personal << " refused, " << right_kinds
            << " with every expected kind; " << wrongly_refused << "/" << clean
            << " clean notes refused\n"
            << misses.str();
}

}  // namespace
}  // namespace noodbel
