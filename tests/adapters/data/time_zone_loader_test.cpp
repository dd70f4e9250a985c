#include "adapters/data/time_zone_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

#include <date/tz.h>

#include "bot/local_time.h"

namespace noodbel {
namespace {

using ::testing::HasSubstr;

TEST(TimeZoneLoader, LoadsTheServiceZone) {
  const Result<ZoneRules> rules = load_time_zone(kLocalZoneName);
  ASSERT_TRUE(rules.ok()) << rules.error().message;
  EXPECT_EQ(rules->name(), "Europe/Brussels");
  EXPECT_EQ(rules->offset_at(1768478400), 3600);  // 2026-01-15 12:00 UTC: CET
  EXPECT_EQ(rules->offset_at(1784116800), 7200);  // 2026-07-15 12:00 UTC: CEST
}

TEST(TimeZoneLoader, AnUnknownZoneIsNotFoundAndNamesZoneAndFix) {
  const Result<ZoneRules> rules = load_time_zone("Europe/Atlantis");
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.error().kind, ErrorKind::kNotFound);
  EXPECT_THAT(rules.error().message, HasSubstr("Europe/Atlantis"));
  EXPECT_THAT(rules.error().message, HasSubstr("install the tzdata package"));
}

TEST(TimeZoneLoader, TheRulesAgreeWithTheTzDatabaseForEveryHourOf2025To2027) {
  const ZoneRules rules = load_time_zone(kLocalZoneName).value();
  const date::time_zone* zone = date::locate_zone("Europe/Brussels");
  const UnixTime from =
      date::sys_seconds{date::sys_days{date::year{2025} / 1 / 1}}.time_since_epoch().count();
  const UnixTime to =
      date::sys_seconds{date::sys_days{date::year{2028} / 1 / 1}}.time_since_epoch().count();
  int checked = 0;
  for (UnixTime t = from; t < to; t += 1800) {
    const date::sys_seconds instant{std::chrono::seconds{t}};
    ASSERT_EQ(rules.offset_at(t), zone->get_info(instant).offset.count()) << t;
    // The same number read as a wall-clock time, including those skipped or repeated.
    const date::local_seconds wall{std::chrono::seconds{t}};
    ASSERT_EQ(rules.to_instant(t),
              zone->to_sys(wall, date::choose::earliest).time_since_epoch().count())
        << t;
    ++checked;
  }
  EXPECT_EQ(checked, 3 * 365 * 48);
}

TEST(TimeZoneLoader, InstallsTheServiceZoneForLocalTime) {
  ASSERT_TRUE(install_local_zone_from_tzdb().ok());
  EXPECT_EQ(format_local(1795541400, "datetime"), "24/11 18:30");  // 2026-11-24 18:30 CET
}

}  // namespace
}  // namespace noodbel
