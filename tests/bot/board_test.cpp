#include "bot/board.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/memory_repository.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels
constexpr UnixTime kSaturday12hBeforeDst = 1774695600;  // 2026-03-28 12:00, clocks go forward on Sunday
constexpr GeoPoint kGent{51.05, 3.71667};

Templates load_templates() {
  return test_data::shipped_templates();
}

Call open_call(UnixTime from = kMonday10h, int hours = 72) {
  Call c;
  c.id = 7;
  c.code = "K42";
  c.ages_months = {48};
  c.place = "Gent";
  c.location = kGent;
  c.languages = {Language::kNl};
  c.duration_hours = hours;
  c.needed_from = from;
  c.created_at = from;
  return c;
}

Family family(const std::string& id, Language lang = Language::kNl) {
  Family f;
  f.id = id;
  f.display_name = "Gezin " + id;
  f.home = kGent;
  f.languages = {lang};
  return f;
}

Recipient sent(const std::string& id, double km, int wave = 1, UnixTime at = kMonday10h) {
  return {7, id, km, wave, at};
}

Response answer(const std::string& id, Answer a, UnixTime at = kMonday10h, std::string note = "") {
  return {7, id, a, std::move(note), at, {}, {}, {}};
}

std::vector<std::string> ids(const Board& b) {
  std::vector<std::string> out;
  for (const BoardEntry& e : b.entries) out.push_back(e.family_id);
  return out;
}

double points(const BoardEntry& e, Factor f) { return e.points[static_cast<std::size_t>(f)]; }

// One yes-answer from F1 at `km`, sent and answered at the call's start.
BoardEntry single(const Family& f, double km = 10, const Call& call = open_call(),
                  const BoardConfig& weights = {}) {
  BoardFacts facts;
  facts.recipients = {sent(f.id, km, 1, call.created_at)};
  facts.responses = {answer(f.id, Answer::kYes, call.created_at)};
  facts.families = {f};
  const Board b = build_board(call, facts, weights);
  if (b.entries.size() != 1) throw std::logic_error("expected one entry");
  return b.entries.front();
}

TEST(Board, ListsOnlyYesAndMaybeAndCountsEveryAnswerDeliveryAndWave) {
  BoardFacts facts;
  facts.recipients = {sent("F1", 3), sent("F2", 5), sent("F3", 8),
                      sent("F4", 9, 2, kMonday10h + 900)};
  facts.responses = {answer("F1", Answer::kNo), answer("F2", Answer::kYes),
                     answer("F3", Answer::kMaybe, kMonday10h, "pas vanaf 18u")};
  facts.families = {family("F1"), family("F2"), family("F3"), family("F4")};
  facts.delivered = {"F2", "F4", "F9"};  // F9 was never sent the call
  const Board b = build_board(open_call(), facts, {});
  EXPECT_EQ(ids(b), (std::vector<std::string>{"F2", "F3"}));
  EXPECT_EQ(b.counts.sent, 4);
  EXPECT_EQ(b.counts.delivered, 2);
  EXPECT_EQ(b.counts.yes, 1);
  EXPECT_EQ(b.counts.maybe, 1);
  EXPECT_EQ(b.counts.no, 1);
  EXPECT_EQ(b.counts.no_answer, 1);
  ASSERT_EQ(b.counts.waves.size(), 2u);
  EXPECT_EQ(b.counts.waves[0].families, 3);
  EXPECT_EQ(b.counts.waves[1].wave, 2);
  EXPECT_EQ(b.counts.waves[1].sent_at, kMonday10h + 900);
  EXPECT_EQ(b.entries[0].display_name, "Gezin F2");
  EXPECT_EQ(b.entries[1].note, "pas vanaf 18u");
}

TEST(Board, APerfectNearbyQuickFamilyScoresEveryWeight) {
  const BoardEntry e = single(family("F1"), 0);
  EXPECT_DOUBLE_EQ(points(e, Factor::kDistance), 35);
  EXPECT_DOUBLE_EQ(points(e, Factor::kLanguage), 15);
  EXPECT_DOUBLE_EQ(points(e, Factor::kFit), 15);
  EXPECT_DOUBLE_EQ(points(e, Factor::kAvailability), 15);
  EXPECT_DOUBLE_EQ(points(e, Factor::kAnswerTime), 10);
  EXPECT_DOUBLE_EQ(points(e, Factor::kRecentPlacements), 10);
  EXPECT_DOUBLE_EQ(e.score, 100);
}

