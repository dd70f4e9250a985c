#include "bot/answer_conditions.h"

#include <gtest/gtest.h>

#include "bot/local_time.h"

namespace noodbel {
namespace {

constexpr UnixTime kMonday0140 = 1'796'604'000;  // 2026-12-07 01:40 Europe/Brussels

Call call_needed_now(int duration_hours, bool urgent = false) {
  Call c;
  c.code = "H94";
  c.ages_months = {48};
  c.duration_hours = duration_hours;
  c.needed_from = kMonday0140;
  c.created_at = kMonday0140;
  c.urgent = urgent;
  return c;
}

Condition from(const char* day, int minute) {
  Condition c;
  c.kind = ConditionKind::kFrom;
  c.words = "vanaf";
  c.from_day = day;
  c.from_minute = minute;
  return c;
}

Condition nights(int n) {
  Condition c;
  c.kind = ConditionKind::kLimit;
  c.words = "voor nachten";
  c.nights = n;
  return c;
}

double conflict_of(const Call& call, const Condition& c) {
  return check_conditions(call, {c}).front().conflict;
}

TEST(AnswerConditions, AStartTimeResolvesToBrusselsLocalTime) {
  const std::optional<UnixTime> start = condition_start(from("2026-12-07", 18 * 60));
  ASSERT_TRUE(start.has_value());
  EXPECT_EQ(to_local(*start).minute_of_day, 18 * 60);
  EXPECT_EQ(*start - kMonday0140, (18 * 60 - (60 + 40)) * 60);
}

TEST(AnswerConditions, AStartWithoutAResolvedDayOrTimeHasNoInstant) {
  Condition c = from("2026-12-07", 18 * 60);
  c.from_minute.reset();
  EXPECT_FALSE(condition_start(c).has_value());
  EXPECT_FALSE(condition_start(from("2026-02-30", 600)).has_value());
  EXPECT_FALSE(condition_start(from("morgen", 600)).has_value());
  EXPECT_FALSE(condition_start(nights(1)).has_value());
}

TEST(AnswerConditions, FromSixPmOnAnUrgentCallNeededNowConflictsFully) {
  EXPECT_DOUBLE_EQ(conflict_of(call_needed_now(72, true), from("2026-12-07", 18 * 60)), 1.0);
}

TEST(AnswerConditions, FromSixPmOnANormalCallConflictsInProportionToTheWait) {
  const double c = conflict_of(call_needed_now(72), from("2026-12-07", 18 * 60));
  EXPECT_NEAR(c, (16.0 + 20.0 / 60) / 24.0, 1e-9);
}

TEST(AnswerConditions, AStartWithinTheGraceDoesNotConflict) {
  EXPECT_DOUBLE_EQ(conflict_of(call_needed_now(72), from("2026-12-07", 2 * 60 + 30)), 0.0);
  EXPECT_GT(conflict_of(call_needed_now(72, true), from("2026-12-07", 2 * 60 + 30)), 0.0);
  EXPECT_DOUBLE_EQ(conflict_of(call_needed_now(72, true), from("2026-12-07", 60 + 50)), 0.0);
}

TEST(AnswerConditions, OneNightOnAThreeDayCallConflictsByTheShareNotCovered) {
  EXPECT_NEAR(conflict_of(call_needed_now(72), nights(1)), 2.0 / 3.0, 1e-9);
  EXPECT_DOUBLE_EQ(conflict_of(call_needed_now(72), nights(3)), 0.0);
  EXPECT_DOUBLE_EQ(conflict_of(call_needed_now(24), nights(1)), 0.0);
}

TEST(AnswerConditions, ALastDayEndsAtMidnightAfterIt) {
  Condition until_tuesday;
  until_tuesday.kind = ConditionKind::kLimit;
  until_tuesday.last_day = "2026-12-08";
  const std::optional<UnixTime> end = condition_end(until_tuesday, kMonday0140);
  ASSERT_TRUE(end.has_value());
  EXPECT_EQ(*end, from_local(2026, 12, 9, 0));
  // Monday 01:40 to Wednesday 00:00 covers 46h20 of a 72-hour call.
  EXPECT_NEAR(conflict_of(call_needed_now(72), until_tuesday), 1.0 - (46.0 + 20.0 / 60) / 72.0,
              1e-9);
}

TEST(AnswerConditions, NightsAndALastDayTogetherEndAtTheEarlier) {
  Condition c = nights(5);
  c.last_day = "2026-12-08";
  EXPECT_EQ(condition_end(c, kMonday0140), from_local(2026, 12, 9, 0));
  c.nights = 1;
  EXPECT_EQ(condition_end(c, kMonday0140), kMonday0140 + 24 * 3600);
}

TEST(AnswerConditions, AnAgeOutsideTheFamilysRangeConflictsFully) {
  Condition ages;
  ages.kind = ConditionKind::kAges;
  ages.max_age_months = 36;
  EXPECT_DOUBLE_EQ(conflict_of(call_needed_now(72), ages), 1.0);
  ages.max_age_months = 72;
  EXPECT_DOUBLE_EQ(conflict_of(call_needed_now(72), ages), 0.0);
  ages.min_age_months = 60;
  EXPECT_DOUBLE_EQ(conflict_of(call_needed_now(72), ages), 1.0);
}

TEST(AnswerConditions, SiblingsBeyondTheFamilysLimitConflictFully) {
  Call siblings = call_needed_now(72);
  siblings.ages_months = {48, 84};
  Condition one_child;
  one_child.kind = ConditionKind::kChildren;
  one_child.max_children = 1;
  EXPECT_DOUBLE_EQ(conflict_of(siblings, one_child), 1.0);
  EXPECT_DOUBLE_EQ(conflict_of(call_needed_now(72), one_child), 0.0);
}

TEST(AnswerConditions, CallFirstTransportAndUnresolvedWordsNeverConflict) {
  Condition call_first;
  call_first.kind = ConditionKind::kCallFirst;
  Condition transport;
  transport.kind = ConditionKind::kTransport;
  Condition vague;
  vague.kind = ConditionKind::kLimit;
  vague.words = "niet te lang";
  const std::vector<ConditionCheck> checks =
      check_conditions(call_needed_now(72, true), {call_first, transport, vague});
  ASSERT_EQ(checks.size(), 3u);
  EXPECT_DOUBLE_EQ(worst_conflict(checks), 0.0);
  EXPECT_EQ(checks[2].condition.words, "niet te lang");
}

TEST(AnswerConditions, WorstConflictIsTheLargest) {
  const std::vector<ConditionCheck> checks =
      check_conditions(call_needed_now(72), {nights(2), nights(1), from("2026-12-07", 120)});
  EXPECT_NEAR(worst_conflict(checks), 2.0 / 3.0, 1e-9);
  EXPECT_DOUBLE_EQ(worst_conflict({}), 0.0);
}

TEST(Condition, EncodesAndDecodesEveryField) {
  Condition a = from("2026-12-07", 1080);
  a.in_minutes = 60;
  a.words = "pas \"vanaf\" 18u 🙂";
  Condition b = nights(2);
  b.last_day = "2026-12-13";
  Condition c;
  c.kind = ConditionKind::kAges;
  c.min_age_months = 12;
  c.max_age_months = 72;
  Condition d;
  d.kind = ConditionKind::kChildren;
  d.max_children = 1;
  const std::vector<Condition> all{a, b, c, d};
  EXPECT_EQ(decode_conditions(encode_conditions(all)), all);
  EXPECT_EQ(encode_conditions({}), "[]");
}

TEST(Condition, StoredTextThatCannotBeReadIsSkippedNotAFailure) {
  EXPECT_TRUE(decode_conditions("").empty());
  EXPECT_TRUE(decode_conditions("not json").empty());
  EXPECT_TRUE(decode_conditions("{\"kind\":\"from\"}").empty());
  const std::vector<Condition> kept = decode_conditions(
      R"([{"kind":"teleport"},{"kind":"call_first","words":"bel eerst"},{"kind":"limit","nights":"two"}])");
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].kind, ConditionKind::kCallFirst);
  EXPECT_EQ(kept[0].words, "bel eerst");
  EXPECT_FALSE(kept[1].nights.has_value());
}

}  // namespace
}  // namespace noodbel
