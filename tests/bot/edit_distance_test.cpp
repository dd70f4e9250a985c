#include "bot/edit_distance.h"

#include <gtest/gtest.h>

#include <string>

namespace noodbel {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsSubstitutionsAndSwaps) {
  EXPECT_EQ(edit_distance("gent", "gent", 3), 0);
  EXPECT_EQ(edit_distance("oudenaerde", "oudenaarde", 3), 1);  // substitution
  EXPECT_EQ(edit_distance("antwerpn", "antwerpen", 3), 1);     // insertion
  EXPECT_EQ(edit_distance("leeftjid", "leeftijd", 3), 1);      // two neighbours swapped
  EXPECT_EQ(edit_distance("", "abc", 3), 3);
}

TEST(EditDistance, StopsAtTheLimit) {
  EXPECT_EQ(edit_distance("gent", "hasselt", 2), 3);
  EXPECT_EQ(edit_distance("a", "abcdefgh", 2), 3);  // lengths alone exceed the limit
  EXPECT_EQ(edit_distance("kortrijk", "kortrijck", 1), 1);
}

TEST(EditDistance, TextsLongerThanTheStackRowsAreMeasuredTheSameWay) {
  const std::string long_name(100, 'a');
  EXPECT_EQ(edit_distance(long_name, long_name + "b", 3), 1);
  EXPECT_EQ(edit_distance(long_name + "xy", long_name + "yx", 3), 1);
  EXPECT_EQ(edit_distance(std::string(70, 'a'), std::string(70, 'b'), 3), 4);
}

}  // namespace
}  // namespace noodbel
