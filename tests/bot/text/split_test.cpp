#include "bot/text/split.h"

#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace noodbel {
namespace {

using Parts = std::vector<std::string_view>;

TEST(Split, KeepsEveryPartAsWrittenIncludingEmptyOnes) {
  EXPECT_EQ(split("4,7", ','), (Parts{"4", "7"}));
  EXPECT_EQ(split("4, 7,", ','), (Parts{"4", " 7", ""}));
  EXPECT_EQ(split(",", ','), (Parts{"", ""}));
  EXPECT_EQ(split("", ','), (Parts{""}));
  EXPECT_EQ(split("3m/5", '/'), (Parts{"3m", "5"}));
}

TEST(SplitTrimmed, TrimsEveryPartKeepsEmptyOnesAndGivesNothingForEmptyText) {
  EXPECT_EQ(split_trimmed("a| b |", '|'), (Parts{"a", "b", ""}));
  EXPECT_EQ(split_trimmed(" ma-vr 08:30-17:00 ; za 09:00-12:00", ';'),
            (Parts{"ma-vr 08:30-17:00", "za 09:00-12:00"}));
  EXPECT_EQ(split_trimmed(" ", '|'), (Parts{""}));
  EXPECT_EQ(split_trimmed("", '|'), Parts{});
}

TEST(SplitAny, CutsAtAnySeparatorTrimsAndDropsEmptyParts) {
  EXPECT_EQ(split_any("nl, fr;;en", ",;"), (Parts{"nl", "fr", "en"}));
  EXPECT_EQ(split_any("ma 9-17 ;", ";"), (Parts{"ma 9-17"}));
  EXPECT_EQ(split_any(" , ;", ",;"), Parts{});
  EXPECT_EQ(split_any("", ","), Parts{});
}

TEST(Split, PartsViewTheTextTheyWereCutFrom) {
  const std::string_view text = "a,b";
  const Parts parts = split(text, ',');
  ASSERT_EQ(parts.size(), 2U);
  EXPECT_EQ(parts[1].data(), text.data() + 2);
}

}  // namespace
}  // namespace noodbel
