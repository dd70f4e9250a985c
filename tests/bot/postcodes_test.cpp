#include <unistd.h>

#include "bot/postcodes.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace noodbel {
namespace {

using ::testing::HasSubstr;

const std::string kPostcodesPath = NOODBEL_SOURCE_DIR "/config/be-postcodes.csv";

const Postcodes& real_postcodes() {
  static const Postcodes postcodes = [] {
    auto loaded = Postcodes::load(kPostcodesPath);
    if (!loaded.ok()) throw std::runtime_error(loaded.error().message);
    return std::move(loaded.value());
  }();
  return postcodes;
}

// Writes `text` to a fresh file in the test temp dir and returns its path.
std::string write_temp(const std::string& name, const std::string& text) {
  // Unique per process: ctest runs tests in parallel processes.
  const std::string path =
      ::testing::TempDir() + "/" + std::to_string(::getpid()) + "-" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

Result<Postcodes> load_text(const std::string& text) {
  return Postcodes::load(write_temp("postcodes_test.csv", text));
}

constexpr const char* kHeader = "postcode,place,province,region,lat,lon,match\n";

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
  EXPECT_THAT(place.error().message, HasSubstr("3800 Aalst (Limburg)"));
  EXPECT_THAT(place.error().message, HasSubstr("9300 Aalst (Oost-Vlaanderen)"));
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

TEST(PostcodesLoad, RefusesAMissingFileNamingIt) {
  const auto postcodes = Postcodes::load("/nonexistent/be-postcodes.csv");
  ASSERT_FALSE(postcodes.ok());
  EXPECT_EQ(postcodes.error().kind, ErrorKind::kNotFound);
  EXPECT_THAT(postcodes.error().message, HasSubstr("/nonexistent/be-postcodes.csv"));
  EXPECT_THAT(postcodes.error().message, HasSubstr("data_dir"));
}

TEST(PostcodesLoad, RefusesABadLatitudeNamingFileAndLine) {
  const auto postcodes = load_text(std::string(kHeader) +
                                   "9000,Gent,Oost-Vlaanderen,VLG,51.05,3.71,exact\n"
                                   "9050,Ledeberg,Oost-Vlaanderen,VLG,north,3.74,exact\n");
  ASSERT_FALSE(postcodes.ok());
  EXPECT_THAT(postcodes.error().message, HasSubstr("postcodes_test.csv line 3: lat 'north'"));
}

TEST(PostcodesLoad, RefusesALongitudeOutOfRange) {
  const auto postcodes =
      load_text(std::string(kHeader) + "9000,Gent,Oost-Vlaanderen,VLG,51.05,200,exact\n");
  ASSERT_FALSE(postcodes.ok());
  EXPECT_THAT(postcodes.error().message, HasSubstr("line 2: lon '200' is not a number between"));
}

TEST(PostcodesLoad, RefusesABadPostcode) {
  const auto postcodes =
      load_text(std::string(kHeader) + "900,Gent,Oost-Vlaanderen,VLG,51.05,3.7,exact\n");
  ASSERT_FALSE(postcodes.ok());
  EXPECT_THAT(postcodes.error().message, HasSubstr("line 2: postcode '900' is not 4 digits"));
}

TEST(PostcodesLoad, RefusesARowWithMissingFields) {
  const auto postcodes = load_text(std::string(kHeader) + "9000,Gent,Oost-Vlaanderen,VLG,51.05\n");
  ASSERT_FALSE(postcodes.ok());
  EXPECT_THAT(postcodes.error().message, HasSubstr("line 2: has 5 fields but the header has 7"));
}

TEST(PostcodesLoad, RefusesAHeaderWithoutCoordinates) {
  const auto postcodes =
      load_text("postcode,place,province,region\n9000,Gent,Oost-Vlaanderen,VLG\n");
  ASSERT_FALSE(postcodes.ok());
  EXPECT_THAT(postcodes.error().message, HasSubstr("line 1: the header lacks column 'lat'"));
}

TEST(PostcodesLoad, RefusesMalformedCsvNamingFileAndLine) {
  const auto postcodes =
      load_text(std::string(kHeader) + "9000,\"Gent,Oost-Vlaanderen,VLG,51.05,3.7,exact\n");
  ASSERT_FALSE(postcodes.ok());
  EXPECT_THAT(postcodes.error().message,
              HasSubstr("postcodes_test.csv line 2: quoted field is never closed"));
}

TEST(PostcodesLoad, RefusesAFileWithoutPlaces) {
  const auto postcodes = load_text(kHeader);
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
