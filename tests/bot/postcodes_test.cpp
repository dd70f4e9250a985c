#include "bot/postcodes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "support/shipped_data.h"

namespace noodbel {
namespace {

using ::testing::HasSubstr;

const Postcodes& real_postcodes() { return test_data::shipped_postcodes(); }

TEST(Postcodes, LoadsTheShippedFile) {
  EXPECT_GT(real_postcodes().places().size(), 2000u);
  EXPECT_EQ(real_postcodes().places().front().postcode, "1000");
}

TEST(Postcodes, FindsAPlaceByPostcode) {
  const auto gent = real_postcodes().by_postcode("9000");
  ASSERT_TRUE(gent.has_value());
  EXPECT_EQ(gent->name, "Gent");
  EXPECT_EQ(gent->province, "Oost-Vlaanderen");
  EXPECT_EQ(gent->region, "VLG");
  EXPECT_NEAR(gent->point.lat, 51.05, 1e-9);
  EXPECT_NEAR(gent->point.lon, 3.71667, 1e-9);
  EXPECT_FALSE(real_postcodes().by_postcode("9999").has_value());
}

TEST(Postcodes, FindsANameWhateverItsCaseAccentsOrHyphens) {
  for (const char* name : {"gent", "GENT", " Gent "}) {
    const auto place = real_postcodes().by_name(name);
    ASSERT_TRUE(place.has_value()) << name;
    EXPECT_EQ(place->postcode, "9000") << name;
  }
  for (const char* name : {"Sint-Niklaas", "sint niklaas", "SINT-niklaas", " sint - niklaas "}) {
    const auto place = real_postcodes().by_name(name);
    ASSERT_TRUE(place.has_value()) << name;
    EXPECT_EQ(place->postcode, "9100") << name;
  }
  const auto piétrebais = real_postcodes().by_name("pietrebais");
  ASSERT_TRUE(piétrebais.has_value());
  EXPECT_EQ(piétrebais->postcode, "1315");
  const auto accented = real_postcodes().by_name("PIÉTREBAIS");
  ASSERT_TRUE(accented.has_value());
  EXPECT_EQ(accented->postcode, "1315");
}

TEST(Postcodes, MatchesEitherLanguageOfABrusselsName) {
  for (const char* name : {"Brussel", "bruxelles", "Bruxelles/Brussel"}) {
    const auto place = real_postcodes().by_name(name);
    ASSERT_TRUE(place.has_value()) << name;
    EXPECT_EQ(place->postcode, "1000") << name;
  }
  const auto elsene = real_postcodes().by_name("elsene");
  ASSERT_TRUE(elsene.has_value());
  EXPECT_EQ(elsene->postcode, "1050");
}

TEST(Postcodes, DoesNotMatchAPartOfAName) {
  EXPECT_FALSE(real_postcodes().by_name("Sint").has_value());
  EXPECT_FALSE(real_postcodes().by_name("").has_value());
  EXPECT_FALSE(real_postcodes().by_name("\xff\xfe").has_value());
}

TEST(Postcodes, ResolvesAPostcodeOrAName) {
  const auto by_code = real_postcodes().resolve(" 9000 ");
  ASSERT_TRUE(by_code.ok()) << by_code.error().message;
  EXPECT_EQ(by_code->name, "Gent");
  const auto by_name = real_postcodes().resolve("Leuven");
  ASSERT_TRUE(by_name.ok()) << by_name.error().message;
  EXPECT_EQ(by_name->postcode, "3000");
}

TEST(Postcodes, ResolvesANameSharedByPostcodesOfOneCityToTheFirst) {
  const auto antwerpen = real_postcodes().resolve("antwerpen");
  ASSERT_TRUE(antwerpen.ok()) << antwerpen.error().message;
  EXPECT_EQ(antwerpen->postcode, "2000");
}

TEST(Postcodes, RefusesAnUnknownPostcodeNamingIt) {
  const auto place = real_postcodes().resolve("9999");
  ASSERT_FALSE(place.ok());
  EXPECT_EQ(place.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(place.error().message,
            "unknown postcode 9999: use a Belgian postcode such as 9000 or a municipality "
            "name such as Gent");
}

TEST(Postcodes, RefusesAnUnknownNameNamingIt) {
  const auto place = real_postcodes().resolve("Atlantis");
  ASSERT_FALSE(place.ok());
  EXPECT_EQ(place.error().kind, ErrorKind::kNotFound);
  EXPECT_THAT(place.error().message, HasSubstr("unknown place 'Atlantis'"));
  EXPECT_THAT(place.error().message, HasSubstr("such as 9000"));
}

TEST(Postcodes, RefusesAnEmptyPlace) {
  const auto place = real_postcodes().resolve("  ");
  ASSERT_FALSE(place.ok());
  EXPECT_EQ(place.error().kind, ErrorKind::kInvalidInput);
  EXPECT_THAT(place.error().message, HasSubstr("no place given"));
}

TEST(Postcodes, RefusesANameOfPlacesFarApartAndListsThem) {
  const auto place = real_postcodes().resolve("Aalst");
  ASSERT_FALSE(place.ok());
  EXPECT_EQ(place.error().kind, ErrorKind::kInvalidInput);
  EXPECT_THAT(place.error().message, HasSubstr("Aalst (9300, Oost-Vlaanderen)"));
  EXPECT_THAT(place.error().message, HasSubstr("Aalst (3800, part of Sint-Truiden)"));
  EXPECT_THAT(place.error().message, HasSubstr("give the postcode instead"));
}

TEST(Postcodes, WorksOnPlacesGivenInCode) {
  const Postcodes postcodes = Postcodes::from_places(
      {{"9000", "Gent", "Oost-Vlaanderen", "VLG", {51.05, 3.71667}},
       {"1000", "Bruxelles/Brussel", "Brussel", "BRU", {50.85045, 4.34878}}});
  ASSERT_EQ(postcodes.places().size(), 2u);
  ASSERT_TRUE(postcodes.by_name("bruxelles").has_value());
  EXPECT_FALSE(postcodes.by_postcode("2000").has_value());
}

// ---- municipalities, other languages, mergers and ambiguous names (shipped data) ----

PlaceLookup look(std::string_view query) { return real_postcodes().lookup(query); }

// The one place `query` means, or a failure naming what the look-up found instead.
::testing::AssertionResult finds(std::string_view query, std::string_view postcode,
                                 std::string_view name) {
  const PlaceLookup found = look(query);
  if (found.status != PlaceLookupStatus::kFound) {
    return ::testing::AssertionFailure()
           << query << ": status " << static_cast<int>(found.status) << " with "
           << found.matches.size() << " matches";
  }
  const Place& p = found.matches.front().place;
  if (p.postcode != postcode || p.name != name) {
    return ::testing::AssertionFailure() << query << " -> " << p.postcode << " " << p.name;
  }
  return ::testing::AssertionSuccess();
}

TEST(PostcodesMunicipalities, ShipsEveryMunicipalitySinceThe2025MergersWithEveryPlaceInOne) {
  const Postcodes& p = real_postcodes();
  EXPECT_EQ(p.municipalities().size(), 565u);
  EXPECT_EQ(std::count_if(p.municipalities().begin(), p.municipalities().end(),
                          [](const Municipality& m) { return m.region == "VLG"; }),
            285);
  for (std::size_t i = 0; i < p.places().size(); ++i) {
    EXPECT_NE(p.municipality_of(i), nullptr) << p.places()[i].postcode << " " << p.places()[i].name;
  }
}

TEST(PostcodesMunicipalities, KnowDutchFrenchAndEnglishNames) {
  const std::vector<std::pair<std::vector<std::string_view>, std::string_view>> cities{
      {{"Gent", "Gand", "Ghent"}, "9000"},        {{"Antwerpen", "Anvers", "Antwerp"}, "2000"},
      {{"Brugge", "Bruges"}, "8000"},             {{"Leuven", "Louvain"}, "3000"},
      {{"Mechelen", "Malines"}, "2800"},          {{"Kortrijk", "Courtrai"}, "8500"},
      {{"Ieper", "Ypres"}, "8900"},               {{"Brussel", "Bruxelles", "Brussels"}, "1000"},
      {{"Luik", "Liège", "liege"}, "4000"},       {{"Bergen", "Mons"}, "7000"},
      {{"Oostende", "Ostende", "Ostend"}, "8400"}, {{"Sint-Niklaas", "sint niklaas"}, "9100"},
  };
  for (const auto& [names, postcode] : cities) {
    for (const std::string_view name : names) {
      const PlaceLookup found = look(name);
      ASSERT_EQ(found.status, PlaceLookupStatus::kFound) << name;
      EXPECT_EQ(found.matches.front().place.postcode, postcode) << name;
      EXPECT_TRUE(found.matches.front().is_municipality) << name;
    }
  }
}

TEST(PostcodesMunicipalities, AMergedMunicipalityResolvesToTheCentreOfItsLargestFormerOne) {
  EXPECT_TRUE(finds("Pelt", "3910", "Pelt"));  // Neerpelt
  EXPECT_TRUE(finds("Oudsbergen", "3670", "Oudsbergen"));
  EXPECT_TRUE(finds("Lievegem", "9920", "Lievegem"));
  EXPECT_TRUE(finds("Kruisem", "9770", "Kruisem"));
  EXPECT_TRUE(finds("Puurs-Sint-Amands", "2870", "Puurs-Sint-Amands"));
  EXPECT_TRUE(finds("Aalter", "9880", "Aalter"));
  EXPECT_TRUE(finds("Deinze", "9800", "Deinze"));
  EXPECT_TRUE(finds("Nazareth-De Pinte", "9810", "Nazareth-De Pinte"));
  EXPECT_TRUE(finds("Merelbeke-Melle", "9820", "Merelbeke-Melle"));
  EXPECT_TRUE(finds("Tongeren-Borgloon", "3700", "Tongeren-Borgloon"));
  EXPECT_TRUE(finds("Tongres-Borgloon", "3700", "Tongeren-Borgloon"));
  EXPECT_TRUE(finds("Bilzen-Hoeselt", "3740", "Bilzen-Hoeselt"));
  EXPECT_TRUE(finds("Beveren-Kruibeke-Zwijndrecht", "9120", "Beveren-Kruibeke-Zwijndrecht"));
  EXPECT_TRUE(finds("Tessenderlo-Ham", "3980", "Tessenderlo-Ham"));
  EXPECT_TRUE(finds("Pajottegem", "1755", "Pajottegem"));
  EXPECT_TRUE(finds("Lokeren", "9160", "Lokeren"));
  EXPECT_TRUE(finds("Lochristi", "9080", "Lochristi"));
  EXPECT_TRUE(finds("Hasselt", "3500", "Hasselt"));
  EXPECT_TRUE(finds("Wingene", "8750", "Wingene"));
}

TEST(PostcodesMunicipalities, AMergedMunicipalityKnowsThePostcodesOfItsFormerOnes) {
  using ::testing::IsSupersetOf;
  const auto postcodes_of = [](std::string_view name) {
    const Municipality* m = real_postcodes().municipality(name);
    return m ? m->postcodes : std::vector<std::string>{};
  };
  EXPECT_THAT(postcodes_of("Pelt"), ::testing::ElementsAre("3900", "3910"));
  EXPECT_THAT(postcodes_of("Beveren-Kruibeke-Zwijndrecht"),
              IsSupersetOf({"2070", "9120", "9130", "9150"}));
  EXPECT_THAT(postcodes_of("Hasselt"), IsSupersetOf({"3500", "3720"}));  // with Kortessem
  EXPECT_THAT(postcodes_of("Tielt"), IsSupersetOf({"8700", "8760"}));     // with Meulebeke
  EXPECT_THAT(postcodes_of("Antwerpen"), IsSupersetOf({"2000", "2150"}));  // with Borsbeek
  const Municipality* bkz = real_postcodes().municipality("Beveren-Kruibeke-Zwijndrecht");
  ASSERT_NE(bkz, nullptr);
  EXPECT_EQ(bkz->province, "Oost-Vlaanderen");  // Zwijndrecht left Antwerpen
  EXPECT_EQ(bkz->merged_on, "2025-01-01");
  EXPECT_THAT(bkz->merged_from, ::testing::ElementsAre("Beveren", "Zwijndrecht", "Kruibeke"));
}

TEST(PostcodesMunicipalities, ADeelgemeenteResolvesToItselfAndKnowsItsMunicipality) {
  const PlaceLookup overpelt = look("Overpelt");
  ASSERT_EQ(overpelt.status, PlaceLookupStatus::kFound);
  EXPECT_EQ(overpelt.matches.front().place.postcode, "3900");
  EXPECT_EQ(overpelt.matches.front().municipality, "Pelt");
  EXPECT_FALSE(overpelt.matches.front().is_municipality);
  const PlaceLookup kallo = look("Kallo");  // listed under 9120 and 9130: one spot
  ASSERT_EQ(kallo.status, PlaceLookupStatus::kFound);
  EXPECT_EQ(kallo.matches.front().municipality, "Beveren-Kruibeke-Zwijndrecht");
}

TEST(PostcodesMunicipalities, AnAmbiguousNameListsEveryCandidateMunicipalityFirst) {
  const PlaceLookup aalst = look("Aalst");
  ASSERT_EQ(aalst.status, PlaceLookupStatus::kAmbiguous);
  ASSERT_EQ(aalst.matches.size(), 2u);
  EXPECT_EQ(aalst.matches[0].place.postcode, "9300");
  EXPECT_TRUE(aalst.matches[0].is_municipality);
  EXPECT_EQ(aalst.matches[0].place.province, "Oost-Vlaanderen");
  EXPECT_EQ(aalst.matches[1].place.postcode, "3800");
  EXPECT_EQ(aalst.matches[1].municipality, "Sint-Truiden");
  EXPECT_FALSE(aalst.matches[1].is_municipality);

  const PlaceLookup tielt = look("tielt");
  ASSERT_EQ(tielt.status, PlaceLookupStatus::kAmbiguous);
  ASSERT_EQ(tielt.matches.size(), 2u);
  EXPECT_EQ(tielt.matches[0].place.postcode, "8700");
  EXPECT_EQ(tielt.matches[1].place.postcode, "3390");
  EXPECT_EQ(tielt.matches[1].municipality, "Tielt-Winge");
  EXPECT_TRUE(finds("Tielt-Winge", "3390", "Tielt-Winge"));

  const PlaceLookup beveren = look("Beveren");
  ASSERT_EQ(beveren.status, PlaceLookupStatus::kAmbiguous);
  std::vector<std::pair<std::string, std::string>> seen;
  for (const PlaceMatch& m : beveren.matches) seen.emplace_back(m.place.postcode, m.municipality);
  EXPECT_THAT(seen, ::testing::UnorderedElementsAre(
                        std::pair<std::string, std::string>{"9120", "Beveren-Kruibeke-Zwijndrecht"},
                        std::pair<std::string, std::string>{"8800", "Roeselare"},
                        std::pair<std::string, std::string>{"8791", "Waregem"}));
  EXPECT_TRUE(finds("Beveren-Leie", "8791", "Beveren"));
  EXPECT_TRUE(finds("Beveren-Waas", "9120", "Beveren"));
}

TEST(PostcodesMunicipalities, AHomonymFarFromTheCityIsAskedAboutButNotOneInsideIt) {
  const PlaceLookup halle = look("Halle");  // Halle (1500) or Halle, Zoersel (2980)
  ASSERT_EQ(halle.status, PlaceLookupStatus::kAmbiguous);
  EXPECT_EQ(halle.matches[0].place.name, "Halle");
  EXPECT_EQ(halle.matches[1].municipality, "Zoersel");
  EXPECT_TRUE(finds("Hal", "1500", "Halle"));
  EXPECT_TRUE(finds("Antwerpen", "2000", "Antwerpen"));
}

TEST(PostcodesMunicipalities, APostcodeMeansItsMunicipalityCentreOrFormerMunicipality) {
  EXPECT_EQ(real_postcodes().by_postcode("3800")->name, "Sint-Truiden");  // not Aalst
  EXPECT_EQ(real_postcodes().by_postcode("1500")->name, "Halle");
  EXPECT_EQ(real_postcodes().by_postcode("3900")->name, "Overpelt");
  EXPECT_EQ(real_postcodes().by_postcode("9120")->name, "Beveren-Kruibeke-Zwijndrecht");
  EXPECT_EQ(real_postcodes().by_postcode("9180")->name, "Moerbeke-Waas");
}

TEST(PostcodesMunicipalities, AcceptsAbbreviationsMissingSpacesAndPhoneApostrophes) {
  EXPECT_TRUE(finds("st-niklaas", "9100", "Sint-Niklaas"));
  EXPECT_TRUE(finds("St. Niklaas", "9100", "Sint-Niklaas"));
  EXPECT_TRUE(finds("DePinte", "9840", "De Pinte"));
  EXPECT_TRUE(finds("\xE2\x80\x99s-Gravenbrakel", "7090", "'s-Gravenbrakel"));
}

TEST(PostcodesMunicipalities, APostcodeWithANamePicksThePlaceOfThatPostcode) {
  EXPECT_TRUE(finds("9120 Beveren", "9120", "Beveren"));
  EXPECT_TRUE(finds("Beveren (8800)", "8800", "Beveren"));
  EXPECT_TRUE(finds("3800 Aalst", "3800", "Aalst"));
  EXPECT_TRUE(finds("9000 Gent", "9000", "Gent"));
  const PlaceLookup wrong = look("9000 Antwerpen");
  EXPECT_EQ(wrong.status, PlaceLookupStatus::kUnknown);
  ASSERT_FALSE(wrong.matches.empty());
  EXPECT_EQ(wrong.matches.front().place.postcode, "9000");
}

TEST(PostcodesMunicipalities, AnUnknownNameSuggestsTheClosestNames) {
  const std::vector<std::pair<std::string_view, std::string_view>> typos{
      {"Oudenaerde", "Oudenaarde"}, {"Sint-Niklas", "Sint-Niklaas"}, {"Antwerpn", "Antwerpen"},
      {"Kortrijck", "Kortrijk"},    {"Lievegm", "Lievegem"}};
  for (const auto& [typo, meant] : typos) {
    const PlaceLookup found = look(typo);
    ASSERT_EQ(found.status, PlaceLookupStatus::kUnknown) << typo;
    ASSERT_FALSE(found.matches.empty()) << typo;
    EXPECT_EQ(found.matches.front().place.name, meant) << typo;
    EXPECT_LE(found.matches.size(), 3u);
  }
  EXPECT_TRUE(look("Atlantis").matches.empty());
  const auto error = real_postcodes().resolve("Oudenaerde");
  ASSERT_FALSE(error.ok());
  EXPECT_THAT(error.error().message, HasSubstr("did you mean Oudenaarde (9700, Oost-Vlaanderen)"));
}

// ---- municipalities file errors ----

const std::vector<Place>& two_places() {
  static const std::vector<Place> places{{"9000", "Gent", "Oost-Vlaanderen", "VLG", {51.05, 3.72}},
                                         {"9050", "Ledeberg", "Oost-Vlaanderen", "VLG", {51.04, 3.74}},
                                         {"3500", "Hasselt", "Limburg", "VLG", {50.93, 5.34}}};
  return places;
}

constexpr const char* kMunicipalitiesHeader =
    "# comment\nmunicipality,province,region,centre_postcode,centre_place,names,merged_from,"
    "merged_on,places\n";

Result<Postcodes> with_municipalities(const std::string& rows) {
  return Postcodes::from_places(two_places(), kMunicipalitiesHeader + rows);
}

TEST(PostcodesMunicipalitiesLoad, ReadsNamesAliasesAndPlaces) {
  const auto p = with_municipalities(
      "Gent,Oost-Vlaanderen,VLG,9000,Gent,Gand|Ghent|Leedeberg=9050 Ledeberg,,,9000 Gent|9050 Ledeberg\n");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->lookup("Ghent").matches.front().place.postcode, "9000");
  EXPECT_EQ(p->lookup("Leedeberg").matches.front().place.name, "Ledeberg");
  EXPECT_EQ(p->municipality_of(1)->name, "Gent");
  EXPECT_EQ(p->municipality_of(2), nullptr);  // Hasselt is in no municipality here
}

TEST(PostcodesMunicipalitiesLoad, RefusesAPlaceThatIsNotInThePostcodeFilesNamingTheLine) {
  const auto p = with_municipalities("Gent,Oost-Vlaanderen,VLG,9000,Gent,,,,9000 Gent|9051 Afsnee\n");
  ASSERT_FALSE(p.ok());
  EXPECT_THAT(p.error().message,
              HasSubstr("municipalities.csv line 3: '9051 Afsnee' is not a place of the postcode files"));
}

TEST(PostcodesMunicipalitiesLoad, RefusesAPlaceInTwoMunicipalities) {
  const auto p = with_municipalities(
      "Gent,Oost-Vlaanderen,VLG,9000,Gent,,,,9000 Gent|9050 Ledeberg\n"
      "Ledeberg,Oost-Vlaanderen,VLG,9050,Ledeberg,,,,9050 Ledeberg\n");
  ASSERT_FALSE(p.ok());
  EXPECT_THAT(p.error().message, HasSubstr("line 4: '9050 Ledeberg' belongs to Gent already"));
}

TEST(PostcodesMunicipalitiesLoad, RefusesACentreOrAliasOutsideTheMunicipality) {
  const auto centre = with_municipalities("Gent,Oost-Vlaanderen,VLG,3500,Hasselt,,,,9000 Gent\n");
  ASSERT_FALSE(centre.ok());
  EXPECT_THAT(centre.error().message, HasSubstr("the centre '3500 Hasselt' is not one of its places"));
  const auto alias =
      with_municipalities("Gent,Oost-Vlaanderen,VLG,9000,Gent,X=3500 Hasselt,,,9000 Gent\n");
  ASSERT_FALSE(alias.ok());
  EXPECT_THAT(alias.error().message, HasSubstr("'X=3500 Hasselt' names a place of another municipality"));
}

TEST(PostcodesMunicipalitiesLoad, RefusesAMalformedPlaceEntryAndAMissingColumn) {
  const auto entry = with_municipalities("Gent,Oost-Vlaanderen,VLG,9000,Gent,,,,Gent\n");
  ASSERT_FALSE(entry.ok());
  EXPECT_THAT(entry.error().message, HasSubstr("'Gent' must be a postcode, a space and a place"));
  const auto header = Postcodes::from_places(two_places(), "municipality,province\nGent,X\n");
  ASSERT_FALSE(header.ok());
  EXPECT_THAT(header.error().message, HasSubstr("the header lacks column 'region'"));
}

constexpr const char* kHeader = "postcode,place,province,region,lat,lon,match\n";

// Parses `text` as the postcode file named postcodes_test.csv, without extra places or
// municipalities (reading the files is tested with adapters/data/postcodes_loader).
Result<Postcodes> parse_text(const std::string& text) {
  return Postcodes::parse(text, "", "", "postcodes_test.csv");
}

TEST(PostcodesParse, RefusesABadLatitudeNamingFileAndLine) {
  const auto postcodes = parse_text(std::string(kHeader) +
                                   "9000,Gent,Oost-Vlaanderen,VLG,51.05,3.71,exact\n"
                                   "9050,Ledeberg,Oost-Vlaanderen,VLG,north,3.74,exact\n");
  ASSERT_FALSE(postcodes.ok());
  EXPECT_THAT(postcodes.error().message, HasSubstr("postcodes_test.csv line 3: lat 'north'"));
}

TEST(PostcodesParse, RefusesALongitudeOutOfRange) {
  const auto postcodes =
      parse_text(std::string(kHeader) + "9000,Gent,Oost-Vlaanderen,VLG,51.05,200,exact\n");
  ASSERT_FALSE(postcodes.ok());
  EXPECT_THAT(postcodes.error().message, HasSubstr("line 2: lon '200' is not a number between"));
}

TEST(PostcodesParse, RefusesABadPostcode) {
  const auto postcodes =
      parse_text(std::string(kHeader) + "900,Gent,Oost-Vlaanderen,VLG,51.05,3.7,exact\n");
  ASSERT_FALSE(postcodes.ok());
  EXPECT_THAT(postcodes.error().message, HasSubstr("line 2: postcode '900' is not 4 digits"));
}

TEST(PostcodesParse, RefusesARowWithMissingFields) {
  const auto postcodes = parse_text(std::string(kHeader) + "9000,Gent,Oost-Vlaanderen,VLG,51.05\n");
  ASSERT_FALSE(postcodes.ok());
  EXPECT_THAT(postcodes.error().message, HasSubstr("line 2: has 5 fields but the header has 7"));
}

TEST(PostcodesParse, RefusesAHeaderWithoutCoordinates) {
  const auto postcodes =
      parse_text("postcode,place,province,region\n9000,Gent,Oost-Vlaanderen,VLG\n");
  ASSERT_FALSE(postcodes.ok());
  EXPECT_THAT(postcodes.error().message, HasSubstr("line 1: the header lacks column 'lat'"));
}

TEST(PostcodesParse, RefusesMalformedCsvNamingFileAndLine) {
  const auto postcodes =
      parse_text(std::string(kHeader) + "9000,\"Gent,Oost-Vlaanderen,VLG,51.05,3.7,exact\n");
  ASSERT_FALSE(postcodes.ok());
  EXPECT_THAT(postcodes.error().message,
              HasSubstr("postcodes_test.csv line 2: quoted field is never closed"));
}

TEST(PostcodesParse, RefusesAFileWithoutPlaces) {
  const auto postcodes = parse_text(kHeader);
  ASSERT_FALSE(postcodes.ok());
  EXPECT_THAT(postcodes.error().message, HasSubstr("holds no places"));
}

TEST(DistanceKm, IsZeroForOnePoint) {
  EXPECT_DOUBLE_EQ(distance_km({51.05, 3.71667}, {51.05, 3.71667}), 0.0);
}

TEST(DistanceKm, MeasuresOneDegreeOnTheEquator) {
  EXPECT_NEAR(distance_km({0, 0}, {0, 1}), 111.195, 0.01);
}

TEST(DistanceKm, MatchesKnownDistancesBetweenBelgianCities) {
  const auto point = [](const char* postcode) {
    return real_postcodes().by_postcode(postcode)->point;
  };
  EXPECT_NEAR(distance_km(point("9000"), point("2000")), 51.0, 2.0);  // Gent - Antwerpen
  EXPECT_NEAR(distance_km(point("1000"), point("2000")), 41.0, 2.0);  // Brussel - Antwerpen
  EXPECT_NEAR(distance_km(point("9000"), point("8000")), 39.0, 2.0);  // Gent - Brugge
  EXPECT_NEAR(distance_km(point("3000"), point("1000")), 25.0, 2.0);  // Leuven - Brussel
  EXPECT_DOUBLE_EQ(distance_km(point("9000"), point("2000")),
                   distance_km(point("2000"), point("9000")));
}

}  // namespace
}  // namespace noodbel