TEST(Board, DistanceScoresLinearlyToZeroAtFiftyKm) {
  EXPECT_DOUBLE_EQ(points(single(family("F1"), 10), Factor::kDistance), 28);
  EXPECT_DOUBLE_EQ(points(single(family("F1"), 25), Factor::kDistance), 17.5);
  EXPECT_DOUBLE_EQ(points(single(family("F1"), 80), Factor::kDistance), 0);
}

TEST(Board, LanguageCountsOnlyWhenTheFamilySpeaksOneOfTheCallsLanguages) {
  const BoardEntry french = single(family("F1", Language::kFr));
  EXPECT_DOUBLE_EQ(points(french, Factor::kLanguage), 0);
  EXPECT_FALSE(french.shared_language.has_value());
  Call any = open_call();
  any.languages.clear();
  EXPECT_DOUBLE_EQ(points(single(family("F1", Language::kFr), 10, any), Factor::kLanguage), 15);
}

TEST(Board, FitPrefersAFamilyWhoseCapacityTheChildrenFill) {
  Family one = family("F1");
  Family three = family("F2");
  three.max_children = 3;
  Family babies = family("F3");
  babies.max_age_months = 24;
  EXPECT_DOUBLE_EQ(points(single(one), Factor::kFit), 15);
  EXPECT_DOUBLE_EQ(points(single(three), Factor::kFit), 10);
  const BoardEntry baby_family = single(babies);
  EXPECT_DOUBLE_EQ(points(baby_family, Factor::kFit), 0);
  EXPECT_FALSE(baby_family.ages_fit);
  Call siblings = open_call();
  siblings.ages_months = {48, 60};
  EXPECT_DOUBLE_EQ(points(single(one, 10, siblings), Factor::kFit), 0);
}

TEST(Board, AvailabilityIsTheShareOfTheExpectedDurationInTheWeeklyWindows) {
  const Call day = open_call(kMonday10h, 24);  // Monday 10:00 to Tuesday 10:00
  Family evening_and_night = family("F1");
  evening_and_night.availability = {{0, 18 * 60, 1440}, {1, 0, 10 * 60}};
  Family daytime = family("F2");
  daytime.availability = {{0, 10 * 60, 22 * 60}, {0, 12 * 60, 14 * 60}};  // overlap once
  Family weekend = family("F3");
  weekend.availability = {{5, 0, 1440}, {6, 0, 1440}};
  EXPECT_EQ(single(evening_and_night, 10, day).available_percent, 67);
  EXPECT_EQ(single(daytime, 10, day).available_percent, 50);
  EXPECT_DOUBLE_EQ(points(single(daytime, 10, day), Factor::kAvailability), 7.5);
  EXPECT_EQ(single(weekend, 10, day).available_percent, 0);
  EXPECT_EQ(single(family("F4"), 10, day).available_percent, 100);  // no windows: always
}

TEST(Board, AvailabilityFollowsTheWallClockAcrossTheSpringDaylightSavingChange) {
  const Call weekend = open_call(kSaturday12hBeforeDst, 48);  // to Monday 13:00 summer time
  Family always_then = family("F1");
  always_then.availability = {{5, 0, 1440}, {6, 0, 1440}, {0, 0, 13 * 60}};
  Family monday_morning = family("F2");
  monday_morning.availability = {{0, 0, 13 * 60}};
  EXPECT_EQ(single(always_then, 10, weekend).available_percent, 100);
  // Saturday 12:00-24:00, Sunday 24 wall-clock hours, Monday 00:00-13:00: 13 of 49.
  EXPECT_EQ(single(monday_morning, 10, weekend).available_percent, 27);
}

TEST(Board, APausedFamilyIsUnavailableUntilItsPauseEndsAndAStoppedOneNever) {
  const Call day = open_call(kMonday10h, 24);
  Family paused = family("F1");
  paused.paused_until = kMonday10h + 12 * 3600;
  EXPECT_EQ(single(paused, 10, day).available_percent, 50);
}

