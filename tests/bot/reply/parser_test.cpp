// Whole messages through the reply parser: a corpus of realistic replies, and what does
// not depend on knowing today.
#include "bot/reply/parser.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "support/reply_moments.h"

namespace noodbel {
namespace {

using namespace testing;

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
      {"pauze tot 2026-12-01", Intent::kPause, std::nullopt, std::nullopt, std::nullopt,
       "2026-12-01"},
      {"Pauze tot 24.12.2026.", Intent::kPause, std::nullopt, std::nullopt, std::nullopt,
       "2026-12-24"},
      {"pause jusqu'au 3/1/2027", Intent::kPause, std::nullopt, std::nullopt, std::nullopt,
       "2027-01-03"},
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

}  // namespace
}  // namespace noodbel
