// load_time_zone: a time zone of the system's tz database as the core's ZoneRules, read once
// at start-up. Called by every entry point (the program, test mains, fuzz targets,
// benchmarks) before threads start; thread-safe.
#pragma once

#include <string_view>

#include "bot/result.h"
#include "bot/zone_rules.h"

namespace noodbel {

// The offsets of zone `name` (like "Europe/Brussels") from 1970 to 2200, read from the tz
// database now, so that a missing or broken tzdata fails at start-up: NotFound naming the
// zone and the fix (install the tzdata package) when it cannot be read.
Result<ZoneRules> load_time_zone(std::string_view name);

// load_time_zone(kLocalZoneName) installed as the zone of bot/local_time.h: the start-up
// step of every entry point. The error of load_time_zone when it cannot be read.
Status install_local_zone_from_tzdb();

}  // namespace noodbel
