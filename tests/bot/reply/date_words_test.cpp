// The reply parser's date words
// (config/lexicon/{months,weekdays,numbers,durations,date-markers}.txt):
// what DateWords::parse reads, every error it names a file and line for, and that the
// shipped files hold what the parser was written for.
#include "bot/reply/date_words.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "support/reply_parser.h"

namespace noodbel::reply {
namespace {

// Small but complete files; `name` ("months", ...) replaced by `text`.
DateWordFiles files_with(std::string_view name, std::string text) {
  DateWordFiles files{
      {"1 jan\n2 feb\n3 mrt\n4 apr\n5 mei\n6 jun\n7 jul\n8 aug\n9 sep\n10 okt\n11 nov\n12 dec\n",
       "months.txt"},
      {"1 ma\n2 di\n3 wo\n4 do\n5 vr\n6 za\n7 zo\n", "weekdays.txt"},
      {"2 twee\n", "numbers.txt"},
      {"day dag\nweek week\nmonth maand\n", "durations.txt"},
      {"ordinal de\nuntil tot\n", "date-markers.txt"}};
  WordFile* const into = name == "months"      ? &files.months
                         : name == "weekdays"  ? &files.weekdays
                         : name == "numbers"   ? &files.numbers
                         : name == "durations" ? &files.durations
                                               : &files.markers;
  into->text = std::move(text);
  return files;
}

std::string error_of(std::string_view name, std::string text) {
  const Result<DateWords> words = DateWords::parse(files_with(name, std::move(text)));
  if (words.ok()) return "parsed";
  EXPECT_EQ(words.error().kind, ErrorKind::kInvalidInput);
  return words.error().message;
}

TEST(ReplyDateWords, ReadsEachFileIntoItsValues) {
  const Result<DateWords> words =
      DateWords::parse(files_with("numbers", "# comment\n\n1 een  un\t one\n10 tien\n"));
  ASSERT_TRUE(words.ok()) << words.error().message;
  EXPECT_EQ(words->month_of("mrt"), 3);
  EXPECT_EQ(words->month_of("maart"), -1);
  EXPECT_EQ(words->weekday_of("ma"), 0);  // 1 = Monday in the file, 0 here
  EXPECT_EQ(words->weekday_of("zo"), 6);
  EXPECT_EQ(words->number_of("un"), 1);
  EXPECT_EQ(words->number_of("one"), 1);
  EXPECT_EQ(words->number_of("tien"), 10);
  EXPECT_EQ(words->number_of("twee"), -1);
  EXPECT_EQ(words->unit_days("dag"), 1);
  EXPECT_EQ(words->unit_days("week"), 7);
  EXPECT_EQ(words->unit_days("maand"), 0);
  EXPECT_EQ(words->unit_days("jaar"), -1);
  EXPECT_TRUE(words->is_ordinal_suffix("de"));
  EXPECT_FALSE(words->is_ordinal_suffix("tot"));
  EXPECT_FALSE(words->is_ordinal_suffix(""));
  EXPECT_TRUE(words->is_until_word("tot"));
  EXPECT_FALSE(words->is_until_word("de"));
}

TEST(ReplyDateWords, ReadsTheOrdinalSuffixesAndUntilWordsOfTheMarkersFile) {
  const Result<DateWords> words =
      DateWords::parse(files_with("date-markers", "until tot jusqu\nordinal e er\n"));
  ASSERT_TRUE(words.ok()) << words.error().message;
  EXPECT_TRUE(words->is_ordinal_suffix("er"));
  EXPECT_FALSE(words->is_ordinal_suffix("de"));
  EXPECT_TRUE(words->is_until_word("jusqu"));
  EXPECT_FALSE(words->is_until_word("er"));
}

TEST(ReplyDateWords, SkipsTheWordsAfterTheBarWhichOnlyTheGuardReads) {
  const Result<DateWords> words = DateWords::parse(files_with(
      "months",
      "1 jan\n2 feb\n3 maart | mar\n4 apr\n5 mei\n6 jun\n7 jul\n8 aug\n9 sep\n10 okt\n11 nov\n"
      "12 dec\n"));
  ASSERT_TRUE(words.ok()) << words.error().message;
  EXPECT_EQ(words->month_of("maart"), 3);
  EXPECT_EQ(words->month_of("mar"), -1);
  EXPECT_EQ(words->month_of("|"), -1);
}

TEST(ReplyDateWords, NamesTheFileAndLineOfAKeyThatIsNotTheFiles) {
  EXPECT_EQ(error_of("weekdays", "# days\n1 ma\n8 ma2\n"),
            "weekdays.txt line 3: '8' is not a day number 1-7 (1 = Monday); start the line with "
            "a day number 1-7 (1 = Monday)");
  EXPECT_EQ(error_of("months", "januari 1\n"),
            "months.txt line 1: 'januari' is not a month number 1-12; start the line with a "
            "month number 1-12");
  EXPECT_EQ(error_of("numbers", "0 nul\n"),
            "numbers.txt line 1: '0' is not a number 1-100; start the line with a number 1-100");
  EXPECT_EQ(error_of("durations", "jaar jaar\n"),
            "durations.txt line 1: 'jaar' is not day, week or month; start the line with day, "
            "week or month");
  EXPECT_EQ(error_of("date-markers", "ordinal de\ntot tot\n"),
            "date-markers.txt line 2: 'tot' is not ordinal or until; start the line with "
            "ordinal or until");
}

TEST(ReplyDateWords, NamesTheFileAndLineOfAKeyWithoutWords) {
  EXPECT_EQ(error_of("numbers", "2 twee\n3\n"),
            "numbers.txt line 2: the line has no words after 3; write its words after it, "
            "separated by spaces");
  EXPECT_EQ(error_of("numbers", "3 | drie\n"),
            "numbers.txt line 1: the line has no words after 3; write its words after it, "
            "separated by spaces");
}

TEST(ReplyDateWords, NamesTheFileAndLineOfAWordANormalisedMessageNeverHolds) {
  for (const char* word : {"Mars", "février", "week-end", "2de"}) {
    EXPECT_EQ(error_of("numbers", std::string("2 twee ") + word + "\n"),
              std::string("numbers.txt line 1: '") + word +
                  "' is not a word of a normalised message; write lower-case a-z, accents "
                  "stripped, one word at a time");
  }
}

TEST(ReplyDateWords, NamesBothLinesOfAWordListedTwice) {
  EXPECT_EQ(error_of("numbers", "1 een\n2 twee\n3 drie een\n"),
            "numbers.txt line 3: 'een' is listed twice (also on line 1); keep it on one line");
}

TEST(ReplyDateWords, NamesTheFileOfAMissingMonthDayUnitOrMarker) {
  EXPECT_EQ(error_of("durations", "day dag\nweek week\n"),
            "durations.txt has no line for month; add one: month, then its words separated by "
            "spaces");
  EXPECT_EQ(error_of("weekdays", "1 ma\n2 di\n3 wo\n4 do\n6 za\n7 zo\n"),
            "weekdays.txt has no line for 5; add one: 5, then its words separated by spaces");
  for (const auto& [kept, missing] :
       {std::pair{"until tot\n", "ordinal"}, std::pair{"ordinal de\n", "until"}}) {
    EXPECT_EQ(error_of("date-markers", kept), std::string("date-markers.txt has no line for ") +
                                                  missing + "; add one: " + missing +
                                                  ", then its words separated by spaces");
  }
}

TEST(ReplyDateWords, RefusesAFileWithoutEntries) {
  EXPECT_EQ(error_of("numbers", "# nothing yet\n"),
            "numbers.txt holds no entries: the reply parser needs it, one line of a number "
            "1-100 and its words");
}

// The shipped files hold every month and weekday in the three languages, by its full name.
TEST(ReplyDateWords, ShipsEveryMonthAndWeekdayInDutchFrenchAndEnglish) {
  const DateWords& shipped = test_data::shipped_date_words();
  const char* const months[12][3] = {{"januari", "janvier", "january"},
                                     {"februari", "fevrier", "february"},
                                     {"maart", "mars", "march"},
                                     {"april", "avril", "april"},
                                     {"mei", "mai", "may"},
                                     {"juni", "juin", "june"},
                                     {"juli", "juillet", "july"},
                                     {"augustus", "aout", "august"},
                                     {"september", "septembre", "september"},
                                     {"oktober", "octobre", "october"},
                                     {"november", "novembre", "november"},
                                     {"december", "decembre", "december"}};
  for (int m = 0; m < 12; ++m) {
    for (const char* name : months[m]) EXPECT_EQ(shipped.month_of(name), m + 1) << name;
  }
  const char* const days[7][3] = {
      {"maandag", "lundi", "monday"},        {"dinsdag", "mardi", "tuesday"},
      {"woensdag", "mercredi", "wednesday"}, {"donderdag", "jeudi", "thursday"},
      {"vrijdag", "vendredi", "friday"},     {"zaterdag", "samedi", "saturday"},
      {"zondag", "dimanche", "sunday"}};
  for (int d = 0; d < 7; ++d) {
    for (const char* name : days[d]) EXPECT_EQ(shipped.weekday_of(name), d) << name;
  }
}

// The words the parser was written for: the abbreviations a reply may use, not those only
// the guard reads; counts 1-8 and 10 in the three languages; the units of a span.
TEST(ReplyDateWords, ShipsTheAbbreviationsCountsAndUnitsTheParserReads) {
  const DateWords& shipped = test_data::shipped_date_words();
  for (const char* word : {"jan", "janv", "feb", "fev", "mrt", "apr", "aug", "sept", "sep", "okt",
                           "oct", "nov", "dec"}) {
    EXPECT_GT(shipped.month_of(word), 0) << word;
  }
  for (const char* word : {"febr", "mar", "avr", "jun", "juil", "jul"}) {
    EXPECT_EQ(shipped.month_of(word), -1) << word;
  }
  const char* const counts[][3] = {{"een", "un", "one"},       {"twee", "deux", "two"},
                                   {"drie", "trois", "three"}, {"vier", "quatre", "four"},
                                   {"vijf", "cinq", "five"},   {"zes", "six", "six"},
                                   {"zeven", "sept", "seven"}, {"acht", "huit", "eight"}};
  for (int n = 0; n < 8; ++n) {
    for (const char* word : counts[n]) EXPECT_EQ(shipped.number_of(word), n + 1) << word;
  }
  EXPECT_EQ(shipped.number_of("tien"), 10);
  EXPECT_EQ(shipped.number_of("negen"), -1);
  EXPECT_EQ(shipped.number_of("paar"), -1);
  EXPECT_EQ(shipped.unit_days("weken"), 7);
  EXPECT_EQ(shipped.unit_days("semaines"), 7);
  EXPECT_EQ(shipped.unit_days("dagen"), 1);
  EXPECT_EQ(shipped.unit_days("mois"), 0);
}

// The ordinal suffixes and "until" words the date reader was written for.
TEST(ReplyDateWords, ShipsTheOrdinalSuffixesAndUntilWordsTheParserReads) {
  const DateWords& shipped = test_data::shipped_date_words();
  for (const char* suffix : {"e", "de", "ste", "er", "ere", "st", "nd", "rd", "th"}) {
    EXPECT_TRUE(shipped.is_ordinal_suffix(suffix)) << suffix;
  }
  for (const char* word : {"tot", "tm", "tem", "until", "till", "til", "jusqu", "through"}) {
    EXPECT_TRUE(shipped.is_until_word(word)) << word;
  }
  EXPECT_FALSE(shipped.is_ordinal_suffix("u"));
  EXPECT_FALSE(shipped.is_until_word("voor"));
}

}  // namespace
}  // namespace noodbel::reply
