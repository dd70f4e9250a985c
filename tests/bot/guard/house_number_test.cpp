#include "bot/guard/house_number.h"

#include <gtest/gtest.h>

#include <string>

#include "bot/guard/note_tokens_fixture.h"

namespace noodbel {
namespace {

using guard_checks::TokenizedNote;

// The house number after the first token ("Markt") of `text`, as text; "" when none.
std::string number_after_street(const std::string& text) {
  const TokenizedNote note(text);
  return note.span(1, house_number_at(note.view(), 1));
}

TEST(GuardHouseNumber, ReadsNumbersWithLettersRangesBoxesAndNumberWords) {
  EXPECT_EQ(number_after_street("Markt 12"), "12");
  EXPECT_EQ(number_after_street("Markt 45A, Gent"), "45A");
  EXPECT_EQ(number_after_street("Markt 12-14"), "12-14");
  EXPECT_EQ(number_after_street("Markt 7/2"), "7/2");
  EXPECT_EQ(number_after_street("Markt 120 bus 3"), "120 bus 3");
  EXPECT_EQ(number_after_street("Markt nr. 5"), "nr. 5");
}

TEST(GuardHouseNumber, RefusesPostcodesTimesUnitsAndLeadingZeros) {
  EXPECT_EQ(number_after_street("Markt 1300 Wavre"), "");
  EXPECT_EQ(number_after_street("Markt 18:30"), "");
  EXPECT_EQ(number_after_street("Markt 18u"), "");
  EXPECT_EQ(number_after_street("Markt 3 dagen"), "");
  EXPECT_EQ(number_after_street("Markt 012"), "");
  EXPECT_EQ(number_after_street("Markt"), "");
}

}  // namespace
}  // namespace noodbel