TEST(Board, AFamilyThatSentStopIsNotRankedButListedAsStoppedWithItsEarlierAnswer) {
  BoardFacts facts;
  facts.recipients = {sent("F1", 10), sent("F2", 5)};
  facts.responses = {answer("F1", Answer::kYes), answer("F2", Answer::kYes)};
  Family stopped = family("F2");
  stopped.opted_in = false;
  facts.families = {family("F1"), stopped};
  const Board b = build_board(open_call(), facts, {});
  EXPECT_EQ(ids(b), std::vector<std::string>{"F1"});
  ASSERT_EQ(b.others.size(), 1u);
  EXPECT_EQ(b.others[0].family_id, "F2");
  EXPECT_EQ(b.others[0].state, FamilyState::kStopped);
  EXPECT_EQ(b.others[0].previous, Answer::kYes);
}

TEST(Board, EveryOtherFamilyHasItsOwnStateAndNoneHidesUnderWaiting) {
  BoardFacts facts;
  for (const char* id : {"F1", "F2", "F3", "F4", "F5", "F6"}) {
    facts.recipients.push_back(sent(id, 10));
    facts.families.push_back(family(id));
  }
  Response changed = answer("F1", Answer::kNo, kMonday10h + 60);
  changed.previous = Answer::kYes;
  changed.text = "toch niet, sorry";
  facts.responses = {changed};
  facts.questions = {{7, "F2", QuestionKind::kQuestion, "hoe oud?", kMonday10h + 30},
                     {7, "F3", QuestionKind::kCallMe, "bel me na 8u", kMonday10h + 40}};
  facts.families[3].opted_in = false;  // F4 sent STOP
  DeliveryStatus failed;
  failed.recipient_id = "F5";
  failed.state = OutboxState::kFailed;
  failed.last_error = "21211 invalid number";
  facts.deliveries = {failed};
  const Board b = build_board(open_call(), facts, {});
  EXPECT_TRUE(b.entries.empty());
  std::map<std::string, FamilyState> state;
  for (const OtherFamily& o : b.others) state[o.family_id] = o.state;
  EXPECT_EQ(state.at("F1"), FamilyState::kDeclined);
  EXPECT_EQ(state.at("F2"), FamilyState::kAsked);
  EXPECT_EQ(state.at("F3"), FamilyState::kCallMe);
  EXPECT_EQ(state.at("F4"), FamilyState::kStopped);
  EXPECT_EQ(state.at("F5"), FamilyState::kUnreachable);
  EXPECT_EQ(state.at("F6"), FamilyState::kWaiting);
  EXPECT_EQ(b.others.front().state, FamilyState::kStopped);
  EXPECT_EQ(b.others.back().state, FamilyState::kWaiting);
  const auto f1 = std::find_if(b.others.begin(), b.others.end(),
                               [](const OtherFamily& o) { return o.family_id == "F1"; });
  EXPECT_EQ(f1->previous, Answer::kYes);
  EXPECT_EQ(f1->text, "toch niet, sorry");
}

TEST(Board, AQuestionAnsweredLaterNoLongerCountsAsOpen) {
  BoardFacts facts;
  facts.recipients = {sent("F1", 10)};
  facts.families = {family("F1")};
  facts.questions = {{7, "F1", QuestionKind::kQuestion, "hoe oud?", kMonday10h + 30}};
  facts.responses = {answer("F1", Answer::kYes, kMonday10h + 90)};
  const Board b = build_board(open_call(), facts, {});
  ASSERT_EQ(b.entries.size(), 1u);
  ASSERT_TRUE(b.entries[0].question.has_value());
  EXPECT_EQ(b.entries[0].question->text, "hoe oud?");
  EXPECT_TRUE(b.others.empty());
}

