// The reply parser's condition words (config/lexicon/conditions.txt): what
// ConditionWords::parse reads, every error it names a file and line for, that the shipped
// file holds every list, and the gate the parser builds from them.
#include "bot/reply/condition_words.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "bot/reply/condition_gate.h"
#include "bot/reply/word_lists.h"
#include "support/reply_parser.h"

namespace noodbel::reply {
namespace {

// Every section in order, each with one word ("wa", "wb", ... "wz", "waz", ...), except `section`,
// whose lines are `body`; lines are numbered from 1 at "[child-words]".
std::string file_with(std::string_view section = "", std::string_view body = "") {
  std::string text;
  for (std::size_t i = 0; i < kWordListCount; ++i) {
    text += "[" + std::string(kSectionNames[i]) + "]\n";
    text += kSectionNames[i] == section ? std::string(body)
                                        : "w" + std::string(1, static_cast<char>('a' + i % 26)) +
                                              std::string(i / 26, 'z') + "\n";
  }
  return text;
}

std::string error_of(std::string text) {
  const Result<ConditionWords> words = ConditionWords::parse({std::move(text), "conditions.txt"});
  if (words.ok()) return "parsed";
  EXPECT_EQ(words.error().kind, ErrorKind::kInvalidInput);
  return words.error().message;
}

std::vector<std::string_view> words_of(const ConditionWords& words, WordList list) {
  const auto span = words.words(list);
  return {span.begin(), span.end()};
}

TEST(ReplyConditionWords, ReadsEachSectionIntoItsListInTheOrderOfTheFile) {
  const Result<ConditionWords> words = ConditionWords::parse(
      {"# comment\n\n" + file_with("child-words", "kind  kinderen\n# comment\n\nkids\t\r\n"),
       "conditions.txt"});
  ASSERT_TRUE(words.ok()) << words.error().message;
  EXPECT_EQ(words_of(*words, WordList::kChildNouns),
            (std::vector<std::string_view>{"kind", "kinderen", "kids"}));
  EXPECT_EQ(words_of(*words, WordList::kBabyWords), (std::vector<std::string_view>{"wb"}));
  EXPECT_EQ(words_of(*words, WordList::kFromOpeners), (std::vector<std::string_view>{"wn"}));
}

TEST(ReplyConditionWords, ReadsAListOfPhrasesOneALine) {
  const Result<ConditionWords> words = ConditionWords::parse(
      {file_with("siblings", "broers en\t zussen\nfreres et sœurs\nfratrie\n"), "conditions.txt"});
  ASSERT_TRUE(words.ok()) << words.error().message;
  EXPECT_EQ(words_of(*words, WordList::kSiblings),
            (std::vector<std::string_view>{"broers en zussen", "freres et sœurs", "fratrie"}));
  EXPECT_EQ(error_of(file_with("siblings", "broers en zussen\nbroers en  zussen\n")),
            "conditions.txt line 53: 'broers en zussen' is listed twice in [siblings] (also on "
            "line 52); keep it once");
  EXPECT_EQ(error_of(file_with("siblings", "Broers\n")),
            "conditions.txt line 52: 'Broers' is not a word of a normalised message; write "
            "lower-case a-z, accents stripped, one word at a time");
}

TEST(ReplyConditionWords, AllowsAWordInSeveralLists) {
  EXPECT_EQ(error_of(file_with("limit-anchors", "dag wi\n")), "parsed");
}

TEST(ReplyConditionWords, NamesTheLineOfAnUnknownSection) {
  EXPECT_EQ(error_of(file_with("modals", "kan\n[kids]\nkind\n")),
            "conditions.txt line 11: '[kids]' is not a section of this file; write one of "
            "[child-words] [baby-words] [teen-words] [call-verbs] [modals] [transport-anchors] "
            "[limit-anchors] [day-words] [start-anchors] [transport-openers] [children-openers] "
            "[ages-openers] [limit-openers] [start-openers] [me-words] [you-words] [first-words] "
            "[call-lead] [call-tail] [drive-words] [car-words] [transport-gap] [age-negators] "
            "[age-restrictors] [count-prefixes] [siblings] [not-before] [start-words] [after-what] "
            "[limit-prefixes] [short-stays] [end-of-week] [not-hour-units] [limit-suffixes] "
            "[from-now] [later] [until] [tonight] [if-it-is] on a line of its own");
  EXPECT_TRUE(error_of(file_with("modals", "kan\n[modals] kunnen\n"))
                  .starts_with("conditions.txt line 11: '[modals] kunnen' is not a section"));
}

TEST(ReplyConditionWords, NamesTheLinesOfASectionThatComesTwice) {
  EXPECT_EQ(error_of(file_with("modals", "kan\n[baby-words]\nbebe\n")),
            "conditions.txt line 11: [baby-words] comes twice (also on line 3); keep its words "
            "under one");
}

TEST(ReplyConditionWords, NamesTheLineOfWordsBeforeAnySection) {
  EXPECT_EQ(error_of("# comment\nkind\n" + file_with()),
            "conditions.txt line 2: 'kind' comes before any section; put a section name such "
            "as [child-words] above the words");
}

TEST(ReplyConditionWords, NamesTheLineOfAWordThatIsNotNormalised) {
  for (const std::string_view word : {"Kind", "bébé", "baby's", "k1nd"}) {
    EXPECT_EQ(error_of(file_with("baby-words", "baby\n" + std::string(word) + "\n")),
              "conditions.txt line 5: '" + std::string(word) +
                  "' is not a word of a normalised message; write lower-case a-z, accents "
                  "stripped, one word at a time");
  }
}

TEST(ReplyConditionWords, NamesBothLinesOfAWordListedTwiceInOneSection) {
  EXPECT_EQ(error_of(file_with("call-verbs", "bel bellen\nbellen\n")),
            "conditions.txt line 9: 'bellen' is listed twice in [call-verbs] (also on line 8); "
            "keep it once");
}

TEST(ReplyConditionWords, NamesAMissingSectionAndHowToAddIt) {
  std::string text = file_with();
  text.erase(text.find("[teen-words]"), std::string("[teen-words]\nwc\n").size());
  EXPECT_EQ(error_of(text),
            "conditions.txt has no section [teen-words]; add it: [teen-words] on a line of its "
            "own, then its words");
}

TEST(ReplyConditionWords, NamesAMissingPhraseListOfTheTimeAndAgesReaders) {
  for (const std::string_view name : {"from-now", "later", "until", "tonight", "if-it-is"}) {
    std::string text = file_with();
    const std::string header = "[" + std::string(name) + "]\n";
    const std::size_t at = text.find(header);
    ASSERT_NE(at, std::string::npos) << name;
    text.erase(at, text.find('\n', at + header.size()) + 1 - at);
    EXPECT_EQ(error_of(text), "conditions.txt has no section " +
                                  header.substr(0, header.size() - 1) +
                                  "; add it: " + header.substr(0, header.size() - 1) +
                                  " on a line of its own, then its words");
  }
}

TEST(ReplyConditionWords, NamesTheLineOfAnEmptySection) {
  EXPECT_EQ(error_of(file_with("modals", "# none yet\n")),
            "conditions.txt line 9: [modals] has no words; the reply parser needs them");
}

TEST(ReplyConditionWords, TheShippedFileHoldsEveryListWithTheWordsTheParserWasWrittenFor) {
  const ConditionWords& words = test_data::shipped_condition_words();
  for (std::size_t i = 0; i < kWordListCount; ++i)
    EXPECT_FALSE(words.words(static_cast<WordList>(i)).empty()) << kSectionNames[i];
  const auto has = [&](WordList list, std::string_view w) {
    const std::vector<std::string_view> all = words_of(words, list);
    return std::find(all.begin(), all.end(), w) != all.end();
  };
  EXPECT_TRUE(has(WordList::kChildNouns, "kinderen"));
  EXPECT_TRUE(has(WordList::kBabyWords, "zuigeling"));
  EXPECT_TRUE(has(WordList::kTeenWords, "ados"));
  EXPECT_TRUE(has(WordList::kCallVerbs, "appelez"));
  EXPECT_TRUE(has(WordList::kModals, "kunnen"));
  EXPECT_TRUE(has(WordList::kDayWords, "morgen"));
  EXPECT_TRUE(has(WordList::kCallTail, "terug"));
  EXPECT_TRUE(has(WordList::kCarHeads, "maxicosi"));
  EXPECT_TRUE(has(WordList::kSiblings, "broers en zussen"));
  EXPECT_TRUE(has(WordList::kFromWords, "a partir de"));
  EXPECT_TRUE(has(WordList::kVagueLimits, "niet te lang"));
  EXPECT_TRUE(has(WordList::kEndOfWeek, "het einde van de week"));
  EXPECT_TRUE(has(WordList::kNotHourUnits, "jaar"));
  EXPECT_TRUE(has(WordList::kLimitSuffix, "maximum"));
  EXPECT_TRUE(has(WordList::kFromNow, "d ici"));
  EXPECT_TRUE(has(WordList::kLater, "plus tard"));
  EXPECT_TRUE(has(WordList::kUntil, "tot en met"));
  EXPECT_TRUE(has(WordList::kTonight, "ce soir"));
  EXPECT_TRUE(has(WordList::kIfItIs, "si c est une"));
}

// A phrase list is matched in the order of the file, so a longer phrase listed before its
// start ("tot en met" before "tot", "later vandaag" before "later") is read whole.
TEST(ReplyConditionWords, TheShippedTimeAndAgesPhrasesPutALongerPhraseBeforeItsStart) {
  const ConditionWords& words = test_data::shipped_condition_words();
  for (const WordList list : {WordList::kFromNow, WordList::kLater, WordList::kUntil,
                              WordList::kTonight, WordList::kIfItIs}) {
    const std::vector<std::string_view> all = words_of(words, list);
    for (std::size_t a = 0; a < all.size(); ++a) {
      for (std::size_t b = a + 1; b < all.size(); ++b) {
        EXPECT_FALSE(all[b].starts_with(std::string(all[a]) + " "))
            << kSectionNames[static_cast<std::size_t>(list)] << ": '" << all[b] << "' comes after '"
            << all[a] << "'";
      }
    }
  }
  EXPECT_EQ(words_of(words, WordList::kUntil).front(), "tot en met");
}

TEST(ReplyConditionGate, OpensAtTheWordsOfItsListsAndAtNumbersWeekdaysAndMonths) {
  const Result<ConditionWords> lists =
      ConditionWords::parse({file_with("baby-words", "baby\n"), "conditions.txt"});
  ASSERT_TRUE(lists.ok()) << lists.error().message;
  const ConditionGate gate(*lists);
  const DateWords& dates = test_data::shipped_date_words();
  EXPECT_EQ(gate.bits("baby", dates), kAges | kAgeWord);
  EXPECT_EQ(gate.bits("wg", dates), kLimitWord);                      // [limit-anchors]
  EXPECT_EQ(gate.bits("wh", dates), kFrom | kFromWord | kLimitWord);  // [day-words]
  EXPECT_EQ(gate.bits("maart", dates), kFrom | kFromWord | kLimitWord);
  EXPECT_EQ(gate.bits("twee", dates), kChildren | kLimit | kLimitWord);
  EXPECT_EQ(gate.bits("3", dates),
            kChildren | kAges | kLimit | kFrom | kAgeWord | kLimitWord | kFromWord);
  EXPECT_EQ(gate.bits("kinderen", dates), 0);  // not in this file's lists
  EXPECT_EQ(gate.bits("", dates), 0);
}

}  // namespace
}  // namespace noodbel::reply
