#include "bot/condition_text.h"

#include <gtest/gtest.h>

#include "bot/decision_time.h"
#include "bot/local_time.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

constexpr UnixTime kMonday0140 = 1'796'604'000;  // 2026-12-07 01:40 Europe/Brussels

Templates load_templates() {
  return test_data::shipped_templates();
}

class ConditionText : public ::testing::Test {
 protected:
  std::string render(const Condition& c, Language lang = Language::kNl,
                     UnixTime now = kMonday0140) {
    Result<std::string> r = render_condition(templates_, lang, c, now);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r ? *r : "";
  }
  Templates templates_ = load_templates();
};

Condition from(const char* day, int minute) {
  Condition c;
  c.kind = ConditionKind::kFrom;
  c.words = "vanaf 18u";
  c.from_day = day;
  c.from_minute = minute;
  return c;
}

TEST_F(ConditionText, ADayIsTodayTomorrowOrNamedWithItsDate) {
  const auto day = [&](UnixTime at, Language lang) {
    return *render_day(templates_, lang, at, kMonday0140);
  };
  EXPECT_EQ(day(kMonday0140 + 3600, Language::kNl), "vandaag (maandag)");
  EXPECT_EQ(day(kMonday0140 + 24 * 3600, Language::kNl), "morgen (dinsdag)");
  EXPECT_EQ(day(kMonday0140 + 2 * 24 * 3600, Language::kNl), "woensdag 09/12");
  EXPECT_EQ(day(kMonday0140 + 3600, Language::kFr), "aujourd'hui (lundi)");
  EXPECT_EQ(day(kMonday0140 + 24 * 3600, Language::kEn), "tomorrow (Tuesday)");
}

TEST_F(ConditionText, AStartTimeIsNeverSaidWithoutItsDay) {
  EXPECT_EQ(render(from("2026-12-07", 18 * 60)), "vanaf 18:00 vandaag (maandag)");
  EXPECT_EQ(render(from("2026-12-08", 9 * 60)), "vanaf 09:00 morgen (dinsdag)");
  EXPECT_EQ(render(from("2026-12-07", 18 * 60), Language::kEn), "from 18:00 today (Monday)");
}

TEST_F(ConditionText, AStartThatWasNotResolvedIsQuotedInTheFamilysWords) {
  Condition c = from("2026-12-07", 0);
  c.from_minute.reset();
  c.words = "na school";
  EXPECT_EQ(render(c), "\"na school\"");
}

TEST_F(ConditionText, NightsHaveTheirPluralAndALastDayItsDay) {
  Condition one;
  one.kind = ConditionKind::kLimit;
  one.nights = 1;
  EXPECT_EQ(render(one), "voor max. 1 nacht");
  one.nights = 2;
  EXPECT_EQ(render(one), "voor max. 2 nachten");
  EXPECT_EQ(render(one, Language::kFr), "pour 2 nuits max.");
  Condition sunday;
  sunday.kind = ConditionKind::kLimit;
  sunday.last_day = "2026-12-13";
  EXPECT_EQ(render(sunday), "tot en met zondag 13/12");
}

TEST_F(ConditionText, AgesChildrenCallFirstAndTransportInPlainWords) {
  Condition ages;
  ages.kind = ConditionKind::kAges;
  ages.max_age_months = 72;
  EXPECT_EQ(render(ages), "kinderen tot 6 jaar");
  ages.min_age_months = 6;
  EXPECT_EQ(render(ages), "kinderen van 6 maanden tot 6 jaar");
  Condition children;
  children.kind = ConditionKind::kChildren;
  children.max_children = 1;
  EXPECT_EQ(render(children), "max. 1 kind");
  Condition call_first;
  call_first.kind = ConditionKind::kCallFirst;
  EXPECT_EQ(render(call_first), "eerst bellen");
  Condition transport;
  transport.kind = ConditionKind::kTransport;
  EXPECT_EQ(render(transport, Language::kEn), "cannot drive themselves");
}

TEST_F(ConditionText, ConflictsAreFlaggedAndUnreadWordsPointToTheMessage) {
  Condition night;
  night.kind = ConditionKind::kLimit;
  night.nights = 1;
  Condition call_first;
  call_first.kind = ConditionKind::kCallFirst;
  const Result<std::string> text = render_checked_conditions(
      templates_, Language::kNl, {{night, 0.66}, {call_first, 0}}, true, kMonday0140);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, "voor max. 1 nacht (botst met de oproep), eerst bellen, (zie bericht)");
  EXPECT_EQ(*render_conditions(templates_, Language::kNl, {}, false, kMonday0140), "");
  EXPECT_EQ(*render_conditions(templates_, Language::kNl, {}, true, kMonday0140), "(zie bericht)");
}

TEST(DecisionTime, AtNightTheFamiliesHearTheTimeMatchingResumes) {
  const Templates t = test_data::shipped_templates();
  CoreConfig config;
  config.services = default_services();
  const Decision d = decision_for(config, "oost-vlaanderen", kMonday0140);
  EXPECT_TRUE(d.waits);
  ASSERT_TRUE(d.by.has_value());
  EXPECT_EQ(format_local(*d.by, "datetime"), "07/12 09:00");
  EXPECT_EQ(*render_decision(t, Language::kNl, d, kMonday0140),
            "Jullie horen uiterlijk vandaag (maandag) 09:00 of jullie gekozen zijn.");
}

TEST(DecisionTime, DuringOfficeOrStaffedHoursAFamilyHearsAsSoonAsItIsChosen) {
  const Templates t = test_data::shipped_templates();
  CoreConfig config;
  config.services = default_services();
  for (const UnixTime at : {kMonday0140 + 9 * 3600, kMonday0140 + 17 * 3600}) {
    const Decision d = decision_for(config, "limburg", at);
    EXPECT_FALSE(d.waits);
    EXPECT_EQ(*render_decision(t, Language::kNl, d, at),
              "Jullie horen het meteen als jullie gekozen zijn.");
  }
}

TEST(DecisionTime, ASaturdayNightWaitsForTheWeekendPermanence) {
  CoreConfig config;
  config.services = default_services();
  const UnixTime saturday_2300 = from_local(2026, 12, 12, 23 * 60);
  const Decision d = decision_for(config, "antwerpen", saturday_2300);
  ASSERT_TRUE(d.waits && d.by.has_value());
  EXPECT_EQ(format_local(*d.by, "datetime"), "13/12 09:00");
}

}  // namespace
}  // namespace noodbel