TEST(Board, AConflictingConditionLowersTheRankWithAnExplainedFactor) {
  BoardFacts facts;
  facts.recipients = {sent("F1", 5), sent("F2", 20)};
  Response one_night = answer("F1", Answer::kYes);
  one_night.text = "ja voor 1 nacht";
  Condition night;
  night.kind = ConditionKind::kLimit;
  night.words = "voor 1 nacht";
  night.nights = 1;
  one_night.conditions = {night};
  facts.responses = {one_night, answer("F2", Answer::kYes)};
  facts.families = {family("F1"), family("F2")};
  const Board b = build_board(open_call(), facts, {});  // a 3-day call
  ASSERT_EQ(ids(b), (std::vector<std::string>{"F2", "F1"}));
  EXPECT_NEAR(points(b.entries[1], Factor::kConditions), -30.0 * 2 / 3, 1e-9);
  EXPECT_EQ(b.entries[1].text, "ja voor 1 nacht");
  const Templates templates = load_templates();
  const auto factors = render_factors(b.entries[1], b.call, templates, Language::kNl, kMonday10h);
  ASSERT_TRUE(factors.ok()) << factors.error().message;
  EXPECT_NE(std::find(factors->begin(), factors->end(),
                      "voorwaarde botst: voor max. 1 nacht -20"),
            factors->end())
      << ::testing::PrintToString(*factors);
}

TEST(Board, ChosenAndPassedFamiliesAreMarked) {
  BoardFacts facts;
  facts.recipients = {sent("F1", 5), sent("F2", 6), sent("F3", 7)};
  facts.responses = {answer("F1", Answer::kYes), answer("F2", Answer::kYes),
                     answer("F3", Answer::kYes)};
  facts.families = {family("F1"), family("F2"), family("F3")};
  facts.choices = {{7, "F1", "C1", kMonday10h, ChoiceOutcome::kPassed, kMonday10h + 60},
                   {7, "F2", "C1", kMonday10h + 60, ChoiceOutcome::kChosen, {}}};
  Call call = open_call();
  call.chosen_family = "F2";
  const Board b = build_board(call, facts, {});
  ASSERT_EQ(ids(b), (std::vector<std::string>{"F1", "F2", "F3"}));
  EXPECT_TRUE(b.entries[0].passed);
  EXPECT_FALSE(b.entries[0].chosen);
  EXPECT_TRUE(b.entries[1].chosen);
  EXPECT_FALSE(b.entries[2].chosen || b.entries[2].passed);
  EXPECT_EQ(rank_of(b, "F2"), 2);
  EXPECT_EQ(rank_of(b, "F9"), 0);
}

TEST(Board, AnswerTimeCountsFromWhenTheFamilyWasSentTheCall) {
  BoardFacts facts;
  facts.recipients = {sent("F1", 10, 1, kMonday10h), sent("F2", 10, 2, kMonday10h + 3600)};
  facts.responses = {answer("F1", Answer::kYes, kMonday10h + 30 * 60),
                     answer("F2", Answer::kYes, kMonday10h + 3600 + 6 * 60),
                     answer("F3", Answer::kYes, kMonday10h + 3 * 3600)};  // never sent
  facts.families = {family("F1"), family("F2"), family("F3")};
  facts.families[2].home = {kGent.lat + 0.09, kGent.lon};  // about 10 km, like the others
  const Board b = build_board(open_call(), facts, {});
  ASSERT_EQ(ids(b), (std::vector<std::string>{"F2", "F1", "F3"}));
  EXPECT_DOUBLE_EQ(points(b.entries[0], Factor::kAnswerTime), 9);
  EXPECT_EQ(b.entries[0].answer_minutes, 6);
  EXPECT_DOUBLE_EQ(points(b.entries[1], Factor::kAnswerTime), 5);
  EXPECT_DOUBLE_EQ(points(b.entries[2], Factor::kAnswerTime), 0);  // from the call's opening
  EXPECT_EQ(b.entries[2].answer_minutes, 180);
  EXPECT_EQ(b.entries[2].wave, 0);
}

TEST(Board, RecentPlacementsSpreadTheLoad) {
  BoardFacts facts;
  facts.recipients = {sent("F1", 10), sent("F2", 10), sent("F3", 10)};
  facts.responses = {answer("F1", Answer::kYes), answer("F2", Answer::kYes),
                     answer("F3", Answer::kYes)};
  facts.families = {family("F1"), family("F2"), family("F3")};
  facts.recent_placements = {{"F1", 3}, {"F2", 1}};
  const Board b = build_board(open_call(), facts, {});
  ASSERT_EQ(ids(b), (std::vector<std::string>{"F3", "F2", "F1"}));
  EXPECT_DOUBLE_EQ(points(b.entries[0], Factor::kRecentPlacements), 10);
  EXPECT_DOUBLE_EQ(points(b.entries[1], Factor::kRecentPlacements), 5);
  EXPECT_DOUBLE_EQ(points(b.entries[2], Factor::kRecentPlacements), 2.5);
  EXPECT_EQ(b.entries[2].recent_placements, 3);
}

