#include "bot/csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace noodbel {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

CsvTable parse_ok(std::string_view text) {
  auto table = parse_csv(text);
  EXPECT_TRUE(table.ok()) << table.error().message;
  return table.ok() ? std::move(table.value()) : CsvTable{};
}

TEST(ParseCsv, ReadsHeaderAndRowsWithLineNumbers) {
  const CsvTable table = parse_ok("id,name\nF0001,Gezin Peeters\nF0002,Gezin Janssens\n");
  EXPECT_THAT(table.header, ElementsAre("id", "name"));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].line, 2);
  EXPECT_THAT(table.rows[0].fields, ElementsAre("F0001", "Gezin Peeters"));
  EXPECT_EQ(table.rows[1].line, 3);
}

TEST(ParseCsv, HandlesQuotesEscapedQuotesAndCommas) {
  const CsvTable table = parse_ok("a,b,c\n\"x, y\",\"say \"\"ja\"\"\",\"\"\n");
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_THAT(table.rows[0].fields, ElementsAre("x, y", "say \"ja\"", ""));
}

TEST(ParseCsv, KeepsNewlinesInsideQuotesAndCountsTheirLines) {
  const CsvTable table = parse_ok("a,b\n\"line one\nline two\",1\nnext,2\n");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].fields[0], "line one\nline two");
  EXPECT_EQ(table.rows[0].line, 2);
  EXPECT_EQ(table.rows[1].line, 4);
}

TEST(ParseCsv, HandlesCrlfAndAByteOrderMark) {
  const CsvTable table = parse_ok("\xEF\xBB\xBFid,name\r\nF0001,Peeters\r\n\"a\r\nb\",c\r\n");
  EXPECT_THAT(table.header, ElementsAre("id", "name"));
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_THAT(table.rows[0].fields, ElementsAre("F0001", "Peeters"));
  EXPECT_EQ(table.rows[1].fields[0], "a\r\nb");
  EXPECT_EQ(table.rows[1].line, 3);
}

TEST(ParseCsv, TrimsUnquotedFieldsButNotQuotedOnes) {
  const CsvTable table = parse_ok("a,b,c\n  x  ,  \"  y  \"  ,\t z\n");
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_THAT(table.rows[0].fields, ElementsAre("x", "  y  ", "z"));
}

TEST(ParseCsv, SkipsBlankLinesAndKeepsEmptyFields) {
  const CsvTable table = parse_ok("a,b\n\n   \nx,\n,y\n\n");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].line, 4);
  EXPECT_THAT(table.rows[0].fields, ElementsAre("x", ""));
  EXPECT_THAT(table.rows[1].fields, ElementsAre("", "y"));
}

TEST(ParseCsv, ReadsALastLineWithoutNewline) {
  const CsvTable table = parse_ok("a,b\n1,2");
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_THAT(table.rows[0].fields, ElementsAre("1", "2"));
}

TEST(ParseCsv, LeavesFieldCountsToTheCaller) {
  const CsvTable table = parse_ok("a,b\n1\n1,2,3\n");
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(table.rows[0].fields.size(), 1u);
  EXPECT_EQ(table.rows[1].fields.size(), 3u);
}

TEST(ParseCsv, RefusesAnUnterminatedQuoteNamingTheLineItStarts) {
  const auto table = parse_csv("a,b\n1,2\n3,\"open\nstill open\n");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().kind, ErrorKind::kInvalidInput);
  EXPECT_THAT(table.error().message, HasSubstr("line 3: quoted field is never closed"));
  EXPECT_THAT(table.error().message, HasSubstr("add the closing quote"));
}

TEST(ParseCsv, RefusesAStrayQuoteInAnUnquotedField) {
  const auto table = parse_csv("a,b\n1,2\nGezin \"De\" Smet,3\n");
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.error().message, HasSubstr("line 3: stray quote"));
  EXPECT_THAT(table.error().message, HasSubstr("as \"\""));
}

TEST(ParseCsv, RefusesTextAfterAClosingQuote) {
  const auto table = parse_csv("a,b\n\"x\"y,2\n");
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.error().message, HasSubstr("line 2: stray text after a closing quote"));
}

TEST(ParseCsv, RefusesAnEmptyText) {
  for (const char* text : {"", "\n\n", "\xEF\xBB\xBF"}) {
    const auto table = parse_csv(text);
    ASSERT_FALSE(table.ok());
    EXPECT_THAT(table.error().message, HasSubstr("must be a header"));
  }
}

TEST(ParseCsv, RefusesTextThatIsNotUtf8NamingTheLine) {
  const auto table = parse_csv("a,b\n1,2\nGezin M\xfcller,3\n");
  ASSERT_FALSE(table.ok());
  EXPECT_THAT(table.error().message, HasSubstr("line 3: the text is not valid UTF-8"));
  EXPECT_THAT(table.error().message, HasSubstr("CSV UTF-8"));
}

TEST(ParseCsv, KeepsUtf8Text) {
  const CsvTable table = parse_ok("name\nGezin Çelik\n");
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].fields[0], "Gezin Çelik");
}

}  // namespace
}  // namespace noodbel
