#include "bot/guard/word_list.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace noodbel {
namespace {

TEST(GuardWordList, KeepsEntriesAndSkipsCommentsBlankLinesAndTheByteOrderMark) {
  const auto entries = parse_list_lines("\xEF\xBB\xBF# header\r\nstraat\r\n\n  laan \n# x\ndreef",
                                        "streets.txt", "word");
  ASSERT_TRUE(entries.ok()) << entries.error().message;
  EXPECT_EQ(*entries, (std::vector<std::string>{"straat", "laan", "dreef"}));
}

TEST(GuardWordList, NamesTheSourceTheLineAndTheNounOfInvalidUtf8) {
  const auto entries = parse_list_lines("a\nb\n\xC3\n", "units.txt", "word");
  ASSERT_FALSE(entries.ok());
  EXPECT_EQ(entries.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(entries.error().message,
            "units.txt line 3: the word is not valid UTF-8; save the file as UTF-8");
}

TEST(GuardWordList, GivesNoEntriesForATextOfCommentsOnly) {
  const auto entries = parse_list_lines("# only\n\n", "x.txt", "word");
  ASSERT_TRUE(entries.ok());
  EXPECT_TRUE(entries->empty());
}

TEST(GuardWordList, FoldsEntriesToLowerCaseWithoutAccentsAndSingleSpaces) {
  EXPECT_EQ(fold_entry("Zoë"), "zoe");
  EXPECT_EQ(fold_entry("  Sint-Martens \t Latem  "), "sint-martens latem");
  EXPECT_EQ(fold_entry("CHAUSSÉE"), "chaussee");
  EXPECT_EQ(fold_entry(""), "");
}

}  // namespace
}  // namespace noodbel
