// CoreConfig: the settings bot/ reads (services, calls, the board, the sandbox, ...), as
// plain values with safe defaults. Loaded by adapters/config/load_config.h; the core only reads it.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/types.h"

namespace noodbel {

// What happens outside office hours: a crisis coordinator matches during `staffed` hours,
// or matching waits for the next working day. Calls are always published at once.
enum class AfterHours { kStaffed, kNextWorkingDay };

// Default schedules (Europe/Brussels): office Monday-Friday 09:00-17:00; staffed
// Monday-Friday 17:00-21:00 and Saturday-Sunday 09:00-21:00.
std::vector<WeeklyWindow> default_office_hours();
std::vector<WeeklyWindow> default_staffed_hours();

struct ServiceConfig {
  std::string id;    // "oost-vlaanderen"
  std::string name;  // "Pleegzorg Oost-Vlaanderen"
  // Weekly windows in Brussels time; a Belgian public holiday counts as a Sunday.
  std::vector<WeeklyWindow> office_hours = default_office_hours();
  AfterHours after_hours = AfterHours::kStaffed;
  std::vector<WeeklyWindow> staffed_hours = default_staffed_hours();  // used when kStaffed
  // Per-service overrides of CallsConfig (unset: the [calls] value).
  std::optional<int> wave_size = std::nullopt;
  std::optional<int> wave_interval_minutes = std::nullopt;
  std::optional<int> stop_after_yes = std::nullopt;
};

struct CallsConfig {
  int wave_size = 10;                 // families per wave
  int wave_interval_minutes = 15;     // between waves
  int stop_after_yes = 3;             // stop widening after this many yes-answers
  int expiry_hours = 24;
  int code_reuse_days = 7;            // a code is not reused within this many days of closing
  // The caseworker hears of the first yes or maybe at once; later answers are gathered
  // into one update at most this often per call.
  int answers_notice_minutes = 5;
  int confirm_reminder_minutes = 20;  // a chosen family not confirmed: remind this often
  int expiry_warning_minutes = 60;    // tell the caseworker this long before a call expires
};

struct SandboxConfig {
  bool enabled = false;
};

// Weights of the ranked board (points; each factor scores 0..1, 1 best). The score is
// the weighted sum minus maybe_penalty for a maybe-answer; the default maximum is 100.
struct BoardConfig {
  double weight_distance = 35;           // nearer is better (0 km: 1, 50 km or more: 0)
  double weight_language = 15;           // speaks one of the call's languages
  double weight_fit = 15;                // ages in range and children fill the capacity
  double weight_availability = 15;       // share of the expected duration available
  double weight_answer_time = 10;        // quick answer after the call was sent
  double weight_recent_placements = 10;  // fewer crisis placements in the last 90 days
  double maybe_penalty = 20;
  // Taken off a yes or maybe whose condition conflicts with the call ("1 nacht" on a
  // 3-day call, "vanaf 18u" on an urgent one), times the conflict (0..1).
  double conflict_penalty = 30;
};

// Slack/Mattermost user id -> caseworker id. Authoritative over slash: contacts.
using SlashUsers = std::map<std::string, std::string, std::less<>>;

struct CoreConfig {
  Language default_language = Language::kNl;
  std::vector<ServiceConfig> services;  // default: the five provincial services
  CallsConfig calls;
  SandboxConfig sandbox;
  BoardConfig board;
  SlashUsers slash_users;             // [slash.users]
  std::string telegram_bot_username;  // [telegram] bot_username: "noodbel_bot", for
                                      // https://t.me/<bot_username>?start=CODE links
};

// The five provincial pleegzorg services.
std::vector<ServiceConfig> default_services();

// The service with this id, or nullptr.
const ServiceConfig* find_service(const CoreConfig& config, std::string_view id);
// config.calls with the service's own overrides applied (config.calls for an unknown id).
CallsConfig calls_for_service(const CoreConfig& config, std::string_view id);

}  // namespace noodbel