TEST(Board, AMaybeIsPenalisedByTheConfiguredAmount) {
  BoardFacts facts;
  facts.recipients = {sent("F1", 10), sent("F2", 20)};
  facts.responses = {answer("F1", Answer::kMaybe, kMonday10h, "pas vanaf 18u"),
                     answer("F2", Answer::kYes)};
  facts.families = {family("F1"), family("F2")};
  const Board b = build_board(open_call(), facts, {});
  EXPECT_EQ(ids(b), (std::vector<std::string>{"F2", "F1"}));
  EXPECT_DOUBLE_EQ(b.entries[1].maybe_points, -20);
  BoardConfig lenient;
  lenient.maybe_penalty = 0;
  EXPECT_EQ(ids(build_board(open_call(), facts, lenient)), (std::vector<std::string>{"F1", "F2"}));
}

TEST(Board, WeightsComeFromTheConfiguration) {
  BoardConfig only_language;
  only_language.weight_distance = 0;
  only_language.weight_fit = 0;
  only_language.weight_availability = 0;
  only_language.weight_answer_time = 0;
  only_language.weight_recent_placements = 0;
  BoardFacts facts;
  facts.recipients = {sent("F1", 1), sent("F2", 40)};
  facts.responses = {answer("F1", Answer::kYes), answer("F2", Answer::kYes)};
  facts.families = {family("F1", Language::kFr), family("F2")};
  const Board b = build_board(open_call(), facts, only_language);
  EXPECT_EQ(ids(b), (std::vector<std::string>{"F2", "F1"}));
  EXPECT_DOUBLE_EQ(b.entries[0].score, 15);
  EXPECT_DOUBLE_EQ(b.entries[1].score, 0);
}

TEST(Board, BreaksScoreTiesByAnswerTimeThenDistanceThenFamilyId) {
  BoardConfig distance_blind;
  distance_blind.weight_distance = 0;
  distance_blind.weight_answer_time = 0;
  BoardFacts facts;
  facts.recipients = {sent("F1", 5), sent("F2", 5), sent("F3", 5), sent("F4", 2)};
  facts.responses = {answer("F3", Answer::kYes, kMonday10h + 60),
                     answer("F2", Answer::kYes, kMonday10h + 120),
                     answer("F1", Answer::kYes, kMonday10h + 120),
                     answer("F4", Answer::kYes, kMonday10h + 120)};
  facts.families = {family("F1"), family("F2"), family("F3"), family("F4")};
  EXPECT_EQ(ids(build_board(open_call(), facts, distance_blind)),
            (std::vector<std::string>{"F3", "F4", "F1", "F2"}));
}

TEST(Board, TheRankingDoesNotDependOnTheOrderOfTheInput) {
  BoardFacts facts;
  for (int i = 0; i < 40; ++i) {
    const std::string id = "F" + std::to_string(100 + i);
    facts.recipients.push_back(sent(id, i % 7, 1 + i % 3));
    facts.responses.push_back(answer(id, i % 4 == 0 ? Answer::kMaybe : Answer::kYes,
                                     kMonday10h + (i % 5) * 60));
    facts.families.push_back(family(id, i % 2 ? Language::kFr : Language::kNl));
  }
  const std::vector<std::string> expected = ids(build_board(open_call(), facts, {}));
  std::mt19937 rng(7);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(facts.recipients.begin(), facts.recipients.end(), rng);
    std::shuffle(facts.responses.begin(), facts.responses.end(), rng);
    std::shuffle(facts.families.begin(), facts.families.end(), rng);
    EXPECT_EQ(ids(build_board(open_call(), facts, {})), expected);
  }
}

TEST(Board, AnAnswerFromAFamilyThatWasErasedStillRanksWithoutAName) {
  BoardFacts facts;
  facts.recipients = {sent("F1", 4)};
  facts.responses = {answer("F1", Answer::kYes)};
  const Board b = build_board(open_call(), facts, {});
  ASSERT_EQ(b.entries.size(), 1u);
  EXPECT_EQ(b.entries[0].display_name, "");
  EXPECT_DOUBLE_EQ(points(b.entries[0], Factor::kAvailability), 0);
}

