#include "bot/board.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace noodbel {
namespace {

constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels

Templates load_templates() {
  Result<Templates> t = Templates::load(NOODBEL_SOURCE_DIR "/templates");
  if (!t) throw std::runtime_error(t.error().message);
  return std::move(t).value();
}

Call open_call() {
  Call c;
  c.id = 7;
  c.code = "K42";
  c.ages_months = {48};
  c.place = "Gent";
  c.location = {51.05, 3.71667};
  c.languages = {Language::kNl};
  c.duration_hours = 72;
  c.needed_from = kMonday10h;
  c.created_at = kMonday10h;
  return c;
}

Family family(const std::string& id, Language lang = Language::kNl) {
  Family f;
  f.id = id;
  f.display_name = "Gezin " + id;
  f.languages = {lang};
  return f;
}

Recipient sent(const std::string& id, double km, int wave = 1) {
  return {7, id, km, wave, kMonday10h};
}

Response answer(const std::string& id, Answer a, UnixTime at, std::string note = "") {
  return {7, id, a, std::move(note), at};
}

std::vector<std::string> ids(const Board& b) {
  std::vector<std::string> out;
  for (const BoardEntry& e : b.entries) out.push_back(e.family_id);
  return out;
}

TEST(Board, ListsOnlyYesAndMaybeAndCountsEveryAnswer) {
  const Board b = build_board(
      open_call(), {sent("F1", 3), sent("F2", 5), sent("F3", 8), sent("F4", 9)},
      {answer("F1", Answer::kNo, kMonday10h), answer("F2", Answer::kYes, kMonday10h),
       answer("F3", Answer::kMaybe, kMonday10h, "pas vanaf 18u")},
      {family("F1"), family("F2"), family("F3"), family("F4")});
  EXPECT_EQ(ids(b), (std::vector<std::string>{"F2", "F3"}));
  EXPECT_EQ(b.sent, 4);
  EXPECT_EQ(b.answered_yes, 1);
  EXPECT_EQ(b.maybe, 1);
  EXPECT_EQ(b.no, 1);
  EXPECT_EQ(b.no_answer, 1);
  EXPECT_EQ(b.entries[0].display_name, "Gezin F2");
  EXPECT_EQ(b.entries[1].note, "pas vanaf 18u");
}

TEST(Board, ScoresDistancePlusMaybePenaltyMinusLanguageBonus) {
  const Board b = build_board(
      open_call(), {sent("F1", 10), sent("F2", 7), sent("F3", 4, 2)},
      {answer("F1", Answer::kYes, kMonday10h), answer("F2", Answer::kYes, kMonday10h),
       answer("F3", Answer::kMaybe, kMonday10h)},
      {family("F1"), family("F2", Language::kFr), family("F3")});
  // F1: 10 - 2 = 8; F2: 7 (no shared language); F3: 4 + 5 - 2 = 7.
  ASSERT_EQ(b.entries.size(), 3u);
  EXPECT_DOUBLE_EQ(b.entries[0].score, 7);
  EXPECT_DOUBLE_EQ(b.entries[1].score, 7);
  EXPECT_DOUBLE_EQ(b.entries[2].score, 8);
  EXPECT_EQ(b.entries[2].family_id, "F1");
  EXPECT_EQ(b.entries[0].wave + b.entries[1].wave, 3);
  EXPECT_EQ(b.entries[2].factors, (std::vector<std::string>{"distance:10", "language:nl"}));
}

TEST(Board, BreaksScoreTiesByAnswerTimeThenFamilyId) {
  const Board b = build_board(
      open_call(), {sent("F1", 5), sent("F2", 5), sent("F3", 5)},
      {answer("F3", Answer::kYes, kMonday10h + 60), answer("F2", Answer::kYes, kMonday10h + 120),
       answer("F1", Answer::kYes, kMonday10h + 120)},
      {family("F1"), family("F2"), family("F3")});
  EXPECT_EQ(ids(b), (std::vector<std::string>{"F3", "F1", "F2"}));
}

TEST(Board, ExplainsAMaybeWithItsCondition) {
  const Board b =
      build_board(open_call(), {sent("F1", 12.4)},
                  {answer("F1", Answer::kMaybe, kMonday10h, "pas vanaf 18u")}, {family("F1")});
  ASSERT_EQ(b.entries.size(), 1u);
  EXPECT_EQ(b.entries[0].factors,
            (std::vector<std::string>{"distance:12", "language:nl", "maybe:pas vanaf 18u"}));
}

TEST(Board, RendersRowsBestFirstWithFactorsAndCounts) {
  const Templates templates = load_templates();
  const Board b = build_board(
      open_call(), {sent("F1", 12.4), sent("F2", 3)},
      {answer("F1", Answer::kMaybe, kMonday10h + 300, "pas vanaf 18u"),
       answer("F2", Answer::kYes, kMonday10h + 600)},
      {family("F1"), family("F2")});
  const Result<std::string> text = render_board(b, templates, Language::kNl, kMonday10h);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_NE(text->find("Bord K42 (open): 4 jaar, Gent"), std::string::npos) << *text;
  EXPECT_NE(text->find("1. F2 Gezin F2 - JA om 10:10 - 3 km, spreekt Nederlands"),
            std::string::npos)
      << *text;
  EXPECT_NE(text->find("2. F1 Gezin F1 - MISSCHIEN om 10:05 - 12 km, spreekt Nederlands, "
                       "misschien: pas vanaf 18u"),
            std::string::npos)
      << *text;
  EXPECT_NE(text->find("Verstuurd: 2, ja: 1, misschien: 1, nee: 0, nog geen antwoord: 0."),
            std::string::npos)
      << *text;
  EXPECT_EQ(text->find('{'), std::string::npos);
}

TEST(Board, RendersAnEmptyBoardInEveryLanguage) {
  const Templates templates = load_templates();
  const Board b = build_board(open_call(), {sent("F1", 3)}, {}, {family("F1")});
  for (Language lang : {Language::kNl, Language::kFr, Language::kEn}) {
    const Result<std::string> text = render_board(b, templates, lang, kMonday10h);
    ASSERT_TRUE(text.ok()) << text.error().message;
    EXPECT_EQ(text->find('{'), std::string::npos) << *text;
    const std::string empty = *templates.render(lang, "board_empty", {});
    EXPECT_NE(text->find(empty), std::string::npos) << *text;
  }
}

TEST(Board, ShowsAtMostMaxRowsAndSaysHowManyMore) {
  const Templates templates = load_templates();
  std::vector<Recipient> recipients;
  std::vector<Response> responses;
  for (int i = 0; i < 25; ++i) {
    const std::string id = "F" + std::to_string(100 + i);
    recipients.push_back(sent(id, i));
    responses.push_back(answer(id, Answer::kYes, kMonday10h));
  }
  const Board b = build_board(open_call(), recipients, responses, {});
  const Result<std::string> text = render_board(b, templates, Language::kEn, kMonday10h, 20);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_NE(text->find("20. F119"), std::string::npos) << *text;
  EXPECT_EQ(text->find("F120"), std::string::npos) << *text;
  EXPECT_NE(text->find("... and 5 more."), std::string::npos) << *text;
}

}  // namespace
}  // namespace noodbel
