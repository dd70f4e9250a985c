#include "bot/zone_rules.h"

#include <gtest/gtest.h>

namespace noodbel {
namespace {

constexpr int kWinter = 3600;
constexpr int kSummer = 7200;
// Europe/Brussels around 2026, checked against Python's zoneinfo (as tests/bot/local_time_test).
constexpr UnixTime kAutumn2025 = 1761440400;      // Sun 2025-10-26 01:00 UTC: 03:00 -> 02:00
constexpr UnixTime kSpringJump = 1774746000;      // Sun 2026-03-29 01:00 UTC: 02:00 -> 03:00
constexpr UnixTime kFallBack = 1792890000;        // Sun 2026-10-25 01:00 UTC: 03:00 -> 02:00
constexpr UnixTime kSpring2027 = 1806195600;      // Sun 2027-03-28 01:00 UTC: 02:00 -> 03:00
constexpr UnixTime kNewYear2027Utc = 1798761600;  // Fri 2027-01-01 00:00 UTC

ZoneRules brussels_2025_2027() {
  return ZoneRules::make("Europe/Brussels", kSummer,
                         {{kAutumn2025, kWinter},
                          {kSpringJump, kSummer},
                          {kFallBack, kWinter},
                          {kSpring2027, kSummer}})
      .value();
}

// A wall-clock time of the table's zone: the UTC instant shifted by `offset`.
LocalSeconds wall(UnixTime utc, int offset) { return utc + offset; }

TEST(ZoneRules, KeepsItsNameAndTransitions) {
  const ZoneRules rules = brussels_2025_2027();
  EXPECT_EQ(rules.name(), "Europe/Brussels");
  ASSERT_EQ(rules.transitions().size(), 4u);
  EXPECT_EQ(rules.transitions()[1], (ZoneTransition{kSpringJump, kSummer}));
}

TEST(ZoneRules, TheOffsetChangesExactlyAtEachTransition) {
  const ZoneRules rules = brussels_2025_2027();
  EXPECT_EQ(rules.offset_at(kSpringJump - 1), kWinter);
  EXPECT_EQ(rules.offset_at(kSpringJump), kSummer);
  EXPECT_EQ(rules.offset_at(kFallBack - 1), kSummer);
  EXPECT_EQ(rules.offset_at(kFallBack), kWinter);
}

TEST(ZoneRules, BeforeTheFirstTransitionTheOffsetBeforeHolds) {
  const ZoneRules rules = brussels_2025_2027();
  EXPECT_EQ(rules.offset_at(kAutumn2025 - 1), kSummer);
  EXPECT_EQ(rules.offset_at(0), kSummer);
}

TEST(ZoneRules, AfterTheLastTransitionTheLastOffsetHolds) {
  const ZoneRules rules = brussels_2025_2027();
  EXPECT_EQ(rules.offset_at(kSpring2027), kSummer);
  EXPECT_EQ(rules.offset_at(kSpring2027 + 100LL * 365 * 86400), kSummer);
}

TEST(ZoneRules, WallClockFollowsTheOffsetAcrossTheYearBoundary) {
  const ZoneRules rules = brussels_2025_2027();
  // 2027-01-01 00:00 UTC is 01:00 on New Year's Day in Brussels; 23:00 UTC the evening before.
  EXPECT_EQ(rules.to_local(kNewYear2027Utc), kNewYear2027Utc + kWinter);
  EXPECT_EQ(rules.to_instant(kNewYear2027Utc), kNewYear2027Utc - kWinter);
  EXPECT_EQ(rules.to_instant(kNewYear2027Utc - 60), kNewYear2027Utc - kWinter - 60);
}

TEST(ZoneRules, ToInstantInvertsToLocalOutsideTheChanges) {
  const ZoneRules rules = brussels_2025_2027();
  for (const UnixTime t : {UnixTime{0}, kSpringJump - 3600, kSpringJump, kFallBack - 7200,
                           kFallBack + 3600, kNewYear2027Utc, kSpring2027 + 86400}) {
    EXPECT_EQ(rules.to_instant(rules.to_local(t)), t) << t;
  }
}

TEST(ZoneRules, SpringForwardSkipsAnHourOfTheWallClock) {
  const ZoneRules rules = brussels_2025_2027();
  EXPECT_EQ(rules.to_local(kSpringJump - 1), wall(kSpringJump, kWinter) - 1);  // 01:59:59
  EXPECT_EQ(rules.to_local(kSpringJump), wall(kSpringJump, kSummer));          // 03:00
}

TEST(ZoneRules, ANonexistentSpringTimeIsTheInstantTheClocksJump) {
  const ZoneRules rules = brussels_2025_2027();
  const LocalSeconds two = wall(kSpringJump, kWinter);  // 02:00, the first skipped second
  EXPECT_EQ(rules.to_instant(two), kSpringJump);
  EXPECT_EQ(rules.to_instant(two + 30 * 60), kSpringJump);   // 02:30
  EXPECT_EQ(rules.to_instant(two + 3600 - 1), kSpringJump);  // 02:59:59
  EXPECT_EQ(rules.to_instant(two - 1), kSpringJump - 1);     // 01:59:59 exists
  EXPECT_EQ(rules.to_instant(two + 3600), kSpringJump);      // 03:00 summer time
}

TEST(ZoneRules, FallBackRepeatsAnHourOfTheWallClock) {
  const ZoneRules rules = brussels_2025_2027();
  EXPECT_EQ(rules.to_local(kFallBack - 1), wall(kFallBack, kSummer) - 1);  // 02:59:59 CEST
  EXPECT_EQ(rules.to_local(kFallBack), wall(kFallBack, kWinter));          // 02:00 CET
}

TEST(ZoneRules, AnAmbiguousAutumnTimeIsItsFirstOccurrence) {
  const ZoneRules rules = brussels_2025_2027();
  const LocalSeconds two = wall(kFallBack, kWinter);  // 02:00, the first repeated second
  EXPECT_EQ(rules.to_instant(two), kFallBack - 3600);
  EXPECT_EQ(rules.to_instant(two + 30 * 60), kFallBack - 30 * 60);  // 02:30 summer time
  EXPECT_EQ(rules.to_instant(two + 3600 - 1), kFallBack - 1);
  EXPECT_EQ(rules.to_instant(two + 3600), kFallBack + 3600);  // 03:00 winter time, once
  EXPECT_EQ(rules.to_instant(two - 1), kFallBack - 3600 - 1);
}

TEST(ZoneRules, WithoutTransitionsTheOffsetIsFixed) {
  const ZoneRules utc = ZoneRules::make("Etc/UTC", 0, {}).value();
  EXPECT_EQ(utc.offset_at(kSpringJump), 0);
  EXPECT_EQ(utc.to_instant(kFallBack), kFallBack);
}

TEST(ZoneRules, RefusesTransitionsOutOfOrder) {
  const Result<ZoneRules> rules =
      ZoneRules::make("Bad/Order", kWinter, {{kFallBack, kWinter}, {kSpringJump, kSummer}});
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(rules.error().message.find("Bad/Order"), std::string::npos);
}

TEST(ZoneRules, RefusesAPeriodShorterThanTheOffsetChangeThatEndsIt) {
  // 30 minutes of summer time, then back: the wall clock of the periods runs backwards.
  const Result<ZoneRules> rules = ZoneRules::make(
      "Bad/Short", kWinter, {{kSpringJump, kSummer}, {kSpringJump + 1800, kWinter}});
  EXPECT_FALSE(rules.ok());
}

}  // namespace
}  // namespace noodbel
