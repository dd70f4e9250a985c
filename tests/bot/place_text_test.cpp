#include "bot/place_text.h"

#include <gtest/gtest.h>

#include "support/shipped_data.h"

namespace noodbel {
namespace {

const Templates& templates() { return test_data::shipped_templates(); }
const Postcodes& belgium() { return test_data::shipped_postcodes(); }

TEST(PlaceText, AMunicipalityShowsItsProvinceInTheCaseworkersLanguage) {
  const PlaceMatch gent = belgium().lookup("Gent").matches.front();
  EXPECT_EQ(*place_label(templates(), Language::kNl, gent), "Gent (9000, Oost-Vlaanderen)");
  EXPECT_EQ(*place_label(templates(), Language::kFr, gent), "Gent (9000, Flandre-Orientale)");
  EXPECT_EQ(*place_label(templates(), Language::kEn, gent), "Gent (9000, East Flanders)");
  EXPECT_EQ(province_text(templates(), Language::kFr, "Nergens"), "Nergens");
}

TEST(PlaceText, ADeelgemeenteShowsItsMunicipality) {
  const PlaceMatch aalst = belgium().lookup("Aalst").matches.at(1);
  EXPECT_EQ(*place_label(templates(), Language::kNl, aalst),
            "Aalst (3800, deelgemeente van Sint-Truiden)");
  EXPECT_EQ(*place_label(templates(), Language::kEn, aalst), "Aalst (3800, part of Sint-Truiden)");
}

TEST(PlaceText, EachChoiceSaysHowToTypeItSoThatItMeansThatPlace) {
  const PlaceLookup aalst = belgium().lookup("Aalst");
  EXPECT_EQ(place_as_typed(belgium(), aalst.matches[0]), "9300");
  EXPECT_EQ(place_as_typed(belgium(), aalst.matches[1]), "3800 Aalst");
  const Result<std::string> choices =
      place_choices(templates(), Language::kNl, belgium(), aalst.matches, "postcode=");
  ASSERT_TRUE(choices.ok());
  EXPECT_EQ(*choices,
            "  Aalst (9300, Oost-Vlaanderen): typ postcode=9300\n"
            "  Aalst (3800, deelgemeente van Sint-Truiden): typ postcode=3800 Aalst");
  // What the choice says to type resolves to that very place.
  for (const PlaceMatch& m : aalst.matches) {
    const PlaceLookup again = belgium().lookup(place_as_typed(belgium(), m));
    ASSERT_EQ(again.status, PlaceLookupStatus::kFound);
    EXPECT_EQ(again.matches.front().place.postcode, m.place.postcode);
  }
}

}  // namespace
}  // namespace noodbel
