#include "bot/guard/name_lists.h"

#include <gtest/gtest.h>

namespace noodbel {
namespace {

TEST(GuardNameLists, FoldsNamesAndEachLanguageFormOfAPlace) {
  const NameLists lists =
      NameLists::from_lists({"Zoë", " ", "BRAM"}, {"Bruxelles/Brussel", "De Pinte"});
  EXPECT_EQ(lists.first_names, (WordSet{"zoe", "bram"}));
  EXPECT_EQ(lists.places, (WordSet{"bruxelles", "brussel", "de pinte"}));
  EXPECT_EQ(lists.place_starts, (WordSet{"de"}));
}

}  // namespace
}  // namespace noodbel
