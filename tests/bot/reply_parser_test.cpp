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
      {"ja maar pas vanaf 18u", Intent::kMaybe, std::nullopt, "pas vanaf 18u"},
      {"ja mr pas vanaf 18u", Intent::kMaybe, std::nullopt, "pas vanaf 18u"},
      {"ik laat het straks weten", Intent::kMaybe, std::nullopt, "ik laat het straks weten"},
      {"K42 ik moet het eerst vragen", Intent::kMaybe, "K42", "ik moet het eerst vragen"},
      {"ja, pas vanaf 18u", Intent::kMaybe, std::nullopt, "pas vanaf 18u"},
      {"pas vanaf 18u", Intent::kMaybe, std::nullopt, "pas vanaf 18u"},
      {"Ja maar enkel tot zondag K42", Intent::kMaybe, "K42", "enkel tot zondag"},
      {"ja, niet voor 20u", Intent::kMaybe, std::nullopt, "niet voor 20u"},
      {"ja morgen wel", Intent::kMaybe, std::nullopt, "morgen wel"},
      {"Vanaf 17u30 👍", Intent::kMaybe, std::nullopt, "Vanaf 17u30"},
      {"weet het nog niet", Intent::kMaybe},
      {"peut-être", Intent::kMaybe},
      {"oui mais seulement le week-end", Intent::kMaybe, std::nullopt, "seulement le week-end"},
      {"oui à partir de 18h", Intent::kMaybe, std::nullopt, "à partir de 18h"},
      {"maybe", Intent::kMaybe},
      {"yes but only after 6pm", Intent::kMaybe, std::nullopt, "only after 6pm"},
      {"ja maar", Intent::kMaybe},
      {"Ja, ik kan maar pas vanaf 18u", Intent::kMaybe, std::nullopt, "pas vanaf 18u"},
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
      {"?", Intent::kHelp},
      {"??", Intent::kHelp},
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
  EXPECT_EQ(parse_reply("Kan je me bellen?").intent, Intent::kUnknown);
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
  EXPECT_EQ(parse_reply("ja, tot het einde van de week").intent, Intent::kMaybe);
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
  EXPECT_EQ(parse_reply("ja voor K42 maar pas na 17u").note, "pas na 17u");
}

TEST(ReplyParser, AbilityWordsAreAYesUnlessNegated) {
  EXPECT_EQ(parse_reply("wij kunnen").intent, Intent::kYes);
  EXPECT_EQ(parse_reply("wij kunnen niet").intent, Intent::kNo);
  EXPECT_EQ(parse_reply("je ne peux pas").intent, Intent::kNo);
  EXPECT_EQ(parse_reply("kan pas na het werk").intent, Intent::kMaybe);
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
      EXPECT_LE(r.note->size(), text.size()) << text;
    }
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
