#include "bot/targeting.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace noodbel {
namespace {

constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels
constexpr GeoPoint kGent{51.05, 3.71667};
constexpr GeoPoint kMerelbeke{50.99, 3.75};
constexpr GeoPoint kAalst{50.94, 4.04};
constexpr GeoPoint kAntwerpen{51.218, 4.4136};

Call call_in_gent(std::vector<int> ages_months = {48}) {
  Call c;
  c.code = "K42";
  c.ages_months = std::move(ages_months);
  c.location = kGent;
  c.languages = {Language::kNl};
  c.needed_from = kMonday10h;
  c.created_at = kMonday10h;
  return c;
}

Family family(std::string id, GeoPoint home, int max_km = 30) {
  Family f;
  f.id = std::move(id);
  f.home = home;
  f.max_distance_km = max_km;
  f.languages = {Language::kNl};
  return f;
}

std::vector<std::string> ids(const std::vector<Candidate>& candidates) {
  std::vector<std::string> out;
  for (const Candidate& c : candidates) out.push_back(c.family_id);
  return out;
}

TEST(Targeting, SortsEligibleFamiliesNearestFirstWithTiesById) {
  const std::vector<Family> families = {family("F3", kAalst), family("F2", kGent),
                                        family("F1", kGent), family("F4", kMerelbeke)};
  const auto out = eligible_families(call_in_gent(), families, kMonday10h);
  EXPECT_EQ(ids(out), (std::vector<std::string>{"F1", "F2", "F4", "F3"}));
  EXPECT_NEAR(out[2].distance_km, 7.3, 1.0);
  EXPECT_NEAR(out[3].distance_km, 25.5, 2.0);
}

TEST(Targeting, LeavesOutFamiliesWhoseMaxDistanceDoesNotCoverThePlace) {
  const std::vector<Family> families = {family("F1", kAntwerpen, 30), family("F2", kAalst, 20),
                                        family("F3", kAntwerpen, 60)};
  EXPECT_EQ(ids(eligible_families(call_in_gent(), families, kMonday10h)),
            std::vector<std::string>{"F3"});
  EXPECT_EQ(ineligibility(call_in_gent(), families[0], kMonday10h), Ineligible::kTooFar);
}

TEST(Targeting, LeavesOutOptedOutFamilies) {
  Family f = family("F1", kGent);
  f.opted_in = false;
  EXPECT_TRUE(eligible_families(call_in_gent(), {f}, kMonday10h).empty());
  EXPECT_EQ(ineligibility(call_in_gent(), f, kMonday10h), Ineligible::kOptedOut);
}

TEST(Targeting, LeavesOutFamiliesPausedAtTheNeededTimeButNotAfterTheirPause) {
  Family paused = family("F1", kGent);
  paused.paused_until = kMonday10h + 3600;
  Family pause_over = family("F2", kGent);
  pause_over.paused_until = kMonday10h;
  EXPECT_EQ(ids(eligible_families(call_in_gent(), {paused, pause_over}, kMonday10h)),
            std::vector<std::string>{"F2"});
  EXPECT_EQ(ineligibility(call_in_gent(), paused, kMonday10h), Ineligible::kPaused);

  Call later = call_in_gent();
  later.needed_from = kMonday10h + 2 * 3600;  // needed after the pause ends
  EXPECT_EQ(eligible_families(later, {paused}, kMonday10h).size(), 1u);
}

TEST(Targeting, LeavesOutFamiliesWhoseAgeRangeMissesAnyChild) {
  Family babies = family("F1", kGent);
  babies.max_age_months = 24;
  Family teens = family("F2", kGent);
  teens.min_age_months = 12 * 12;
  teens.max_children = 2;
  Family all = family("F3", kGent);
  all.max_children = 2;
  EXPECT_EQ(ids(eligible_families(call_in_gent({6, 48}), {babies, teens, all}, kMonday10h)),
            std::vector<std::string>{"F3"});
  EXPECT_EQ(ineligibility(call_in_gent({48}), babies, kMonday10h), Ineligible::kAge);
}

TEST(Targeting, LeavesOutFamiliesThatTakeFewerChildrenThanTheCallHas) {
  Family one = family("F1", kGent);
  Family two = family("F2", kGent);
  two.max_children = 2;
  EXPECT_EQ(ids(eligible_families(call_in_gent({48, 84}), {one, two}, kMonday10h)),
            std::vector<std::string>{"F2"});
  EXPECT_EQ(ineligibility(call_in_gent({48, 84}), one, kMonday10h),
            Ineligible::kTooManyChildren);
}

TEST(Targeting, ChecksAvailabilityWindowsInBrusselsTimeAtTheNeededMoment) {
  Family monday_day = family("F1", kGent);
  monday_day.availability = {{0, 9 * 60, 17 * 60}};  // Monday 09:00-17:00
  Family monday_evening = family("F2", kGent);
  monday_evening.availability = {{0, 18 * 60, 1440}};
  Family tuesday = family("F3", kGent);
  tuesday.availability = {{1, 0, 1440}};
  const std::vector<Family> families = {monday_day, monday_evening, tuesday};

  EXPECT_EQ(ids(eligible_families(call_in_gent(), families, kMonday10h)),
            std::vector<std::string>{"F1"});
  Call evening = call_in_gent();
  evening.needed_from = kMonday10h + 8 * 3600 + 30 * 60;  // 18:30
  EXPECT_EQ(ids(eligible_families(evening, families, kMonday10h)),
            std::vector<std::string>{"F2"});
  EXPECT_EQ(ineligibility(evening, monday_day, kMonday10h), Ineligible::kUnavailable);
}

TEST(Targeting, UsesNowWhenTheNeededTimeHasPassed) {
  Family evening = family("F1", kGent);
  evening.availability = {{0, 18 * 60, 1440}};
  Call call = call_in_gent();  // needed from 10:00
  EXPECT_TRUE(eligible_families(call, {evening}, kMonday10h).empty());
  EXPECT_EQ(eligible_families(call, {evening}, kMonday10h + 9 * 3600).size(), 1u);
}

TEST(Targeting, TreatsLanguageAsARankingFactorNotAFilter) {
  Family french = family("F1", kGent);
  french.languages = {Language::kFr};
  Family dutch = family("F2", kGent);
  const auto out = eligible_families(call_in_gent(), {french, dutch}, kMonday10h);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_FALSE(out[0].language_match);
  EXPECT_TRUE(out[1].language_match);
}

TEST(Targeting, AvailableAtUsesBrusselsWallClockAndEmptyMeansAlways) {
  EXPECT_TRUE(available_at({}, kMonday10h));
  EXPECT_TRUE(available_at({{0, 10 * 60, 11 * 60}}, kMonday10h));
  EXPECT_FALSE(available_at({{0, 10 * 60 + 1, 11 * 60}}, kMonday10h));
  EXPECT_FALSE(available_at({{1, 10 * 60, 11 * 60}}, kMonday10h));
}

TEST(CountAvailable, CountsFamiliesPerRadiusThatWouldTakeAChildThere) {
  Family in_gent = family("F1", kGent);
  Family merelbeke = family("F2", kMerelbeke);
  Family aalst = family("F3", kAalst);
  Family aalst_short = family("F4", kAalst, 20);  // its own range does not reach Gent
  Family antwerpen = family("F5", kAntwerpen, 60);
  Family paused = family("F6", kGent);
  paused.paused_until = kMonday10h + 60;
  Family stopped = family("F7", kGent);
  stopped.opted_in = false;
  Family no_room = family("F8", kGent);
  no_room.max_children = 0;
  const std::vector<Family> families = {in_gent, merelbeke, aalst, aalst_short,
                                        antwerpen, paused,    stopped, no_room};
  EXPECT_EQ(count_available(families, kGent, kMonday10h, {10, 20, 30, 50, 60}),
            (std::vector<int>{2, 2, 3, 3, 4}));
  EXPECT_EQ(count_available(families, kGent, kMonday10h + 3600, {10}), (std::vector<int>{3}));
}

TEST(CountAvailable, UsesTheAvailabilityWindowsAtTheGivenTime) {
  Family evening = family("F1", kGent);
  evening.availability = {{0, 20 * 60, 1440}};
  EXPECT_EQ(count_available({evening}, kGent, kMonday10h, {10}), (std::vector<int>{0}));
  EXPECT_EQ(count_available({evening}, kGent, kMonday10h + 10 * 3600, {10}),
            (std::vector<int>{1}));
  EXPECT_TRUE(count_available({evening}, kGent, kMonday10h, {}).empty());
}

}  // namespace
}  // namespace noodbel
