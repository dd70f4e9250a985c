#include "bot/guard/place_marks.h"

#include <gtest/gtest.h>

#include <vector>

#include "bot/guard/name_lists.h"
#include "bot/guard/note_tokens_fixture.h"

namespace noodbel {
namespace {

using guard_checks::TokenizedNote;

const NameLists& lists() {
  static const NameLists names =
      NameLists::from_lists({"Veerle", "Jan"}, {"Gent", "De Pinte", "Veerle"});
  return names;
}

TEST(GuardPlaceMarks, MarksTheLongestPlaceNameAsPlaceAndBlocked) {
  const TokenizedNote note("Van Gent naar De Pinte");
  const PlaceMarks marks = mark_places(note.view(), lists());
  EXPECT_EQ(marks.place, (std::vector<bool>{false, true, false, true, true}));
  EXPECT_EQ(marks.blocked, marks.place);
}

TEST(GuardPlaceMarks, ReadsAPlaceThatIsAFirstNameOnlyAfterAPreposition) {
  const TokenizedNote note("Veerle woont in Veerle");
  const PlaceMarks marks = mark_places(note.view(), lists());
  EXPECT_EQ(marks.place, (std::vector<bool>{false, false, false, true}));
}

TEST(GuardPlaceMarks, BlocksOrganisationNamesButDoesNotCallThemPlaces) {
  const TokenizedNote note("AZ Sint-Jan en Kind en Gezin");
  const PlaceMarks marks = mark_places(note.view(), lists());
  EXPECT_EQ(marks.blocked, (std::vector<bool>{false, true, false, true, true, true}));
  EXPECT_EQ(marks.place, (std::vector<bool>(6, false)));
}

}  // namespace
}  // namespace noodbel