// ---- rendering ----

Board sample_board() {
  BoardFacts facts;
  facts.recipients = {sent("F1", 12.4), sent("F2", 3), sent("F3", 30, 2, kMonday10h + 900)};
  facts.responses = {answer("F1", Answer::kMaybe, kMonday10h + 300, "pas vanaf 18u"),
                     answer("F2", Answer::kYes, kMonday10h + 600)};
  facts.responses[0].text = "misschien, pas vanaf 18u";
  facts.responses[1].text = "ja hoor";
  Family f2 = family("F2");
  f2.max_children = 2;
  facts.families = {family("F1", Language::kFr), f2, family("F3")};
  facts.recent_placements = {{"F2", 1}};
  facts.delivered = {"F1"};
  return build_board(open_call(), facts, {});
}

TEST(BoardText, ShowsRankNameAnswerKmAndCountsInPlainWords) {
  const Templates templates = load_templates();
  const Result<std::string> text = render_board(sample_board(), templates, Language::kNl, kMonday10h);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text,
            "K42 (open): 4 jaar, Gent, vanaf nu, 3 dagen\n"
            "Ja 1, misschien 1, nee 0, nog geen antwoord 1 (gevraagd: 3, afgeleverd: 1).\n"
            "1. Gezin F2 (F2): JA, 3 km\n"
            "   \"ja hoor\"\n"
            "2. Gezin F1 (F1): MISSCHIEN, 12 km, (zie bericht)\n"
            "   \"misschien, pas vanaf 18u\"\n"
            "Nog geen antwoord (1): Gezin F3\n"
            "Kiezen: /kies K42 1 (nummer, naam of gezinsnummer).");
}

TEST(BoardText, RendersEveryLanguageWithoutPlaceholdersLeft) {
  const Templates templates = load_templates();
  for (Language lang : {Language::kNl, Language::kFr, Language::kEn}) {
    const Result<std::string> text = render_board(sample_board(), templates, lang, kMonday10h);
    ASSERT_TRUE(text.ok()) << text.error().message;
    EXPECT_EQ(text->find('{'), std::string::npos) << *text;
  }
}

TEST(BoardText, ConditionsAreSaidWithTheirDayAsSeenWhenTheBoardIsRead) {
  const Templates templates = load_templates();
  BoardFacts facts;
  facts.recipients = {sent("F1", 3)};
  Response r = answer("F1", Answer::kYes);
  Condition from_six;
  from_six.kind = ConditionKind::kFrom;
  from_six.from_day = "2025-11-24";
  from_six.from_minute = 18 * 60;
  r.conditions = {from_six};
  facts.responses = {r};
  facts.families = {family("F1")};
  const Board b = build_board(open_call(), facts, {});
  const Result<std::string> today = render_board(b, templates, Language::kEn, kMonday10h);
  EXPECT_NE(today->find("YES, 3 km, from 18:00 today (Monday) (conflicts with the call)"),
            std::string::npos)
      << *today;
  const Result<std::string> next_day = render_board(b, templates, Language::kEn, kMonday10h + 86400);
  EXPECT_NE(next_day->find("from 18:00 Monday 24/11"), std::string::npos) << *next_day;
}

TEST(BoardText, RendersAnEmptyBoardInEveryLanguage) {
  const Templates templates = load_templates();
  BoardFacts facts;
  facts.recipients = {sent("F1", 3)};
  const Board b = build_board(open_call(), facts, {});
  for (Language lang : {Language::kNl, Language::kFr, Language::kEn}) {
    const Result<std::string> text = render_board(b, templates, lang, kMonday10h);
    ASSERT_TRUE(text.ok()) << text.error().message;
    EXPECT_EQ(text->find('{'), std::string::npos) << *text;
    const std::string empty = *templates.render(lang, "board_empty", {});
    EXPECT_NE(text->find(empty), std::string::npos) << *text;
  }
}

