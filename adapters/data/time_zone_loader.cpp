#include "adapters/data/time_zone_loader.h"

#include <exception>
#include <string>
#include <utility>
#include <vector>

#include <date/tz.h>
#include <fmt/format.h>

#include "bot/local_time.h"

namespace noodbel {
namespace {

// The years the rules cover: every date the service stores or parses (people_import accepts
// 2000..2200). Outside them the nearest offset holds.
constexpr date::sys_days kFirstDay = date::year{1970} / 1 / 1;
constexpr date::sys_days kEndDay = date::year{2200} / 1 / 1;

int offset_of(const date::sys_info& info) { return static_cast<int>(info.offset.count()); }

// Every offset change of `zone` between kFirstDay and kEndDay, as date::tz reports it.
Result<ZoneRules> rules_of(const date::time_zone& zone) {
  const date::sys_info first = zone.get_info(date::sys_seconds{kFirstDay});
  std::vector<ZoneTransition> transitions;
  int offset = offset_of(first);
  for (date::sys_seconds end = first.end; end < kEndDay;) {
    const date::sys_info info = zone.get_info(end);
    if (offset_of(info) != offset) {
      offset = offset_of(info);
      transitions.push_back({end.time_since_epoch().count(), offset});
    }
    end = info.end;
  }
  return ZoneRules::make(zone.name(), offset_of(first), std::move(transitions));
}

}  // namespace

Result<ZoneRules> load_time_zone(std::string_view name) {
  try {
    return rules_of(*date::locate_zone(name));
  } catch (const std::exception& e) {
    return Error::NotFound(fmt::format(
        "cannot read the time zone {} from the tz database ({}); install the tzdata package "
        "(apt-get install tzdata) or check /usr/share/zoneinfo",
        name, e.what()));
  }
}

Status install_local_zone_from_tzdb() {
  Result<ZoneRules> rules = load_time_zone(kLocalZoneName);
  if (!rules.ok()) return rules.error();
  install_local_zone(std::move(rules).value());
  return Ok();
}

}  // namespace noodbel
