// The lexicon: parsed from the text of config/lexicon/words.tsv, then the longest phrase at a
// word wins, words match stretched, and a phrase may mean one thing first and another later.
#include "bot/reply/lexicon.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace noodbel::reply {
namespace {

Lexicon lexicon_of(std::string_view text) {
  Result<Lexicon> lexicon = Lexicon::parse(text, "words.tsv");
  EXPECT_TRUE(lexicon.ok()) << lexicon.error().message;
  return std::move(lexicon).value();
}

// The meaning of the phrase at the first word of `text` (as its first word or later) and
// how many words it covers; kNone and 0 when nothing matches.
std::pair<Kind, std::size_t> meaning(const Lexicon& lexicon, std::string_view text,
                                     bool first_word = true) {
  const Normalized n(text);
  const std::optional<Item> item = lexicon.classify_within(n, 0, n.size(), first_word);
  if (!item) return {Kind::kNone, 0};
  return {item->kind, item->count};
}

std::string error_of(std::string_view text) {
  const Result<Lexicon> lexicon = Lexicon::parse(text, "words.tsv");
  return lexicon.ok() ? "" : lexicon.error().message;
}

TEST(ReplyLexicon, TheLongestPhraseWinsAndWordsMatchStretched) {
  const Lexicon lexicon = lexicon_of("geen\tneg\ngeen probleem\tyes\nja\tyes\n");
  EXPECT_EQ(meaning(lexicon, "geen probleem"), std::pair(Kind::kYes, std::size_t{2}));
  EXPECT_EQ(meaning(lexicon, "geen"), std::pair(Kind::kNeg, std::size_t{1}));
  EXPECT_EQ(meaning(lexicon, "JAAAA"), std::pair(Kind::kYes, std::size_t{1}));
  EXPECT_EQ(meaning(lexicon, "jij"), std::pair(Kind::kNone, std::size_t{0}));
}

TEST(ReplyLexicon, AnEntryMeansOneThingFirstAndAnotherLater) {
  const Lexicon lexicon = lexicon_of("max\tdistance\tmax_km\nstop\tstop\tnone\n");
  EXPECT_EQ(meaning(lexicon, "max", true).first, Kind::kDistance);
  EXPECT_EQ(meaning(lexicon, "max", false).first, Kind::kMaxKm);
  EXPECT_EQ(meaning(lexicon, "stop", true).first, Kind::kStop);
  EXPECT_EQ(meaning(lexicon, "stop", false), std::pair(Kind::kNone, std::size_t{1}));
}

TEST(ReplyLexicon, OfTwoEquallyLongPhrasesTheEarlierWins) {
  EXPECT_EQ(meaning(lexicon_of("ok\tyes\nok\tno\n"), "ok").first, Kind::kYes);
  EXPECT_EQ(meaning(lexicon_of("ok\tno\nok\tyes\n"), "ok").first, Kind::kNo);
}

TEST(ReplyLexicon, CommentsAndEmptyLinesAreSkippedButEmojiWordsAreEntries) {
  const Lexicon lexicon = lexicon_of("# answers\n#\n\n#yes\tyes\r\nja\tyes\n");
  EXPECT_EQ(lexicon.size(), 2u);
  EXPECT_EQ(meaning(lexicon, "\xF0\x9F\x91\x8D").first, Kind::kYes);  // 👍
}

TEST(ReplyLexicon, ErrorsNameTheSourceTheLineAndHowToFixIt) {
  EXPECT_EQ(error_of("ja\tyes\nJa\tyes\n"),
            "words.tsv line 2: the phrase has 'J', which a normalised message never holds "
            "(\"Ja\"); write 1 to 4 words of lower-case a-z and 0-9 (at most 32 letters each), "
            "one space between them");
  EXPECT_EQ(error_of("geen  probleem\tyes\n"),
            "words.tsv line 1: the phrase has an extra space (\"geen  probleem\"); write 1 to 4 "
            "words of lower-case a-z and 0-9 (at most 32 letters each), one space between them");
  EXPECT_EQ(error_of("a b c d e\tglue\n").substr(0, 50),
            "words.tsv line 1: the phrase has more than 4 words");
  EXPECT_EQ(error_of("ja\tyes\tno\tmaybe\n"),
            "words.tsv line 1: expected PHRASE<tab>MEANING or PHRASE<tab>FIRST<tab>LATER, found 4 "
            "field(s); separate the fields with one tab");
  EXPECT_EQ(error_of("ja\tspan\n"),
            "words.tsv line 1: unknown meaning \"span\"; use one of the meanings listed at the "
            "top of the file");
  EXPECT_EQ(error_of("# only a comment\n"),
            "words.tsv holds no entries: the reply parser needs its lexicon, one "
            "PHRASE<tab>MEANING a line");
}

TEST(ReplyLexicon, EveryMeaningIsNamedAndReadBack) {
  for (int k = 0; k <= static_cast<int>(Kind::kSpan); ++k) {
    const Kind kind = static_cast<Kind>(k);
    EXPECT_EQ(kind_named(to_string(kind)), kind) << to_string(kind);
  }
  EXPECT_EQ(to_string(Kind::kWeakNo), "weak_no");
  EXPECT_FALSE(kind_named("nope").has_value());
}

}  // namespace
}  // namespace noodbel::reply