TEST(BoardText, ShowsFiveRowsAPageAndSaysHowToSeeMore) {
  const Templates templates = load_templates();
  BoardFacts facts;
  for (int i = 0; i < 12; ++i) {
    const std::string id = "F" + std::to_string(100 + i);
    facts.recipients.push_back(sent(id, i));
    facts.responses.push_back(answer(id, Answer::kYes));
    facts.families.push_back(family(id));
  }
  const Board b = build_board(open_call(), facts, {});
  const Result<std::string> first = render_board(b, templates, Language::kEn, kMonday10h);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_NE(first->find("5. Gezin F104 (F104)"), std::string::npos) << *first;
  EXPECT_EQ(first->find("F105"), std::string::npos) << *first;
  EXPECT_NE(first->find("7 more with yes or maybe: /board K42 2"), std::string::npos) << *first;
  const Result<std::string> third = render_board(b, templates, Language::kEn, kMonday10h, 3);
  EXPECT_NE(third->find("11. Gezin F110"), std::string::npos) << *third;
  EXPECT_NE(third->find("12. Gezin F111"), std::string::npos) << *third;
  EXPECT_EQ(third->find("more with yes"), std::string::npos) << *third;
  EXPECT_EQ(*render_board(b, templates, Language::kEn, kMonday10h, 99), *third);
}

TEST(BoardText, AMissingTemplateIsAnErrorNotAHalfBoard) {
  const Templates partial = Templates::from_map({{{Language::kNl, "board_header"}, "Bord"}});
  EXPECT_FALSE(render_board(sample_board(), partial, Language::kNl, kMonday10h).ok());
}

// ---- facts from the repository ----

TEST(BoardFacts, LoadsTheAnsweringFamiliesPlacementsExceptThisCallAndDelivery) {
  MemoryRepository repo;
  for (const char* id : {"F1", "F2", "F3"}) repo.upsert_family(family(id));
  Call earlier = open_call(kMonday10h - 20 * 86400);
  earlier.state = CallState::kMatched;
  earlier.matched_family = "F1";
  earlier.closed_at = kMonday10h - 19 * 86400;
  repo.insert_call(earlier);
  Call ancient = earlier;
  ancient.closed_at = kMonday10h - 100 * 86400;  // outside the 90 days
  repo.insert_call(ancient);
  Call call = open_call();
  call.id = repo.insert_call(call);
  call.state = CallState::kMatched;
  call.matched_family = "F1";
  call.closed_at = kMonday10h + 3600;
  repo.update_call(call);
  for (const char* id : {"F1", "F2", "F3"}) repo.add_recipient({call.id, id, 5, 1, kMonday10h});
  repo.upsert_response({call.id, "F1", Answer::kYes, "", kMonday10h, {}, {}, {}});
  repo.upsert_response({call.id, "F2", Answer::kNo, "", kMonday10h, {}, {}, {}});
  const std::int64_t row =
      repo.enqueue({"F3", Channel::kSms, "+32470000003", "x", 0, call.id}, kMonday10h);
  repo.outbox[static_cast<std::size_t>(row - 1)].state = OutboxState::kDelivered;

  const BoardFacts facts = load_board_facts(repo, call, kMonday10h + 7200);
  EXPECT_EQ(facts.recipients.size(), 3u);
  EXPECT_EQ(facts.responses.size(), 2u);
  EXPECT_EQ(facts.families.size(), 3u);  // every family the call was sent to
  EXPECT_EQ(facts.recent_placements.at("F1"), 1);  // the earlier call, not this one
  EXPECT_EQ(facts.delivered, std::vector<std::string>{"F3"});
}

TEST(BoardFacts, ManyRecipientsAreReadInBulk) {
  MemoryRepository repo;
  Call call = open_call();
  call.id = repo.insert_call(call);
  for (int i = 0; i < 160; ++i) {
    const std::string id = "F" + std::to_string(1000 + i);
    repo.upsert_family(family(id));
    repo.add_recipient({call.id, id, 5, 1, kMonday10h});
    repo.upsert_response({call.id, id, i < 150 ? Answer::kYes : Answer::kNo, "", kMonday10h, {}, {}, {}});
  }
  const BoardFacts facts = load_board_facts(repo, call, kMonday10h);
  EXPECT_EQ(facts.families.size(), 160u);
  EXPECT_EQ(facts.recent_placements.size(), 150u);
  EXPECT_EQ(build_board(call, facts, {}).entries.size(), 150u);
}

}  // namespace
}  // namespace noodbel
