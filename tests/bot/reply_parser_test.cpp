#include "bot/reply_parser.h"

#include <gtest/gtest.h>

#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace noodbel {
namespace {

struct Case {
  std::string text;
  Intent intent;
  std::optional<std::string> code = std::nullopt;
  std::optional<std::string> note = std::nullopt;
  std::optional<int> km = std::nullopt;
  std::optional<std::string> until = std::nullopt;
};

const std::vector<Case>& corpus() {
  static const std::vector<Case> cases = {
      // yes, Dutch and Flemish
      {"ja", Intent::kYes},
      {"Ja hoor", Intent::kYes},
      {"JAAAA!!!", Intent::kYes},
      {"jawel", Intent::kYes},
      {"ja graag", Intent::kYes},
      {"Zeker!", Intent::kYes},
      {"is goed", Intent::kYes},
      {"da's goed", Intent::kYes},
      {"Ja, geen probleem", Intent::kYes},
      {"ok", Intent::kYes},
      {"Oké K42", Intent::kYes, "K42"},
      {"k42 ja", Intent::kYes, "K42"},
      {"Ja voor Z07", Intent::kYes, "Z07"},
      {"ja natuurlijk, bel maar", Intent::kYes},
      {"Ja, kom maar af", Intent::kYes},
      // yes, French and English
      {"oui", Intent::kYes},
      {"OUI", Intent::kYes},
      {"Oui, avec plaisir", Intent::kYes},
      {"d'accord", Intent::kYes},
      {"pas de souci", Intent::kYes},
      {"bien sûr", Intent::kYes},
      {"yes", Intent::kYes},
      {"Yes, no problem", Intent::kYes},
      {"yep sure", Intent::kYes},
      // yes by emoji
      {"👍", Intent::kYes},
      {"👍🏽", Intent::kYes},
      {"✅ K42", Intent::kYes, "K42"},
      {"✔️", Intent::kYes},
      // no
      {"nee", Intent::kNo},
      {"Neen", Intent::kNo},
      {"nee sorry K42", Intent::kNo, "K42"},
      {"Neeee", Intent::kNo},
      {"sorry niet", Intent::kNo},
      {"kan niet", Intent::kNo},
      {"helaas niet deze keer", Intent::kNo},
      {"Sorry", Intent::kNo},
      {"geen tijd", Intent::kNo},
      {"zeker niet", Intent::kNo},
      {"non", Intent::kNo},
      {"non désolé", Intent::kNo},
      {"je ne peux pas", Intent::kNo},
      {"pas possible cette semaine", Intent::kNo},
      {"no", Intent::kNo},
      {"nope", Intent::kNo},
      {"Sorry, I can't", Intent::kNo},
      {"👎", Intent::kNo},
      {"❌ B12", Intent::kNo, "B12"},
      // maybe, with the condition as written
      {"misschien", Intent::kMaybe},
      {"Misschien, moet even overleggen", Intent::kMaybe, std::nullopt, "moet even overleggen"},
      {"eventueel", Intent::kMaybe},
      // a yes with a condition stays a yes; the condition is understood, so no note
      {"ja maar pas vanaf 18u", Intent::kYes},
      {"ja mr pas vanaf 18u", Intent::kYes},
      {"ik laat het straks weten", Intent::kMaybe, std::nullopt, "ik laat het straks weten"},
      {"K42 ik moet het eerst vragen", Intent::kMaybe, "K42", "ik moet het eerst vragen"},
      {"ja, pas vanaf 18u", Intent::kYes},
      {"pas vanaf 18u", Intent::kYes},
      {"Ja maar enkel tot zondag K42", Intent::kYes, "K42"},
      {"ja, niet voor 20u", Intent::kYes},
      {"ja morgen wel", Intent::kYes},
      {"Vanaf 17u30 👍", Intent::kYes},
      {"weet het nog niet", Intent::kMaybe},
      {"peut-être", Intent::kMaybe},
      {"oui mais seulement le week-end", Intent::kYes},
      {"oui à partir de 18h", Intent::kYes},
      {"maybe", Intent::kMaybe},
      {"yes but only after 6pm", Intent::kYes},
      {"ja maar", Intent::kMaybe},
      {"Ja, ik kan maar pas vanaf 18u", Intent::kYes},
      {"ja, maar mijn dochter is ziek", Intent::kMaybe, std::nullopt, "mijn dochter is ziek"},
      {"Ja! Hoe oud is het kindje?", Intent::kYes, std::nullopt, "Hoe oud is het kindje?"},
      {"nee maar bedankt", Intent::kNo},
      {"🤔", Intent::kMaybe},
      // contradictions and noise
      {"ja nee", Intent::kUnknown},
      {"nee ja", Intent::kUnknown},
      {"nee, misschien later", Intent::kUnknown},
      {"", Intent::kUnknown},
      {"   ", Intent::kUnknown},
      {"hallo, wat is dit?", Intent::kUnknown},
      {"K42", Intent::kUnknown, "K42"},
      {"ne", Intent::kUnknown},
      // commands
      {"STOP", Intent::kStop},
      {"stopall", Intent::kStop},
      {"Unsubscribe", Intent::kStop},
      {"ARRÊT", Intent::kStop},
      {"START", Intent::kStart},
      {"pauze", Intent::kPause},
      {"pauze tot 2026-12-01", Intent::kPause, std::nullopt, std::nullopt, std::nullopt, "2026-12-01"},
      {"Pauze tot 24.12.2026.", Intent::kPause, std::nullopt, std::nullopt, std::nullopt, "2026-12-24"},
      {"pause jusqu'au 3/1/2027", Intent::kPause, std::nullopt, std::nullopt, std::nullopt, "2027-01-03"},
      {"beschikbaar", Intent::kResume},
      {"disponible", Intent::kResume},
      {"status", Intent::kStatus},
      {"help", Intent::kHelp},
      {"HULP", Intent::kHelp},
      {"aide", Intent::kHelp},
      {"?", Intent::kUnknown},  // a question, forwarded when the family has an open call
      {"??", Intent::kUnknown},
      {"info", Intent::kHelp},
      {"uitleg aub", Intent::kHelp},
      {"afstand 40", Intent::kDistance, std::nullopt, std::nullopt, 40},
      {"max 30 km", Intent::kDistance, std::nullopt, std::nullopt, 30},
      {"Afstand: 25km", Intent::kDistance, std::nullopt, std::nullopt, 25},
      {"distance 15", Intent::kDistance, std::nullopt, std::nullopt, 15},
      {"50 km", Intent::kDistance, std::nullopt, std::nullopt, 50},
      {"afstand", Intent::kDistance},
  };
  return cases;
}

TEST(ReplyParser, CorpusOfRealisticRepliesParsesAsExpected) {
  ASSERT_GE(corpus().size(), 60u);
  for (const Case& c : corpus()) {
    const ParsedReply r = parse_reply(c.text);
    EXPECT_EQ(to_string(r.intent), to_string(c.intent)) << "text: " << c.text;
    EXPECT_EQ(r.call_code, c.code) << "text: " << c.text;
    EXPECT_EQ(r.note, c.note) << "text: " << c.text;
    EXPECT_EQ(r.km, c.km) << "text: " << c.text;
    EXPECT_EQ(r.until, c.until) << "text: " << c.text;
  }
}

TEST(ReplyParser, CallCodeIsOneLetterExceptIAndOThenTwoDigits) {
  EXPECT_TRUE(is_call_code("K42"));
  EXPECT_TRUE(is_call_code("A00"));
  EXPECT_FALSE(is_call_code("I42"));
  EXPECT_FALSE(is_call_code("O42"));
  EXPECT_FALSE(is_call_code("k42"));
  EXPECT_FALSE(is_call_code("K4"));
  EXPECT_FALSE(is_call_code("K420"));
  EXPECT_FALSE(is_call_code("KK2"));
}

TEST(ReplyParser, CodeMustBeASeparateToken) {
  EXPECT_FALSE(parse_reply("ja K420").call_code.has_value());
  EXPECT_FALSE(parse_reply("ja AK42").call_code.has_value());
  EXPECT_FALSE(parse_reply("ja O42").call_code.has_value());
  EXPECT_EQ(parse_reply("ja (k42)").call_code, "K42");
  EXPECT_EQ(parse_reply("ja, Ｋ４２").call_code, "K42");  // full-width digits and letter
}

TEST(ReplyParser, FirstOfSeveralCodesWins) {
  EXPECT_EQ(parse_reply("ja K42 niet B12").call_code, "K42");
}

TEST(ReplyParser, InvalidUtf8AndControlBytesDoNotBreakParsing) {
  EXPECT_EQ(parse_reply("ja\xff\xfe").intent, Intent::kYes);
  EXPECT_EQ(parse_reply(std::string("nee\0K42", 7)).intent, Intent::kNo);
  EXPECT_EQ(parse_reply(std::string("nee\0K42", 7)).call_code, "K42");
}

TEST(ReplyParser, VeryLongMessagesAreCutNotCrashed) {
  std::string text = "ja";
  for (int i = 0; i < 5000; ++i) text += " bla";
  EXPECT_EQ(parse_reply(text).intent, Intent::kYes);
}

// Sunday 22 November 2026, as the corpus test.
constexpr ReplyContext kSunday{2026, 11, 22};

std::optional<std::string> until_on(std::string_view text, const ReplyContext& today = kSunday) {
  const ParsedReply r = parse_reply(text, today);
  EXPECT_EQ(r.intent, Intent::kPause) << "text: " << text;
  return r.until;
}

TEST(ReplyParser, DateWithoutYearIsTheNextOneToCome) {
  EXPECT_EQ(until_on("pauze tot 5/1"), "2027-01-05");
  EXPECT_EQ(until_on("pauze tot 30/11"), "2026-11-30");
  EXPECT_EQ(until_on("pauze tot 22/11"), "2026-11-22");  // today still counts
  EXPECT_EQ(until_on("pauze tot 21/11"), "2027-11-21");
  EXPECT_EQ(until_on("pauze tot 29/2"), "2028-02-29");   // the next leap day
}

TEST(ReplyParser, MonthNamesAreReadInDutchFrenchAndEnglish) {
  EXPECT_EQ(until_on("op vakantie tot 3 december"), "2026-12-03");
  EXPECT_EQ(until_on("en vacances jusqu'au 1er janvier"), "2027-01-01");
  EXPECT_EQ(until_on("jusqu'au 3 décembre, pause"), "2026-12-03");
  EXPECT_EQ(until_on("on holiday until December 3rd"), "2026-12-03");
  EXPECT_EQ(until_on("pauze tot 6 jan."), "2027-01-06");
  EXPECT_EQ(until_on("pauze tot 3 maart 2028"), "2028-03-03");
  EXPECT_EQ(until_on("pauze tot eind december"), "2026-12-31");
  EXPECT_EQ(until_on("pauze tot eind november"), "2026-11-30");
}

TEST(ReplyParser, SpansCountFromToday) {
  EXPECT_EQ(until_on("pauze 2 weken"), "2026-12-06");
  EXPECT_EQ(until_on("pauze voor een weekje"), "2026-11-29");
  EXPECT_EQ(until_on("pause 10 jours"), "2026-12-02");
  EXPECT_EQ(until_on("pause for two weeks"), "2026-12-06");
  EXPECT_EQ(until_on("pauze 1 maand"), "2026-12-22");
  EXPECT_EQ(until_on("pauze 1 maand", ReplyContext{2027, 1, 31}), "2027-02-28");
}

TEST(ReplyParser, WeekdayAfterUntilIsTheNextSuchDayNeverToday) {
  EXPECT_EQ(until_on("pauze tot maandag"), "2026-11-23");
  EXPECT_EQ(until_on("pauze tot zondag"), "2026-11-29");  // today is Sunday
  EXPECT_EQ(until_on("pause jusqu'à vendredi"), "2026-11-27");
  EXPECT_EQ(until_on("pauze tot morgen"), "2026-11-23");
  EXPECT_EQ(until_on("pauze t/m woensdag"), "2026-11-25");
}

TEST(ReplyParser, DateAfterUntilWinsOverOtherNumbers) {
  EXPECT_EQ(until_on("pauze, 2 kinderen ziek, tot 5/12"), "2026-12-05");
  EXPECT_EQ(until_on("pauze 2 weken, dus tot 6/12"), "2026-12-06");
}

TEST(ReplyParser, RelativeDatesNeedToday) {
  EXPECT_EQ(parse_reply("pauze tot 5/1").intent, Intent::kPause);
  EXPECT_FALSE(parse_reply("pauze tot 5/1").until.has_value());
  EXPECT_FALSE(parse_reply("pauze 2 weken").until.has_value());
  EXPECT_FALSE(parse_reply("pauze tot maandag").until.has_value());
  EXPECT_EQ(parse_reply("pauze tot 5/1/2027").until, "2027-01-05");
  EXPECT_EQ(parse_reply("pauze tot 3 december 2026").until, "2026-12-03");
}

TEST(ReplyParser, InvalidTodayIsTreatedAsUnknown) {
  EXPECT_FALSE(parse_reply("pauze tot 5/1", ReplyContext{2026, 13, 1}).until.has_value());
  EXPECT_FALSE(parse_reply("pauze tot 5/1", ReplyContext{2026, 2, 30}).until.has_value());
}

TEST(ReplyParser, ImpossibleDateGivesPauseWithoutUntil) {
  EXPECT_EQ(until_on("pauze tot 31/2"), std::nullopt);
  EXPECT_EQ(until_on("pauze tot 31/4/2027"), std::nullopt);
  EXPECT_EQ(until_on("pauze tot 5/1/1999"), std::nullopt);
}

TEST(ReplyParser, IntentDoesNotDependOnKnowingToday) {
  for (const char* text : {"sorry we zijn op vakantie tot 3 december", "op reis tot maandag",
                           "we are away until 5/1", "nee we zijn zelf op reis"}) {
    EXPECT_EQ(parse_reply(text).intent, parse_reply(text, kSunday).intent) << text;
  }
}

TEST(ReplyParser, HolidayWithADateIsAPauseButAPlainNoStaysANo) {
  EXPECT_EQ(parse_reply("sorry we zijn op vakantie tot 3 december").intent, Intent::kPause);
  EXPECT_EQ(parse_reply("Nee we zijn zelf op reis").intent, Intent::kNo);
  EXPECT_EQ(parse_reply("we zijn op vakantie").intent, Intent::kPause);
}

TEST(ReplyParser, QuestionsWithoutAnAnswerAreUnknown) {
  EXPECT_EQ(parse_reply("Heeft iemand anders al ja gezegd?").intent, Intent::kUnknown);
  EXPECT_EQ(parse_reply("hoeveel km is dat?").intent, Intent::kUnknown);
  EXPECT_EQ(parse_reply("Ja, hoe laat?").intent, Intent::kYes);
  EXPECT_EQ(parse_reply("Ja! Hoe oud is het kindje?").intent, Intent::kYes);
  EXPECT_EQ(parse_reply("sta ik nog op pauze?").intent, Intent::kStatus);
}

TEST(ReplyParser, CarrierOptOutWordsStopAndStartOptsIn) {
  for (const char* w : {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET", "ARRÊT"}) {
    EXPECT_EQ(parse_reply(w).intent, Intent::kStop) << w;
  }
  EXPECT_EQ(parse_reply("START").intent, Intent::kStart);
  EXPECT_EQ(parse_reply("Ik wil geen berichten meer ontvangen").intent, Intent::kStop);
  EXPECT_EQ(parse_reply("Ik wil terug berichten ontvangen").intent, Intent::kStart);
}

TEST(ReplyParser, CommandWordsLaterInAnAnswerDoNotCount) {
  EXPECT_EQ(parse_reply("ja, tot het einde van de week").intent, Intent::kYes);  // a limit
  EXPECT_EQ(parse_reply("we zijn beschikbaar voor K42").intent, Intent::kYes);
  EXPECT_NE(parse_reply("ja, max 2 nachten").intent, Intent::kDistance);
}

TEST(ReplyParser, DistanceSaidInASentence) {
  EXPECT_EQ(parse_reply("Mijn maximale afstand is 35 km").km, 35);
  EXPECT_EQ(parse_reply("zet mijn afstand op 60").km, 60);
  EXPECT_EQ(parse_reply("Ik wil max 25 km rijden").km, 25);
  EXPECT_EQ(parse_reply("wat is de afstand?").intent, Intent::kUnknown);
}

TEST(ReplyParser, MaarAsAFlemishParticleKeepsTheYes) {
  EXPECT_EQ(parse_reply("Ja! Stuur maar de gegevens").intent, Intent::kYes);
  EXPECT_EQ(parse_reply("ja, stuur maar door").intent, Intent::kYes);
  EXPECT_EQ(parse_reply("ja, maar de kinderen zijn ziek").intent, Intent::kMaybe);
  const ParsedReply r = parse_reply("ja voor K42 maar pas na 17u");
  EXPECT_EQ(r.intent, Intent::kYes);
  ASSERT_EQ(r.conditions.size(), 1u);
  EXPECT_EQ(r.conditions[0].words, "pas na 17u");
}

TEST(ReplyParser, AbilityWordsAreAYesUnlessNegated) {
  EXPECT_EQ(parse_reply("wij kunnen").intent, Intent::kYes);
  EXPECT_EQ(parse_reply("wij kunnen niet").intent, Intent::kNo);
  EXPECT_EQ(parse_reply("je ne peux pas").intent, Intent::kNo);
  EXPECT_EQ(parse_reply("kan pas na het werk").intent, Intent::kYes);  // from, no hour
  EXPECT_EQ(parse_reply("we kunnen geen baby opvangen").intent, Intent::kNo);
  EXPECT_EQ(parse_reply("nee dit weekend lukt het echt niet sorry").intent, Intent::kNo);
}

TEST(ReplyParser, OneArgumentFormIsTheUnknownTodayForm) {
  for (const char* text : {"ja k42", "pauze tot 5/1/2027", "afstand 40", "ja mr pas vanaf 18u"}) {
    const ParsedReply a = parse_reply(text);
    const ParsedReply b = parse_reply(text, ReplyContext{});
    EXPECT_EQ(a.intent, b.intent);
    EXPECT_EQ(a.call_code, b.call_code);
    EXPECT_EQ(a.until, b.until);
    EXPECT_EQ(a.km, b.km);
    EXPECT_EQ(a.note, b.note);
  }
}

TEST(ReplyParser, TodayIsReadOnlyFromARealIsoDate) {
  const std::optional<ReplyContext> today = reply_context_from_iso("2026-11-22");
  ASSERT_TRUE(today.has_value());
  EXPECT_EQ(today->year, 2026);
  EXPECT_EQ(today->month, 11);
  EXPECT_EQ(today->day, 22);
  for (const char* bad : {"", "2026-11-2", "22/11/2026", "2026-13-01", "2026-02-30", "2026-1a-01",
                          "2026-11-22x", "20261122", "2026--1-22", "-026-11-22"}) {
    EXPECT_FALSE(reply_context_from_iso(bad).has_value()) << bad;
  }
}

TEST(ReplyParser, RandomBytesAndCodePointsNeverBreakParsing) {
  std::mt19937 rng(20261122);
  const std::vector<std::string> pieces = {"ja", "nee", " ", "?", ".", "/", "5", "12", "K42",
                                           "\xF0\x9F\x91\x8D", "\xC3\xA9", "\xEF\xBC\xAB",
                                           "pauze", "tot", "afstand", "maar", "\xff", "\n", "ﬁ",
                                           "ǄǄǄ", "\xE0\xA4\xB7\xE0\xA5\x8D"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int parts = static_cast<int>(rng() % 400);
    for (int i = 0; i < parts; ++i) {
      if (rng() % 4 == 0) {
        text.push_back(static_cast<char>(rng() % 256));
      } else {
        text += pieces[rng() % pieces.size()];
      }
    }
    const ParsedReply r = parse_reply(text, kSunday);
    EXPECT_NE(to_string(r.intent), "") << text;
    if (r.call_code) {
      EXPECT_TRUE(is_call_code(*r.call_code)) << text;
    }
    if (r.until) {
      EXPECT_TRUE(reply_context_from_iso(*r.until).has_value()) << text;
    }
    if (r.note) {
      EXPECT_NE(text.find(*r.note), std::string::npos) << text;
    }
    for (const Condition& c : r.conditions) {
      EXPECT_NE(text.find(c.words), std::string::npos) << text;
    }
  }
}

// Monday 7 December 2026 at 01:40, the moment of the user test.
constexpr ReplyContext kMondayNight{2026, 12, 7, 1 * 60 + 40};

Condition only_condition(std::string_view text, const ReplyContext& ctx = kMondayNight) {
  const ParsedReply r = parse_reply(text, ctx);
  EXPECT_EQ(r.conditions.size(), 1u) << "text: " << text;
  return r.conditions.empty() ? Condition{} : r.conditions.front();
}

TEST(ReplyParser, AYesWithAConditionStaysAYesWithThatCondition) {
  for (const char* text :
       {"ja voor 1 nacht", "ja, max 2 nachten", "ja, bel eerst even", "ja over een uurtje",
        "ja maar pas vanaf 18u", "Yes, but only for one night"}) {
    const ParsedReply r = parse_reply(text, kMondayNight);
    EXPECT_EQ(r.intent, Intent::kYes) << text;
    EXPECT_EQ(r.conditions.size(), 1u) << text;
    EXPECT_FALSE(r.note.has_value()) << text << ": " << r.note.value_or("");
  }
  EXPECT_EQ(only_condition("ja voor 1 nacht").nights, 1);
  EXPECT_EQ(only_condition("ja, max 2 nachten").nights, 2);
  EXPECT_EQ(only_condition("ja, een nachtje").nights, 1);
  EXPECT_EQ(only_condition("ja, maar enkel het weekend").nights, 2);
  EXPECT_EQ(only_condition("oui pour une nuit").nights, 1);
  EXPECT_EQ(only_condition("ja, voor een week").nights, 7);
  EXPECT_EQ(only_condition("just for tonight").nights, 1);
  EXPECT_EQ(only_condition("ja, bel eerst even").kind, ConditionKind::kCallFirst);
}

TEST(ReplyParser, ConditionWordsQuoteTheFamilyAsWritten) {
  EXPECT_EQ(only_condition("Ja, maar enkel voor één nacht").words, "enkel voor één nacht");
  EXPECT_EQ(only_condition("JA VANAF 18U").words, "VANAF 18U");
  EXPECT_EQ(only_condition("Oui, à partir de 18h").words, "à partir de 18h");
  EXPECT_EQ(only_condition("ja, bel eerst even").words, "bel eerst even");
}

TEST(ReplyParser, StartTimesResolveAgainstTheMomentOfTheMessage) {
  const Condition c = only_condition("vanaf 18u");
  EXPECT_EQ(c.kind, ConditionKind::kFrom);
  EXPECT_EQ(c.from_day, "2026-12-07");
  EXPECT_EQ(c.from_minute, 18 * 60);
  const Condition soon = only_condition("over een uurtje");
  EXPECT_EQ(soon.in_minutes, 60);
  EXPECT_EQ(soon.from_day, "2026-12-07");
  EXPECT_EQ(soon.from_minute, 2 * 60 + 40);
  // At 23:30 an hour from now is tomorrow; at 23:00 18:00 is tomorrow's; at 18:30 today's.
  const Condition late = only_condition("over een uurtje", ReplyContext{2026, 12, 7, 23 * 60 + 30});
  EXPECT_EQ(late.from_day, "2026-12-08");
  EXPECT_EQ(late.from_minute, 30);
  EXPECT_EQ(only_condition("vanaf 18u", ReplyContext{2026, 12, 7, 23 * 60}).from_day, "2026-12-08");
  EXPECT_EQ(only_condition("vanaf 18u", ReplyContext{2026, 12, 7, 18 * 60 + 30}).from_day,
            "2026-12-07");
  // "morgen" said at night is the day after the night; in the afternoon it is tomorrow.
  const Condition morning = only_condition("morgen vanaf 9u");
  EXPECT_EQ(morning.from_day, "2026-12-07");
  EXPECT_EQ(morning.from_minute, 9 * 60);
  EXPECT_EQ(only_condition("morgen vanaf 9u", ReplyContext{2026, 12, 7, 14 * 60}).from_day,
            "2026-12-08");
  EXPECT_EQ(only_condition("ja vanavond om 8u").from_minute, 20 * 60);
  EXPECT_EQ(only_condition("yes after 6pm").from_minute, 18 * 60);
  // Without the minute the start day is today; without the date only the hour is known.
  EXPECT_EQ(only_condition("vanaf 18u", ReplyContext{2026, 12, 7}).from_day, "2026-12-07");
  const Condition unknown = parse_reply("vanaf 18u").conditions.at(0);
  EXPECT_FALSE(unknown.from_day.has_value());
  EXPECT_EQ(unknown.from_minute, 18 * 60);
  const Condition after_school = only_condition("ja maar pas na school");
  EXPECT_EQ(after_school.kind, ConditionKind::kFrom);
  EXPECT_FALSE(after_school.from_minute.has_value());
  EXPECT_EQ(after_school.words, "pas na school");
}

TEST(ReplyParser, TotZondagIsTheNextSundayOrTodayOnASunday) {
  EXPECT_EQ(only_condition("ja tot zondag").last_day, "2026-12-13");
  EXPECT_EQ(only_condition("ja tot zondag", kSunday).last_day, "2026-11-22");
  EXPECT_EQ(only_condition("ja, tot 3 december", kSunday).last_day, "2026-12-03");
}

TEST(ReplyParser, AgesChildrenAndTransportAreConditionsOfAYes) {
  const Condition ages = only_condition("ja, enkel tot 6 jaar");
  EXPECT_EQ(ages.kind, ConditionKind::kAges);
  EXPECT_FALSE(ages.min_age_months.has_value());
  EXPECT_EQ(ages.max_age_months, 72);
  EXPECT_EQ(only_condition("ja maar geen baby's").min_age_months, 12);
  EXPECT_EQ(only_condition("ja, liefst ouder dan 3").min_age_months, 37);
  EXPECT_EQ(only_condition("ja maar 1 kind").max_children, 1);
  EXPECT_EQ(only_condition("ja, maar geen broers en zussen").max_children, 1);
  EXPECT_EQ(only_condition("ja maar we kunnen niet rijden").kind, ConditionKind::kTransport);
  EXPECT_EQ(only_condition("ja maar we kunnen niet rijden").words, "kunnen niet rijden");
  EXPECT_EQ(parse_reply("ja maar we kunnen niet rijden").intent, Intent::kYes);
}

TEST(ReplyParser, AMaybeKeepsItsConditionAndARealHesitationStaysMaybe) {
  const ParsedReply r = parse_reply("misschien, pas vanaf 18u", kMondayNight);
  EXPECT_EQ(r.intent, Intent::kMaybe);
  ASSERT_EQ(r.conditions.size(), 1u);
  EXPECT_EQ(r.conditions[0].from_minute, 18 * 60);
  EXPECT_EQ(parse_reply("weet het nog niet").intent, Intent::kMaybe);
  const ParsedReply husband = parse_reply("moet overleggen met mijn man");
  EXPECT_EQ(husband.intent, Intent::kMaybe);
  EXPECT_EQ(husband.note, "moet overleggen met mijn man");
  EXPECT_TRUE(husband.conditions.empty());
  // A time in the reason to wait is not a start time.
  EXPECT_TRUE(parse_reply("ik laat het morgen weten", kMondayNight).conditions.empty());
}

TEST(ReplyParser, PlainYesHasNoNoteButUnderstoodLeftoversAreKept) {
  for (const char* text :
       {"ja hoor", "Jaa wij kunnen!! 👍", "Ja hoor, wij vangen hem graag op",
        "oui, on peut l'accueillir ce soir", "Ja graag, dank je", "Ja, bel mij maar"}) {
    const ParsedReply r = parse_reply(text);
    EXPECT_EQ(r.intent, Intent::kYes) << text;
    EXPECT_FALSE(r.note.has_value()) << text << ": " << r.note.value_or("");
  }
  EXPECT_EQ(parse_reply("ja, we hebben wel een hond").note, "we hebben wel een hond");
  EXPECT_EQ(parse_reply("ja voor 1 nacht, we hebben een hond").note, "we hebben een hond");
}

TEST(ReplyParser, AConditionOfANoIsDroppedAndNegatedAbilityIsANo) {
  const ParsedReply r = parse_reply("Nee, we kunnen niet rijden");
  EXPECT_EQ(r.intent, Intent::kNo);
  EXPECT_TRUE(r.conditions.empty());
  EXPECT_FALSE(r.note.has_value());
  EXPECT_EQ(parse_reply("nee, morgen niet").intent, Intent::kNo);
  EXPECT_EQ(parse_reply("gaat nie, sorry").intent, Intent::kNo);
  for (const char* text :
       {"niet vanavond", "sorry, not tonight", "pas ce soir", "non, pas cette nuit"}) {
    EXPECT_EQ(parse_reply(text).intent, Intent::kNo) << text;
  }
  EXPECT_EQ(only_condition("ja, pas vanavond").from_day, "2026-12-07");
}

TEST(ReplyParser, AskingToBeCalledIsCallMeButCallingBackIsAMaybe) {
  for (const char* text : {"ik ben aan het werk, bel later", "bel me terug", "appelez-moi",
                           "call me later", "Kan je me bellen?", "bel me over een uur"}) {
    const ParsedReply r = parse_reply(text, kMondayNight);
    EXPECT_EQ(r.intent, Intent::kCallMe) << text;
    EXPECT_TRUE(r.conditions.empty()) << text;
  }
  EXPECT_EQ(parse_reply("ik bel je straks terug").intent, Intent::kMaybe);
  EXPECT_EQ(parse_reply("Wie mag ik bellen?").intent, Intent::kUnknown);
  const ParsedReply maybe = parse_reply("misschien, bel me even");
  EXPECT_EQ(maybe.intent, Intent::kMaybe);
  ASSERT_EQ(maybe.conditions.size(), 1u);
  EXPECT_EQ(maybe.conditions[0].kind, ConditionKind::kCallFirst);
}

TEST(ReplyParser, OtherWaysToSayYesSignUpAskForHelpOrSetADistance) {
  for (const char* text : {"absoluut", "wij hebben plaats", "komt in orde", "we doen het",
                           "rekenen maar", "avec plaisir", "count us in", "ja 't is goe"}) {
    EXPECT_EQ(parse_reply(text).intent, Intent::kYes) << text;
  }
  for (const char* text : {"weer aanmelden", "ik wil terug meedoen", "je veux me réinscrire"}) {
    EXPECT_EQ(parse_reply(text).intent, Intent::kStart) << text;
  }
  for (const char* text : {"info", "uitleg", "aide"})
    EXPECT_EQ(parse_reply(text).intent, Intent::kHelp) << text;
  EXPECT_EQ(parse_reply("info over het kindje").intent, Intent::kUnknown);
  EXPECT_EQ(parse_reply("we kunnen tot 25 km rijden").km, 25);
  EXPECT_EQ(parse_reply("max 40 km").km, 40);
  EXPECT_EQ(parse_reply("on peut faire 30 km").km, 30);
  EXPECT_EQ(parse_reply("?").intent, Intent::kUnknown);
}

TEST(ReplyParser, WordsForTheCaseworkerAreTheConditionsThenTheNote) {
  EXPECT_EQ(words_for_caseworker(parse_reply("ja maar pas vanaf 18u, bel eerst even")),
            "pas vanaf 18u; bel eerst even");
  EXPECT_EQ(words_for_caseworker(parse_reply("ja voor 1 nacht, we hebben een hond")),
            "voor 1 nacht; we hebben een hond");
  EXPECT_EQ(words_for_caseworker(parse_reply("moet overleggen met mijn man")),
            "moet overleggen met mijn man");
  EXPECT_EQ(words_for_caseworker(parse_reply("ja hoor")), "");
}

TEST(ReplyParser, ContextWithATimeIsReadFromDateAndMinute) {
  const std::optional<ReplyContext> ctx = reply_context_from_text("2026-12-07 01:40");
  ASSERT_TRUE(ctx.has_value());
  EXPECT_EQ(ctx->day, 7);
  EXPECT_EQ(ctx->minute, 100);
  EXPECT_EQ(reply_context_from_text("2026-12-07")->minute, -1);
  for (const char* bad : {"2026-12-07 24:00", "2026-12-07 1:40", "2026-12-07T01:40",
                          "2026-12-07 01:60", "2026-13-07 01:40", "2026-12-07 01:4x", ""}) {
    EXPECT_FALSE(reply_context_from_text(bad).has_value()) << bad;
  }
}

TEST(ReplyParser, IntentNamesAreStable) {
  EXPECT_EQ(to_string(Intent::kYes), "yes");
  EXPECT_EQ(to_string(Intent::kMaybe), "maybe");
  EXPECT_EQ(to_string(Intent::kDistance), "distance");
  EXPECT_EQ(to_string(Intent::kUnknown), "unknown");
}

}  // namespace
}  // namespace noodbel
