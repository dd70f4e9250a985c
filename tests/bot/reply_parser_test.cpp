#include "bot/reply_parser.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
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

TEST(ReplyParser, IntentNamesAreStable) {
  EXPECT_EQ(to_string(Intent::kYes), "yes");
  EXPECT_EQ(to_string(Intent::kMaybe), "maybe");
  EXPECT_EQ(to_string(Intent::kDistance), "distance");
  EXPECT_EQ(to_string(Intent::kUnknown), "unknown");
}

}  // namespace
}  // namespace noodbel
