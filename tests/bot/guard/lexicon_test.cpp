#include "bot/guard/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "support/shipped_data.h"

namespace noodbel {
namespace {

// One entry per list ("x" everywhere), with `name` replaced by `entries`.
WordLists lists_with(std::string_view name, std::vector<std::string> entries) {
  WordLists lists;
  for (const std::string_view list : Lexicon::list_names()) {
    lists[std::string(list)] = WordList{std::string(list) + ".txt", {"x"}};
  }
  lists["months"] = WordList{"months.txt", {"1 januari jan"}};
  lists["weekdays"] = WordList{"weekdays.txt", {"1 maandag"}};
  lists["organisation-phrases"] = WordList{"organisation-phrases.txt", {"kind en gezin"}};
  lists[std::string(name)].entries = std::move(entries);
  return lists;
}

TEST(GuardLexicon, NamesEveryListOnce) {
  const std::vector<std::string_view>& names = Lexicon::list_names();
  EXPECT_EQ(names.size(), 35u);
  for (const std::string_view name : names) {
    EXPECT_EQ(std::count(names.begin(), names.end(), name), 1) << name;
  }
}

TEST(GuardLexicon, FoldsTheWordsAndMergesTheirFlags) {
  WordLists lists = lists_with("stopwords", {"De", "Één"});
  lists["particles"].entries = {"de"};
  const auto lexicon = Lexicon::from_lists(lists);
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  EXPECT_EQ(lexicon->flags_of("de"), static_cast<std::uint32_t>(kStopword | kParticle));
  EXPECT_EQ(lexicon->flags_of("een"), static_cast<std::uint32_t>(kStopword));
  EXPECT_EQ(lexicon->flags_of("onbekend"), 0u);
}

TEST(GuardLexicon, ReadsMonthsWithTheirNumbersAndFlagsThem) {
  const auto lexicon =
      Lexicon::from_lists(lists_with("months", {"3 Maart mrt mars", "12 december dec"}));
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  EXPECT_EQ(lexicon->month_number("maart"), 3);
  EXPECT_EQ(lexicon->month_number("dec"), 12);
  EXPECT_EQ(lexicon->month_number("januari"), 0);
  EXPECT_NE(lexicon->flags_of("mrt") & kMonth, 0u);
}

TEST(GuardLexicon, RefusesAMonthLineWithoutANumberFrom1To12) {
  for (const char* line : {"13 dertiember", "maart 3", "3", "0 nul"}) {
    const auto lexicon = Lexicon::from_lists(lists_with("months", {line}));
    ASSERT_FALSE(lexicon.ok()) << line;
    EXPECT_EQ(lexicon.error().message,
              std::string("months.txt: '") + line +
                  "' is not a month number 1-12 followed by the month's names");
  }
}

TEST(GuardLexicon, RefusesAWordListedForTwoMonths) {
  const auto lexicon = Lexicon::from_lists(lists_with("months", {"3 mar", "5 mar"}));
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.error().message, "months.txt: 'mar' is listed for two months");
}

TEST(GuardLexicon, RefusesSeveralWordsOnALineOfAOneWordList) {
  const auto lexicon = Lexicon::from_lists(lists_with("units", {"jaar", "per week"}));
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.error().message,
            "units.txt: 'per week' is not one word; write one word per line");
}

TEST(GuardLexicon, RefusesAnEmptyOrMissingList) {
  const auto empty = Lexicon::from_lists(lists_with("url-tlds", {}));
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("url-tlds.txt holds no entries"), std::string::npos);
  WordLists lists = lists_with("units", {"jaar"});
  lists.erase("day-words");
  const auto missing = Lexicon::from_lists(lists);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("config/guard/day-words.txt"), std::string::npos)
      << missing.error().message;
  lists = lists_with("units", {"jaar"});
  lists.erase("weekdays");
  const auto shared = Lexicon::from_lists(lists);
  ASSERT_FALSE(shared.ok());
  EXPECT_NE(shared.error().message.find("config/lexicon/weekdays.txt"), std::string::npos)
      << shared.error().message;
}

TEST(GuardLexicon, ReadsWeekdaysWithTheirNumbersAndTheDayWordsAsWeekdays) {
  WordLists lists = lists_with("weekdays", {"1 maandag lundi", "7 zondag | zo"});
  lists["day-words"].entries = {"weekend"};
  const auto lexicon = Lexicon::from_lists(lists);
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  for (const char* word : {"maandag", "lundi", "zondag", "zo", "weekend"}) {
    EXPECT_NE(lexicon->flags_of(word) & kWeekday, 0u) << word;
  }
  EXPECT_EQ(lexicon->flags_of("1"), 0u);
  EXPECT_EQ(lexicon->flags_of("|"), 0u);
}

TEST(GuardLexicon, RefusesAWeekdayLineWithoutANumberFrom1To7) {
  for (const char* line : {"8 maandag", "maandag", "1"}) {
    const auto lexicon = Lexicon::from_lists(lists_with("weekdays", {line}));
    ASSERT_FALSE(lexicon.ok()) << line;
    EXPECT_EQ(lexicon.error().message, std::string("weekdays.txt: '") + line +
                                           "' is not a day number 1-7 followed by the day's names");
  }
}

TEST(GuardLexicon, ReadsTheMonthWordsOnBothSidesOfTheBar) {
  const auto lexicon = Lexicon::from_lists(lists_with("months", {"7 juli july | jul juil"}));
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  EXPECT_EQ(lexicon->month_number("juli"), 7);
  EXPECT_EQ(lexicon->month_number("jul"), 7);
  EXPECT_EQ(lexicon->month_number("|"), 0);
}

TEST(GuardLexicon, KeepsSuffixesTopLevelDomainsAndPhrases) {
  WordLists lists = lists_with("organisation-phrases", {"Onze Lieve  Vrouw", "rode kruis"});
  lists["url-tlds"].entries = {"BE", "com"};
  lists["relation-suffixes"].entries = {"mama", "papa"};
  const auto lexicon = Lexicon::from_lists(lists);
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  EXPECT_TRUE(lexicon->is_url_tld("be"));
  EXPECT_FALSE(lexicon->is_url_tld("nl"));
  EXPECT_EQ(lexicon->relation_suffixes(), (std::vector<std::string>{"mama", "papa"}));
  EXPECT_EQ(lexicon->organisation_phrases(),
            (std::vector<std::vector<std::string>>{{"onze", "lieve", "vrouw"}, {"rode", "kruis"}}));
}

TEST(GuardLexicon, ShipsTheListsTheGuardWasWrittenFor) {
  const Lexicon& shipped = test_data::shipped_lexicon();
  EXPECT_EQ(shipped.month_number("fevrier"), 2);
  EXPECT_NE(shipped.flags_of("marokkaanse") & kNeverName, 0u);
  EXPECT_NE(shipped.flags_of("geboren") & kBirthCue, 0u);
  EXPECT_EQ(shipped.strong_street_suffixes().size(), 9u);
  EXPECT_EQ(shipped.weak_street_suffixes().size(), 33u);
  EXPECT_EQ(shipped.organisation_phrases().size(), 10u);
}

}  // namespace
}  // namespace noodbel
