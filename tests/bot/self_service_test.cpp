// The words the family texts teach (help, pause, status, stop and start replies) are one
// word per action and language, used the same way in every text, and the reply parser
// understands each of them. The behaviour of the self-service commands themselves is
// tested through the conversation: tests/bot/conversation_test.cpp.
#include "bot/self_service.h"

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "bot/templates.h"
#include "support/reply_parser.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

using testing::parse_reply;

Templates shipped() {
  return test_data::shipped_templates();
}

std::string render(const Templates& t, Language lang, const std::string& name) {
  const Result<std::string> text = t.render(
      lang, name,
      {{"until", "31/12/2026"}, {"km", "30"}, {"open", "1"}, {"min", "5"}, {"max", "200"},
       {"value", "31/12/2030"}, {"max_days", "366"}});
  if (!text) throw std::runtime_error(text.error().message);
  return *text;
}

struct Keyword {
  std::string word;
  Intent intent;
  std::vector<std::string> also_in;  // the other texts that teach it
};

// One word per action and language: the help text names them all.
const std::map<Language, std::vector<Keyword>>& keywords() {
  static const std::map<Language, std::vector<Keyword>> words{
      {Language::kNl,
       {{"PAUZE", Intent::kPause, {"err_pause_date", "err_pause_too_long"}},
        {"PAUZE TOT 31/12", Intent::kPause, {"err_pause_date", "err_pause_too_long"}},
        {"BESCHIKBAAR", Intent::kResume, {"paused", "status_paused"}},
        {"AFSTAND 30", Intent::kDistance, {}},
        {"STATUS", Intent::kStatus, {}},
        {"STOP", Intent::kStop, {"started", "err_pause_too_long"}},
        {"START", Intent::kStart, {"stopped", "status_stopped"}}}},
      {Language::kFr,
       {{"PAUSE", Intent::kPause, {"err_pause_date"}},
        {"PAUSE JUSQU'AU 31/12", Intent::kPause, {"err_pause_date", "err_pause_too_long"}},
        {"DISPONIBLE", Intent::kResume, {"paused", "status_paused"}},
        {"DISTANCE 30", Intent::kDistance, {}},
        {"STATUT", Intent::kStatus, {}},
        {"STOP", Intent::kStop, {"started", "err_pause_too_long"}},
        {"START", Intent::kStart, {"stopped", "status_stopped"}}}},
      {Language::kEn,
       {{"PAUSE", Intent::kPause, {"err_pause_date"}},
        {"PAUSE UNTIL 31/12", Intent::kPause, {"err_pause_date", "err_pause_too_long"}},
        {"AVAILABLE", Intent::kResume, {"paused", "status_paused"}},
        {"DISTANCE 30", Intent::kDistance, {}},
        {"STATUS", Intent::kStatus, {}},
        {"STOP", Intent::kStop, {"started", "err_pause_too_long"}},
        {"START", Intent::kStart, {"stopped", "status_stopped"}}}},
  };
  return words;
}

TEST(SelfServiceWords, TheHelpTextTeachesOneWordPerActionAndTheParserUnderstandsIt) {
  const Templates t = shipped();
  for (const auto& [lang, words] : keywords()) {
    const std::string help = render(t, lang, "family_help");
    for (const Keyword& k : words) {
      EXPECT_NE(help.find(k.word), std::string::npos)
          << to_string(lang) << ": the help text lacks " << k.word << "\n" << help;
      EXPECT_EQ(parse_reply(k.word).intent, k.intent)
          << to_string(lang) << ": " << k.word << " parses as "
          << to_string(parse_reply(k.word).intent);
    }
  }
}

TEST(SelfServiceWords, TheRepliesTeachTheSameWordsAsTheHelpText) {
  const Templates t = shipped();
  for (const auto& [lang, words] : keywords()) {
    for (const Keyword& k : words) {
      for (const std::string& name : k.also_in) {
        const std::string text = render(t, lang, name);
        EXPECT_NE(text.find(k.word.substr(0, k.word.find(' '))), std::string::npos)
            << to_string(lang) << "/" << name << " does not say " << k.word << ": " << text;
      }
    }
  }
}

// The words of one action never change between texts: the pause replies of a language do
// not teach another language's (or an older) word to end the pause.
TEST(SelfServiceWords, NoTextTeachesASecondWordToEndThePause) {
  const Templates t = shipped();
  const std::map<Language, std::vector<std::string>> others{
      {Language::kNl, {"HERVAT", "HERVATTEN", "AVAILABLE", "DISPONIBLE"}},
      {Language::kFr, {"REPRENDRE", "RESUME", "AVAILABLE", "BESCHIKBAAR"}},
      {Language::kEn, {"RESUME", "DISPONIBLE", "BESCHIKBAAR"}}};
  for (const auto& [lang, words] : others) {
    for (const char* name : {"family_help", "paused", "status_paused", "resumed"}) {
      const std::string text = render(t, lang, name);
      for (const std::string& word : words) {
        EXPECT_EQ(text.find(word), std::string::npos)
            << to_string(lang) << "/" << name << " says " << word << ": " << text;
      }
    }
  }
}

}  // namespace
}  // namespace noodbel
