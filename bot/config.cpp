#include "bot/config.h"

namespace noodbel {
namespace {

// Monday (0) .. Sunday (6), each from `start` to `end` minutes.
std::vector<WeeklyWindow> every_day(int first, int last, int start, int end) {
  std::vector<WeeklyWindow> out;
  for (int day = first; day <= last; ++day) out.push_back({day, start, end});
  return out;
}

}  // namespace

std::vector<WeeklyWindow> default_office_hours() { return every_day(0, 4, 9 * 60, 17 * 60); }

std::vector<WeeklyWindow> default_staffed_hours() {
  std::vector<WeeklyWindow> out = every_day(0, 4, 17 * 60, 21 * 60);
  for (const WeeklyWindow& w : every_day(5, 6, 9 * 60, 21 * 60)) out.push_back(w);
  return out;
}

const ServiceConfig* find_service(const CoreConfig& config, std::string_view id) {
  for (const ServiceConfig& s : config.services) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

CallsConfig calls_for_service(const CoreConfig& config, std::string_view id) {
  CallsConfig calls = config.calls;
  const ServiceConfig* s = find_service(config, id);
  if (s == nullptr) return calls;
  calls.wave_size = s->wave_size.value_or(calls.wave_size);
  calls.wave_interval_minutes = s->wave_interval_minutes.value_or(calls.wave_interval_minutes);
  calls.stop_after_yes = s->stop_after_yes.value_or(calls.stop_after_yes);
  return calls;
}

std::vector<ServiceConfig> default_services() {
  return {
      {"antwerpen", "Pleegzorg Provincie Antwerpen"},
      {"limburg", "Pleegzorg Limburg"},
      {"oost-vlaanderen", "Pleegzorg Oost-Vlaanderen"},
      {"west-vlaanderen", "Pleegzorg West-Vlaanderen"},
      {"vlaams-brabant-brussel", "Pleegzorg Vlaams-Brabant en Brussel"},
  };
}

}  // namespace noodbel
