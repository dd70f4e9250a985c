#include "adapters/config/load_config.h"

#include "adapters/config/data_dir.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "adapters/config/example_secrets.h"
#include "adapters/config/push_urls.h"
#include "adapters/config/secret_keys.h"
#include "adapters/config/secret_url.h"
#include "adapters/http/client.h"
#include "bot/digest.h"
#include "bot/office_hours.h"
#include "bot/people_import.h"
#include "bot/text/ascii.h"

namespace noodbel {
namespace {

// Collects the first problem found while reading typed values out of a toml table.
class Reader {
 public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  bool failed() const { return error_.has_value(); }
  Error error() const { return Error::Invalid(*error_); }

  void fail(std::string_view key, std::string_view reason) {
    if (!error_) error_ = fmt::format("{}: {}: {}", source_, key, reason);
  }

  // Every key of `table` must be one of `allowed`.
  void only_keys(const toml::table& table, std::string_view prefix,
                 std::initializer_list<std::string_view> allowed) {
    for (const auto& [k, v] : table) {
      const std::string_view key = k.str();
      bool known = false;
      for (auto a : allowed) known = known || a == key;
      if (!known) {
        fail(join(prefix, key), fmt::format("unknown key; allowed here: {}",
                                            fmt::join(allowed, ", ")));
      }
    }
  }

  void integer(const toml::table& t, std::string_view prefix, std::string_view key, int lo,
               int hi, int& out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    const auto v = n->value_exact<std::int64_t>();
    if (!v) return fail(join(prefix, key), "must be a whole number");
    if (*v < lo || *v > hi) {
      return fail(join(prefix, key),
                  fmt::format("must be between {} and {} (got {})", lo, hi, *v));
    }
    out = static_cast<int>(*v);
  }

  void text(const toml::table& t, std::string_view prefix, std::string_view key,
            std::string& out, bool allow_empty = false) {
    const toml::node* n = t.get(key);
    if (!n) return;
    const auto v = n->value_exact<std::string>();
    if (!v) return fail(join(prefix, key), "must be a string in double quotes");
    if (!allow_empty && v->empty()) return fail(join(prefix, key), "must not be empty");
    out = *v;
  }

  // A number written with or without decimals ("35" or "7.5").
  void number(const toml::table& t, std::string_view prefix, std::string_view key, double lo,
              double hi, double& out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    const auto v = n->value<double>();
    if (!v || !(n->is_integer() || n->is_floating_point())) {
      return fail(join(prefix, key), "must be a number, like 35 or 7.5");
    }
    if (!(*v >= lo && *v <= hi)) {
      return fail(join(prefix, key), fmt::format("must be between {} and {} (got {})", lo, hi, *v));
    }
    out = *v;
  }

  void boolean(const toml::table& t, std::string_view prefix, std::string_view key, bool& out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    const auto v = n->value_exact<bool>();
    if (!v) return fail(join(prefix, key), "must be true or false");
    out = *v;
  }

  const toml::table* section(const toml::table& root, std::string_view key) {
    const toml::node* n = root.get(key);
    if (!n) return nullptr;
    if (!n->is_table()) {
      fail(key, fmt::format("must be a table, written as [{}]", key));
      return nullptr;
    }
    return n->as_table();
  }

 private:
  static std::string join(std::string_view prefix, std::string_view key) {
    return prefix.empty() ? std::string(key) : fmt::format("{}.{}", prefix, key);
  }

  std::string source_;
  std::optional<std::string> error_;
};

void read_general(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "general");
  if (!t) return;
  r.only_keys(*t, "general", {"default_language"});
  std::string lang;
  r.text(*t, "general", "default_language", lang);
  if (lang.empty()) return;
  const auto parsed = language_from_string(lang);
  if (!parsed) return r.fail("general.default_language", "must be \"nl\", \"fr\" or \"en\"");
  c.core.default_language = *parsed;
}

// [database] synchronous = "full" (default) or "normal".
void read_synchronous(Reader& r, const toml::table& t, Config& c) {
  std::string value;
  r.text(t, "database", "synchronous", value);
  if (value.empty()) return;
  if (value != "full" && value != "normal") {
    return r.fail("database.synchronous",
                  fmt::format("must be \"full\" or \"normal\" (got \"{}\")", value));
  }
  c.db_synchronous_full = value == "full";
}

void read_paths(Reader& r, const toml::table& root, Config& c) {
  if (const toml::table* t = r.section(root, "database")) {
    r.only_keys(*t, "database", {"path", "synchronous", "min_free_megabytes", "max_failed_writes"});
    r.text(*t, "database", "path", c.db_path);
    read_synchronous(r, *t, c);
    r.integer(*t, "database", "min_free_megabytes", 1, 1024 * 1024, c.readiness.min_free_megabytes);
    r.integer(*t, "database", "max_failed_writes", 1, 1000, c.readiness.max_failed_writes);
  }
  if (const toml::table* t = r.section(root, "paths")) {
    r.only_keys(*t, "paths", {"data_dir"});
    r.text(*t, "paths", "data_dir", c.data_dir);
  }
}

// The fewest characters a secret of ours may have (a slash secret, the metrics token).
constexpr std::size_t kMinSecretLength = 16;

// Why a metrics token is unusable (shorter than kMinSecretLength), or nullopt; "" is none.
std::optional<std::string> short_metrics_token(std::string_view token) {
  if (token.empty() || token.size() >= kMinSecretLength) return std::nullopt;
  return fmt::format(
      "is {} characters long; use at least {}, e.g. the output of "
      "`openssl rand -hex 32`",
      token.size(), kMinSecretLength);
}

void read_http(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "http");
  if (!t) return;
  r.only_keys(*t, "http",
              {"address", "port", "body_limit_bytes", "read_timeout_seconds", "max_connections",
               "threads", "metrics_token"});
  r.text(*t, "http", "address", c.http.address);
  r.integer(*t, "http", "port", 0, 65535, c.http.port);
  int limit = static_cast<int>(c.http.body_limit_bytes);
  r.integer(*t, "http", "body_limit_bytes", 1024, 16 * 1024 * 1024, limit);
  c.http.body_limit_bytes = static_cast<std::size_t>(limit);
  r.integer(*t, "http", "read_timeout_seconds", 1, 300, c.http.read_timeout_seconds);
  r.integer(*t, "http", "max_connections", 1, 100000, c.http.max_connections);
  r.integer(*t, "http", "threads", 1, 256, c.http.threads);
  r.text(*t, "http", "metrics_token", c.http.metrics_token);
  if (auto why = short_metrics_token(c.http.metrics_token)) r.fail("http.metrics_token", *why);
}

void read_calls(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "calls");
  if (!t) return;
  r.only_keys(*t, "calls", {"wave_size", "wave_interval_minutes", "stop_after_yes",
                            "expiry_hours", "code_reuse_days", "answers_notice_minutes",
                            "confirm_reminder_minutes", "expiry_warning_minutes"});
  r.integer(*t, "calls", "wave_size", 1, 500, c.core.calls.wave_size);
  r.integer(*t, "calls", "wave_interval_minutes", 1, 24 * 60, c.core.calls.wave_interval_minutes);
  r.integer(*t, "calls", "stop_after_yes", 1, 100, c.core.calls.stop_after_yes);
  r.integer(*t, "calls", "expiry_hours", 1, 24 * 14, c.core.calls.expiry_hours);
  r.integer(*t, "calls", "code_reuse_days", 0, 365, c.core.calls.code_reuse_days);
  r.integer(*t, "calls", "answers_notice_minutes", 1, 60, c.core.calls.answers_notice_minutes);
  r.integer(*t, "calls", "confirm_reminder_minutes", 1, 24 * 60,
            c.core.calls.confirm_reminder_minutes);
  r.integer(*t, "calls", "expiry_warning_minutes", 1, 24 * 60, c.core.calls.expiry_warning_minutes);
}

// [digest] enabled = true, time = "07:30" (Brussels local time), coverage_min_families = 3.
void read_digest(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "digest");
  if (!t) return;
  r.only_keys(*t, "digest", {"enabled", "time", "coverage_min_families"});
  r.boolean(*t, "digest", "enabled", c.digest.enabled);
  std::string time;
  r.text(*t, "digest", "time", time);
  if (!time.empty()) {
    const Result<int> minute = parse_clock_time(time);
    if (minute.ok()) {
      c.digest.minute_of_day = *minute;
    } else {
      r.fail("digest.time", minute.error().message);
    }
  }
  r.integer(*t, "digest", "coverage_min_families", 1, 1000, c.digest.coverage_min_families);
}

// [retention] days = 30: notes and message texts are erased this long after a call closes.
void read_retention(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "retention");
  if (!t) return;
  r.only_keys(*t, "retention", {"days"});
  r.integer(*t, "retention", "days", 1, 3650, c.retention.days);
}

void read_sandbox_and_log(Reader& r, const toml::table& root, Config& c) {
  if (const toml::table* t = r.section(root, "sandbox")) {
    r.only_keys(*t, "sandbox", {"enabled"});
    r.boolean(*t, "sandbox", "enabled", c.core.sandbox.enabled);
  }
  if (const toml::table* t = r.section(root, "scheduler")) {
    r.only_keys(*t, "scheduler", {"tick_seconds"});
    r.integer(*t, "scheduler", "tick_seconds", 1, 300, c.scheduler.tick_seconds);
  }
  if (const toml::table* t = r.section(root, "log")) {
    r.only_keys(*t, "log", {"level"});
    r.text(*t, "log", "level", c.log.level);
    static const std::set<std::string> kLevels{"trace", "debug", "info", "warn", "error"};
    if (!kLevels.count(c.log.level)) {
      r.fail("log.level", "must be one of trace, debug, info, warn, error");
    }
  }
}

// Why a slash secret is unusable, or nullopt when it is fine.
std::optional<std::string> weak_secret(std::string_view secret) {
  if (secret.size() >= kMinSecretLength) return std::nullopt;
  return fmt::format("is {} characters long; a real secret has at least {}: copy it from the "
                     "app's settings (Slack: Basic Information > Signing Secret; Mattermost: "
                     "the slash command's token)",
                     secret.size(), kMinSecretLength);
}

// A [slash] table of push URLs, "key" = "https://...", into `out`; `bad_key` says why a
// key is wrong and what a good one looks like.
void read_push_urls(Reader& r, const toml::table& slash, std::string_view name,
                    const std::function<std::optional<std::string>(std::string_view)>& bad_key,
                    std::map<std::string, std::string, std::less<>>& out) {
  const toml::node* n = slash.get(name);
  if (!n) return;
  const std::string prefix = fmt::format("slash.{}", name);
  const toml::table* urls = n->as_table();
  if (!urls) return r.fail(prefix, fmt::format("must be a table, written as [{}]", prefix));
  for (const auto& [k, v] : *urls) {
    const std::string key = fmt::format("{}.{}", prefix, k.str());
    if (auto why = bad_key(k.str())) {
      r.fail(key, *why);
      continue;
    }
    const auto url = v.value_exact<std::string>();
    if (!url) {
      r.fail(key, "must be the webhook URL in double quotes, like \"https://hooks.slack.com/services/...\"");
      continue;
    }
    if (auto why = bad_push_url(*url)) {
      r.fail(key, *why);
      continue;
    }
    out.emplace(std::string(k.str()), *url);
  }
}

// [slash.webhooks] keys must be services; runs after [[services]] were read.
void check_slash_webhook_services(Reader& r, const Config& c) {
  std::vector<std::string> ids;
  for (const ServiceConfig& s : c.core.services) ids.push_back(s.id);
  for (const auto& [service, url] : c.slash.webhooks) {
    if (find_service(c.core, service) == nullptr) {
      r.fail("slash.webhooks." + service,
             fmt::format("is not a service id; use one of: {}", fmt::join(ids, ", ")));
    }
  }
}

std::optional<std::string> bad_caseworker_key(std::string_view id) {
  if (is_caseworker_id(id)) return std::nullopt;
  return std::string("is not a caseworker id: use the id of the caseworkers CSV, \"C\" and 3 "
                     "digits, like C006 = \"https://...\"");
}

std::optional<std::string> no_check(std::string_view) { return std::nullopt; }

// [slash] secrets and the [slash.users] table: "U012ABC" = "C001"; push webhooks and rate.
void read_slash(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "slash");
  if (!t) return;
  r.only_keys(*t, "slash", {"signing_secret", "mattermost_token", "users", "webhooks",
                            "caseworker_webhooks", "messages_per_second"});
  r.integer(*t, "slash", "messages_per_second", 1, 100, c.slash.messages_per_second);
  read_push_urls(r, *t, "webhooks", no_check, c.slash.webhooks);
  read_push_urls(r, *t, "caseworker_webhooks", bad_caseworker_key, c.slash.caseworker_webhooks);
  r.text(*t, "slash", "signing_secret", c.slash.signing_secret);
  r.text(*t, "slash", "mattermost_token", c.slash.mattermost_token);
  for (const auto& [key, value] : {std::pair{"slash.signing_secret", &c.slash.signing_secret},
                                   std::pair{"slash.mattermost_token", &c.slash.mattermost_token}}) {
    if (value->empty()) continue;
    if (auto why = weak_secret(*value)) r.fail(key, *why);
  }
  const toml::node* n = t->get("users");
  if (!n) return;
  const toml::table* users = n->as_table();
  if (!users) return r.fail("slash.users", "must be a table, written as [slash.users]");
  for (const auto& [k, v] : *users) {
    const std::string user(k.str());
    const std::string key = "slash.users." + user;
    if (const auto parsed = parse_contacts("slash:" + user, ContactRules::kCaseworker); !parsed) {
      r.fail(key, "is not a Slack or Mattermost user id: use letters, digits, '.', '_' or '-', "
                  "like U012ABC = \"C001\"");
      continue;
    }
    const auto id = v.value_exact<std::string>();
    if (!id || id->empty()) {
      r.fail(key, "must be the caseworker id in double quotes, like U012ABC = \"C001\"");
      continue;
    }
    c.core.slash_users.emplace(user, *id);
  }
}

// [board] weights of the ranked board: numbers from 0 to 1000, at least one above 0.
void read_board(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "board");
  if (!t) return;
  BoardConfig& b = c.core.board;
  const std::pair<std::string_view, double*> keys[] = {
      {"weight_distance", &b.weight_distance},
      {"weight_language", &b.weight_language},
      {"weight_fit", &b.weight_fit},
      {"weight_availability", &b.weight_availability},
      {"weight_answer_time", &b.weight_answer_time},
      {"weight_recent_placements", &b.weight_recent_placements},
      {"maybe_penalty", &b.maybe_penalty},
      {"conflict_penalty", &b.conflict_penalty}};
  r.only_keys(*t, "board", {"weight_distance", "weight_language", "weight_fit",
                            "weight_availability", "weight_answer_time",
                            "weight_recent_placements", "maybe_penalty", "conflict_penalty"});
  double sum = 0;
  for (const auto& [key, value] : keys) {
    r.number(*t, "board", key, 0, 1000, *value);
    if (!key.ends_with("_penalty")) sum += *value;
  }
  if (sum <= 0) r.fail("board", "at least one weight_... must be above 0, e.g. weight_distance = 35");
}

// A weekly schedule key of a service ("ma-vr 08:30-17:00"); true when the key was given.
bool read_schedule(Reader& r, const toml::table& t, const std::string& prefix,
                   std::string_view key, std::vector<WeeklyWindow>& out) {
  std::string text;
  r.text(t, prefix, key, text);
  if (text.empty()) return false;
  Result<std::vector<WeeklyWindow>> windows = parse_weekly_schedule(text);
  if (!windows) {
    r.fail(prefix + "." + std::string(key), windows.error().message);
    return false;
  }
  out = std::move(windows).value();
  return true;
}

// Office hours, the after-hours policy and the wave settings of one [[services]] entry.
void read_service_calls(Reader& r, const toml::table& t, const std::string& prefix,
                        ServiceConfig& s) {
  read_schedule(r, t, prefix, "office_hours", s.office_hours);
  std::string after;
  r.text(t, prefix, "after_hours", after);
  if (after == "next_working_day") {
    s.after_hours = AfterHours::kNextWorkingDay;
  } else if (!after.empty() && after != "staffed") {
    r.fail(prefix + ".after_hours", "must be \"staffed\" or \"next_working_day\"");
  }
  if (read_schedule(r, t, prefix, "staffed", s.staffed_hours) &&
      s.after_hours == AfterHours::kNextWorkingDay) {
    r.fail(prefix + ".staffed",
           "only applies with after_hours = \"staffed\"; remove it or change after_hours");
  }
  const std::pair<std::string_view, std::optional<int>*> numbers[] = {
      {"wave_size", &s.wave_size},
      {"wave_interval_minutes", &s.wave_interval_minutes},
      {"stop_after_yes", &s.stop_after_yes}};
  const int highest[] = {500, 24 * 60, 100};
  for (std::size_t i = 0; i < std::size(numbers); ++i) {
    if (!t.get(numbers[i].first)) continue;
    int value = 0;
    r.integer(t, prefix, numbers[i].first, 1, highest[i], value);
    if (value > 0) *numbers[i].second = value;
  }
}

void read_services(Reader& r, const toml::table& root, Config& c) {
  const toml::node* n = root.get("services");
  if (!n) return;
  const toml::array* arr = n->as_array();
  if (!arr || !arr->is_array_of_tables()) {
    return r.fail("services", "must be a list of tables, each written as [[services]]");
  }
  if (arr->empty()) return r.fail("services", "must name at least one service");
  std::vector<ServiceConfig> services;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const toml::table& t = *arr->get(i)->as_table();
    const std::string prefix = fmt::format("services[{}]", i);
    r.only_keys(t, prefix, {"id", "name", "office_hours", "after_hours", "staffed", "wave_size",
                            "wave_interval_minutes", "stop_after_yes"});
    ServiceConfig s;
    r.text(t, prefix, "id", s.id);
    r.text(t, prefix, "name", s.name);
    read_service_calls(r, t, prefix, s);
    if (s.id.empty()) r.fail(prefix + ".id", "is required, e.g. id = \"oost-vlaanderen\"");
    if (s.name.empty()) r.fail(prefix + ".name", "is required");
    if (!seen.insert(s.id).second) r.fail(prefix + ".id", "is used twice: ids must be unique");
    services.push_back(std::move(s));
  }
  c.core.services = std::move(services);
}

// --- [telegram] ---

bool is_secret_char(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_' || ch == '-';
}

// Why a Telegram bot token is unusable, or nullopt when it looks like one.
std::optional<std::string> bad_telegram_token(std::string_view token) {
  const std::size_t colon = token.find(':');
  const std::string_view id = token.substr(0, colon);
  const std::string_view rest =
      colon == std::string_view::npos ? std::string_view{} : token.substr(colon + 1);
  const bool id_ok = !id.empty() && std::all_of(id.begin(), id.end(), [](char ch) {
    return std::isdigit(static_cast<unsigned char>(ch)) != 0;
  });
  if (id_ok && rest.size() >= 20 && std::all_of(rest.begin(), rest.end(), is_secret_char)) {
    return std::nullopt;
  }
  return std::string("is not a bot token like \"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw\": "
                     "copy it from @BotFather (/token)");
}

// Why a webhook secret is unusable (Telegram allows 1-256 of A-Z a-z 0-9 _ -; we want 16+).
std::optional<std::string> bad_webhook_secret(std::string_view secret) {
  if (secret.size() < 16 || secret.size() > 256) {
    return fmt::format("is {} characters long; use 16 to 256 of A-Z, a-z, 0-9, _ and - "
                       "(e.g. the output of `openssl rand -hex 32`)",
                       secret.size());
  }
  if (!std::all_of(secret.begin(), secret.end(), is_secret_char)) {
    return std::string("may only hold A-Z, a-z, 0-9, _ and - (Telegram's rule); e.g. the "
                       "output of `openssl rand -hex 32`");
  }
  return std::nullopt;
}

// Why a bot username is unusable (Telegram: 5-32 of A-Z a-z 0-9 _, ending in "bot").
std::optional<std::string> bad_bot_username(std::string_view name) {
  if (!name.empty() && name.front() == '@') {
    return std::string("must be written without the leading @, e.g. \"noodbel_bot\"");
  }
  const bool chars_ok =
      std::all_of(name.begin(), name.end(), [](char ch) { return is_alnum(ch) || ch == '_'; });
  const std::string tail = lower_ascii(name.substr(name.size() < 3 ? 0 : name.size() - 3));
  if (name.size() < 5 || name.size() > 32 || !chars_ok || tail != "bot") {
    return std::string("is not a Telegram bot username: 5 to 32 of A-Z, a-z, 0-9 and _, ending "
                       "in \"bot\" (as @BotFather shows it, without the @)");
  }
  return std::nullopt;
}

// Why a base URL is unusable; `webhook`: Telegram must be able to POST to it.
std::optional<std::string> bad_base_url(std::string_view url, bool webhook) {
  const Result<Url> parsed = parse_url(url);
  if (!parsed.ok()) return parsed.error().message;
  if (url.find_first_of("?#") != std::string_view::npos) {
    return std::string("must not hold a query (?) or fragment (#)");
  }
  if (!webhook) return std::nullopt;
  const bool local = parsed->host == "127.0.0.1" || parsed->host == "localhost" || parsed->host == "::1";
  if (local) return std::nullopt;  // a local Bot API emulator
  if (parsed->scheme != "https") {
    return std::string("must start with https://: Telegram sends webhooks over HTTPS only "
                       "(without public HTTPS, use mode = \"polling\")");
  }
  if (parsed->port != 443 && parsed->port != 80 && parsed->port != 88 && parsed->port != 8443) {
    return fmt::format("uses port {}; Telegram sends webhooks to ports 443, 80, 88 and 8443 only",
                       parsed->port);
  }
  return std::nullopt;
}

void strip_trailing_slashes(std::string& url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
}

// `key` names a URL that carries a secret: https://, or http:// to this machine only
// (adapters/config/secret_url.h); `local_use` says what plain http is for.
void require_tls(Reader& r, std::string_view key, std::string_view url,
                 std::string_view local_use) {
  if (url.empty()) return;
  if (auto why = cleartext_secret_url(url, local_use)) r.fail(key, *why);
}

void read_telegram(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "telegram");
  if (!t) return;
  TelegramConfig& tg = c.telegram;
  r.only_keys(*t, "telegram", {"enabled", "token", "api_base_url", "mode", "webhook_secret",
                               "public_url", "messages_per_second",
                               "per_chat_messages_per_second", "poll_timeout_seconds",
                               "bot_username"});
  r.boolean(*t, "telegram", "enabled", tg.enabled);
  r.text(*t, "telegram", "token", tg.token);
  if (!tg.token.empty()) {
    if (auto why = bad_telegram_token(tg.token)) r.fail("telegram.token", *why);
  }
  r.text(*t, "telegram", "webhook_secret", tg.webhook_secret);
  if (!tg.webhook_secret.empty()) {
    if (auto why = bad_webhook_secret(tg.webhook_secret)) r.fail("telegram.webhook_secret", *why);
  }
  std::string mode;
  r.text(*t, "telegram", "mode", mode);
  if (mode == "webhook") {
    tg.mode = TelegramMode::kWebhook;
  } else if (mode == "polling") {
    tg.mode = TelegramMode::kPolling;
  } else if (!mode.empty()) {
    r.fail("telegram.mode", "must be \"webhook\" or \"polling\"");
  }
  r.text(*t, "telegram", "api_base_url", tg.api_base_url);
  if (auto why = bad_base_url(tg.api_base_url, false)) r.fail("telegram.api_base_url", *why);
  require_tls(r, "telegram.api_base_url", tg.api_base_url, "a local Bot API emulator");
  strip_trailing_slashes(tg.api_base_url);
  r.text(*t, "telegram", "public_url", tg.public_url);
  if (!tg.public_url.empty()) {
    if (auto why = bad_base_url(tg.public_url, true)) r.fail("telegram.public_url", *why);
  }
  strip_trailing_slashes(tg.public_url);
  r.integer(*t, "telegram", "messages_per_second", 1, 1000, tg.messages_per_second);
  r.integer(*t, "telegram", "per_chat_messages_per_second", 1, 20, tg.per_chat_messages_per_second);
  r.integer(*t, "telegram", "poll_timeout_seconds", 1, 50, tg.poll_timeout_seconds);
  std::string& bot_username = c.core.telegram_bot_username;
  r.text(*t, "telegram", "bot_username", bot_username);
  if (!bot_username.empty()) {
    if (auto why = bad_bot_username(bot_username)) r.fail("telegram.bot_username", *why);
  }
  if (tg.enabled && tg.mode == TelegramMode::kWebhook && tg.public_url.empty()) {
    r.fail("telegram.public_url",
           "is required when telegram is enabled in webhook mode: the https:// address at which "
           "Telegram reaches this service (or set mode = \"polling\")");
  }
}

// --- [signal] ---

// Why `account` is not an E.164 number ("+" then 8 to 15 digits), or nullopt.
std::optional<std::string> bad_signal_account(std::string_view account) {
  const bool digits = account.size() >= 9 && account.size() <= 16 && account.front() == '+' &&
                      account[1] != '0' &&
                      std::all_of(account.begin() + 1, account.end(),
                                  [](char ch) { return ch >= '0' && ch <= '9'; });
  if (digits) return std::nullopt;
  return std::string("must be the bot's Signal number in E.164 form: + and country code, "
                     "no spaces, like \"+32470123456\"");
}

// Why the signal-cli daemon's base URL is unusable, or nullopt.
std::optional<std::string> bad_signal_rpc_url(std::string_view url) {
  const Result<Url> parsed = parse_url(url);
  if (!parsed.ok()) return parsed.error().message;
  if (parsed->scheme != "http") {
    return std::string("must start with http://: signal-cli's daemon speaks plain HTTP; run it "
                       "on loopback (--http 127.0.0.1:8081) next to Noodbel");
  }
  if (parsed->target != "/") {
    return std::string("must be the daemon's base URL without a path, like "
                       "\"http://127.0.0.1:8081\" (Noodbel adds /api/v1/...)");
  }
  if (!is_loopback_host(parsed->host)) {
    return fmt::format(
        "must point at a loopback address (127.0.0.1, ::1 or localhost): "
        "signal-cli's daemon has neither TLS nor a password, so run it next to "
        "Noodbel (--http 127.0.0.1:8081); got {}",
        url_origin(url));
  }
  return std::nullopt;
}

void read_signal(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "signal");
  if (!t) return;
  SignalConfig& sg = c.signal;
  r.only_keys(*t, "signal", {"enabled", "account", "rpc_url", "messages_per_second",
                             "reconnect_min_seconds", "reconnect_max_seconds"});
  r.boolean(*t, "signal", "enabled", sg.enabled);
  r.text(*t, "signal", "account", sg.account);
  if (!sg.account.empty()) {
    if (auto why = bad_signal_account(sg.account)) r.fail("signal.account", *why);
  }
  r.text(*t, "signal", "rpc_url", sg.rpc_url);
  strip_trailing_slashes(sg.rpc_url);
  if (auto why = bad_signal_rpc_url(sg.rpc_url)) r.fail("signal.rpc_url", *why);
  r.integer(*t, "signal", "messages_per_second", 1, 50, sg.messages_per_second);
  r.integer(*t, "signal", "reconnect_min_seconds", 1, 3600, sg.reconnect_min_seconds);
  r.integer(*t, "signal", "reconnect_max_seconds", 1, 3600, sg.reconnect_max_seconds);
  if (sg.reconnect_max_seconds < sg.reconnect_min_seconds) {
    r.fail("signal.reconnect_max_seconds",
           fmt::format("must be at least reconnect_min_seconds ({})", sg.reconnect_min_seconds));
  }
  if (sg.enabled && sg.account.empty()) {
    r.fail("signal.account",
           "is required when signal is enabled: the number signal-cli is registered or linked "
           "with, like \"+32470123456\"");
  }
}

// --- [twilio], [kannel], [sms] ---

bool is_hex_id(std::string_view s, std::string_view prefix) {
  return s.size() == prefix.size() + 32 && s.substr(0, prefix.size()) == prefix &&
         std::all_of(s.begin() + static_cast<std::ptrdiff_t>(prefix.size()), s.end(),
                     [](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)) != 0; });
}

// Why an http(s) URL for an SMS provider is unusable, or nullopt.
std::optional<std::string> bad_sms_url(std::string_view url, bool allow_query) {
  const Result<Url> parsed = parse_url(url);
  if (!parsed.ok()) return parsed.error().message;
  if (url.find('#') != std::string_view::npos ||
      (!allow_query && url.find('?') != std::string_view::npos)) {
    return std::string(allow_query ? "must not hold a fragment (#)"
                                   : "must not hold a query (?) or fragment (#)");
  }
  return std::nullopt;
}

// Why a Kannel webhook secret is unusable: it is a URL path segment, so plain characters.
std::optional<std::string> bad_kannel_secret(std::string_view secret) {
  if (secret.size() >= 16 && secret.size() <= 256 &&
      std::all_of(secret.begin(), secret.end(), is_secret_char)) {
    return std::nullopt;
  }
  return fmt::format("must be 16 to 256 of A-Z, a-z, 0-9, _ and - (it is {} characters long); "
                     "e.g. the output of `openssl rand -hex 32`",
                     secret.size());
}

bool is_ip_address(const std::string& s) {
  unsigned char buf[sizeof(in6_addr)];
  return inet_pton(AF_INET, s.c_str(), buf) == 1 || inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

void read_twilio(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "twilio");
  if (!t) return;
  TwilioConfig& tw = c.twilio;
  r.only_keys(*t, "twilio", {"enabled", "account_sid", "auth_token", "from",
                             "messaging_service_sid", "api_base_url", "public_url",
                             "status_callback"});
  r.boolean(*t, "twilio", "enabled", tw.enabled);
  r.text(*t, "twilio", "account_sid", tw.account_sid);
  if (!tw.account_sid.empty() && !is_hex_id(tw.account_sid, "AC")) {
    r.fail("twilio.account_sid", "must be \"AC\" followed by 32 hex digits: copy the Account SID "
                                 "from the Twilio console");
  }
  r.text(*t, "twilio", "auth_token", tw.auth_token);
  if (!tw.auth_token.empty() && tw.auth_token.size() < 16) {
    r.fail("twilio.auth_token", "is too short for a Twilio auth token: copy it from the console, "
                                "or set NOODBEL_TWILIO_AUTH_TOKEN");
  }
  r.text(*t, "twilio", "from", tw.from);
  r.text(*t, "twilio", "messaging_service_sid", tw.messaging_service_sid);
  if (!tw.messaging_service_sid.empty() && !is_hex_id(tw.messaging_service_sid, "MG")) {
    r.fail("twilio.messaging_service_sid", "must be \"MG\" followed by 32 hex digits");
  }
  if (!tw.from.empty() && !tw.messaging_service_sid.empty()) {
    r.fail("twilio.from", "set either from or messaging_service_sid, not both");
  }
  r.text(*t, "twilio", "api_base_url", tw.api_base_url);
  if (auto why = bad_sms_url(tw.api_base_url, false)) r.fail("twilio.api_base_url", *why);
  require_tls(r, "twilio.api_base_url", tw.api_base_url, "a local API stub");
  strip_trailing_slashes(tw.api_base_url);
  r.text(*t, "twilio", "public_url", tw.public_url);
  if (!tw.public_url.empty()) {
    if (auto why = bad_sms_url(tw.public_url, true)) r.fail("twilio.public_url", *why);
  }
  r.text(*t, "twilio", "status_callback", tw.status_callback);
  if (!tw.status_callback.empty()) {
    if (auto why = bad_sms_url(tw.status_callback, true)) r.fail("twilio.status_callback", *why);
    const std::string base = tw.public_url.substr(0, tw.public_url.find('?'));
    if (tw.status_callback.rfind(base, 0) != 0 ||
        (tw.status_callback.size() > base.size() && tw.status_callback[base.size()] != '?')) {
      r.fail("twilio.status_callback",
             "must be public_url, optionally with a query (\"?...\"): Twilio signs status "
             "callbacks with that URL and Noodbel checks them against public_url");
    }
  }
  if (!tw.enabled) return;
  if (tw.account_sid.empty()) r.fail("twilio.account_sid", "is required when twilio is enabled");
  if (tw.from.empty() && tw.messaging_service_sid.empty()) {
    r.fail("twilio.from", "is required when twilio is enabled (or set messaging_service_sid)");
  }
  if (tw.public_url.empty()) {
    r.fail("twilio.public_url",
           "is required when twilio is enabled: the full URL at which Twilio reaches "
           "/webhooks/twilio, e.g. \"https://noodbel.example.be/webhooks/twilio\"");
  }
}

void read_kannel(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "kannel");
  if (!t) return;
  KannelConfig& kn = c.kannel;
  r.only_keys(*t, "kannel", {"enabled", "sendsms_url", "username", "password", "from", "dlr_url",
                             "webhook_secret", "allowed_sources"});
  r.boolean(*t, "kannel", "enabled", kn.enabled);
  r.text(*t, "kannel", "sendsms_url", kn.sendsms_url);
  if (auto why = bad_sms_url(kn.sendsms_url, false)) r.fail("kannel.sendsms_url", *why);
  require_tls(r, "kannel.sendsms_url", kn.sendsms_url, "an smsbox on this machine");
  r.text(*t, "kannel", "username", kn.username);
  r.text(*t, "kannel", "password", kn.password);
  r.text(*t, "kannel", "from", kn.from, /*allow_empty=*/true);
  r.text(*t, "kannel", "dlr_url", kn.dlr_url, /*allow_empty=*/true);
  if (!kn.dlr_url.empty()) {
    if (auto why = bad_sms_url(kn.dlr_url, false)) r.fail("kannel.dlr_url", *why);
  }
  require_tls(r, "kannel.dlr_url", kn.dlr_url, "an smsbox on this machine");
  strip_trailing_slashes(kn.dlr_url);
  r.text(*t, "kannel", "webhook_secret", kn.webhook_secret);
  if (!kn.webhook_secret.empty()) {
    if (auto why = bad_kannel_secret(kn.webhook_secret)) r.fail("kannel.webhook_secret", *why);
  }
  if (const toml::node* n = t->get("allowed_sources")) {
    const toml::array* list = n->as_array();
    std::vector<std::string> sources;
    for (std::size_t i = 0; list != nullptr && i < list->size(); ++i) {
      const auto ip = list->get(i)->value_exact<std::string>();
      if (!ip || !is_ip_address(*ip)) {
        r.fail("kannel.allowed_sources",
               fmt::format("entry {} is not an IP address in double quotes, like \"127.0.0.1\"",
                           i + 1));
        break;
      }
      sources.push_back(*ip);
    }
    if (list == nullptr || list->empty()) {
      r.fail("kannel.allowed_sources",
             "must be a non-empty list of the IP addresses Kannel's smsbox calls from, like "
             "[\"127.0.0.1\"]");
    }
    kn.allowed_sources = std::move(sources);
  }
  if (kn.enabled && kn.username.empty()) {
    r.fail("kannel.username", "is required when kannel is enabled: a sendsms-user of smsbox");
  }
}

// Why a [web] secret is unusable: it signs board and digest links (HMAC-SHA256).
std::optional<std::string> bad_web_secret(std::string_view secret) {
  if (secret.size() < 32) {
    return fmt::format("is {} characters long; use at least 32 random characters, e.g. the "
                       "output of `openssl rand -hex 32`",
                       secret.size());
  }
  return std::nullopt;
}

// Why a [web] secret may not be used with this configuration: the public demo secret
// outside the sandbox. Needs [sandbox] read first.
std::optional<std::string> demo_secret_outside_sandbox(std::string_view secret,
                                                       const Config& c) {
  if (c.core.sandbox.enabled || !secret.starts_with(kDemoSecretPrefix)) return std::nullopt;
  return "is the public demo secret of config/demo.toml, which only works with the sandbox "
         "on ([sandbox] enabled = true): anyone could sign board and digest links with it. "
         "Set a secret of your own, e.g. the output of `openssl rand -hex 32`";
}

// [web]: the signed links of the live board and the HTML digest.
void read_web(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "web");
  if (!t) return;
  r.only_keys(*t, "web", {"public_url", "secret", "board_link_hours", "digest_link_days"});
  WebConfig& w = c.web;
  r.text(*t, "web", "public_url", w.public_url);
  if (!w.public_url.empty()) {
    const bool http = w.public_url.starts_with("http://") || w.public_url.starts_with("https://");
    if (!http) {
      r.fail("web.public_url", "must start with http:// or https://, e.g. "
                               "\"https://noodbel.example.be\" (the address people open)");
    } else if (auto why = bad_base_url(w.public_url, false)) {
      r.fail("web.public_url", *why);
    }
  }
  r.text(*t, "web", "secret", w.secret);
  if (!w.secret.empty()) {
    if (auto why = bad_web_secret(w.secret)) r.fail("web.secret", *why);
    if (auto why = demo_secret_outside_sandbox(w.secret, c)) r.fail("web.secret", *why);
  }
  r.integer(*t, "web", "board_link_hours", 1, 168, w.board_link_hours);
  r.integer(*t, "web", "digest_link_days", 1, 90, w.digest_link_days);
}

// [dispatch]: retries and failover of the outbox dispatcher.
void read_dispatch(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "dispatch");
  if (!t) return;
  DispatchConfig& d = c.dispatch;
  r.only_keys(*t, "dispatch",
              {"failover_after_attempts", "max_attempts", "backoff_base_seconds",
               "backoff_cap_seconds", "backoff_jitter_percent", "lease_seconds"});
  r.integer(*t, "dispatch", "failover_after_attempts", 0, 100, d.failover_after_attempts);
  r.integer(*t, "dispatch", "max_attempts", 1, 100, d.max_attempts);
  r.integer(*t, "dispatch", "backoff_base_seconds", 1, 3600, d.backoff_base_seconds);
  r.integer(*t, "dispatch", "backoff_cap_seconds", 1, 24 * 3600, d.backoff_cap_seconds);
  r.integer(*t, "dispatch", "backoff_jitter_percent", 0, 100, d.backoff_jitter_percent);
  r.integer(*t, "dispatch", "lease_seconds", 60, 24 * 3600, d.lease_seconds);
  if (r.failed()) return;
  if (d.backoff_cap_seconds < d.backoff_base_seconds) {
    r.fail("dispatch.backoff_cap_seconds",
           fmt::format("must be at least backoff_base_seconds ({}), got {}",
                       d.backoff_base_seconds, d.backoff_cap_seconds));
  }
  if (d.failover_after_attempts > d.max_attempts) {
    r.fail("dispatch.failover_after_attempts",
           fmt::format("must not exceed max_attempts ({}), got {}: a message would give up "
                       "before it is handed to the next contact; use 0 to fail over only "
                       "after permanent errors",
                       d.max_attempts, d.failover_after_attempts));
  }
}

// [sms]; runs after [twilio] and [kannel] so the provider can default to the enabled one.
void read_sms(Reader& r, const toml::table& root, Config& c) {
  std::string provider;
  if (const toml::table* t = r.section(root, "sms")) {
    r.only_keys(*t, "sms", {"provider", "messages_per_second"});
    r.text(*t, "sms", "provider", provider);
    r.integer(*t, "sms", "messages_per_second", 1, 1000, c.sms.messages_per_second);
  }
  if (provider.empty()) {
    if (c.twilio.enabled && c.kannel.enabled) {
      return r.fail("sms.provider", "is required when both [twilio] and [kannel] are enabled: "
                                    "\"twilio\" or \"kannel\" sends the SMS");
    }
    c.sms.provider = c.twilio.enabled   ? SmsProvider::kTwilio
                     : c.kannel.enabled ? SmsProvider::kKannel
                                        : SmsProvider::kNone;
    return;
  }
  if (provider == "twilio" && c.twilio.enabled) {
    c.sms.provider = SmsProvider::kTwilio;
  } else if (provider == "kannel" && c.kannel.enabled) {
    c.sms.provider = SmsProvider::kKannel;
  } else if (provider == "twilio" || provider == "kannel") {
    r.fail("sms.provider", fmt::format("is \"{0}\" but [{0}] is not enabled: set enabled = true "
                                       "in [{0}]",
                                       provider));
  } else if (provider == "none") {
    c.sms.provider = SmsProvider::kNone;
  } else {
    r.fail("sms.provider", "must be \"twilio\", \"kannel\" or \"none\"");
  }
}

// NOODBEL_TWILIO_AUTH_TOKEN, NOODBEL_KANNEL_PASSWORD and NOODBEL_KANNEL_SECRET.
Status apply_sms_secret_env(Config& config,
                            const std::function<const char*(const char*)>& getenv) {
  if (const char* v = getenv("NOODBEL_TWILIO_AUTH_TOKEN"); v != nullptr && *v != '\0') {
    if (std::string_view(v).size() < 16) {
      return Error::Invalid("environment variable NOODBEL_TWILIO_AUTH_TOKEN is too short for a "
                            "Twilio auth token: copy it from the Twilio console");
    }
    config.twilio.auth_token = v;
  }
  if (const char* v = getenv("NOODBEL_KANNEL_PASSWORD"); v != nullptr && *v != '\0') {
    config.kannel.password = v;
  }
  if (const char* v = getenv("NOODBEL_KANNEL_SECRET"); v != nullptr && *v != '\0') {
    if (auto why = bad_kannel_secret(v)) {
      return Error::Invalid(fmt::format("environment variable NOODBEL_KANNEL_SECRET {}", *why));
    }
    config.kannel.webhook_secret = v;
  }
  return Ok();
}

// No secret of the file may be a value printed in the shipped examples (example_secrets.h).
// Runs last, after [sandbox].
void check_example_secrets(Reader& r, const Config& c) {
  for (const SecretKey& key : secret_keys()) {
    const std::string& value = key.value(c);
    if (value.empty()) continue;
    if (auto why = example_secret_problem(key, value, c.core.sandbox.enabled)) {
      r.fail(key.key, *why);
    }
  }
}

// The same for the secrets given in the environment.
Status check_example_secret_env(const Config& config,
                                const std::function<const char*(const char*)>& getenv) {
  for (const SecretKey& key : secret_keys()) {
    const std::string name(key.env);
    const char* value = getenv(name.c_str());
    if (value == nullptr || *value == '\0') continue;
    if (auto why = example_secret_problem(key, value, config.core.sandbox.enabled)) {
      return Error::Invalid(fmt::format("environment variable {} {}", name, *why));
    }
  }
  return Ok();
}

// NOODBEL_SLASH_WEBHOOK_<SERVICE> supplies or overrides [slash.webhooks] <service>.
Status apply_slash_webhook_env(Config& config,
                               const std::function<const char*(const char*)>& getenv) {
  for (const ServiceConfig& service : config.core.services) {
    const std::string name = slash_webhook_env(service.id);
    const char* value = getenv(name.c_str());
    if (value == nullptr || *value == '\0') continue;
    if (auto why = bad_push_url(value)) {
      return Error::Invalid(fmt::format("environment variable {} {}", name, *why));
    }
    config.slash.webhooks[service.id] = value;
  }
  return Ok();
}

}  // namespace

Config default_config() {
  Config c;
  c.source = "(built-in defaults)";
  c.data_dir = default_data_dir();
  c.core.services = default_services();
  return c;
}

Result<Config> parse_config(std::string_view toml_text, const std::string& source) {
  toml::table root;
  try {
    root = toml::parse(toml_text, source);
  } catch (const toml::parse_error& e) {
    return Error::Invalid(fmt::format("{}:{}:{}: {}", source, e.source().begin.line,
                                      e.source().begin.column, e.description()));
  }
  Config c = default_config();
  c.source = source;
  Reader r(source);
  r.only_keys(root, "", {"telegram", "general", "database", "paths", "http", "calls", "sandbox", "slash",
                         "log", "services", "digest", "board", "twilio", "kannel", "sms", "signal",
                         "retention", "web", "dispatch", "scheduler"});
  read_general(r, root, c);
  read_paths(r, root, c);
  read_http(r, root, c);
  read_calls(r, root, c);
  read_board(r, root, c);
  read_sandbox_and_log(r, root, c);
  read_digest(r, root, c);
  read_retention(r, root, c);
  read_slash(r, root, c);
  read_services(r, root, c);
  check_slash_webhook_services(r, c);
  read_telegram(r, root, c);
  read_twilio(r, root, c);
  read_kannel(r, root, c);
  read_sms(r, root, c);
  read_signal(r, root, c);
  read_web(r, root, c);
  read_dispatch(r, root, c);
  check_example_secrets(r, c);
  if (r.failed()) return r.error();
  return c;
}

Result<Config> load_config_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::Invalid(fmt::format(
        "{}: cannot read the configuration file; check the path (see config/example.toml)",
        path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), path);
}

Result<Config> resolve_config(const std::optional<std::string>& config_flag,
                              const std::optional<std::string>& db_flag) {
  std::optional<std::string> path = config_flag;
  if (!path) {
    if (const char* env = std::getenv("NOODBEL_CONFIG"); env && *env) path = std::string(env);
  }
  Result<Config> config = path ? load_config_file(*path) : Result<Config>(default_config());
  if (!config.ok()) return config;
  if (db_flag) config->db_path = *db_flag;
  if (Status s = apply_secret_env(*config, std::getenv); !s.ok()) return s.error();
  return config;
}

Status apply_secret_env(Config& config, const std::function<const char*(const char*)>& getenv) {
  for (const auto& [name, target] :
       {std::pair{"NOODBEL_SLACK_SIGNING_SECRET", &config.slash.signing_secret},
        std::pair{"NOODBEL_MATTERMOST_TOKEN", &config.slash.mattermost_token}}) {
    const char* value = getenv(name);
    if (value == nullptr || *value == '\0') continue;
    if (auto why = weak_secret(value)) {
      return Error::Invalid(fmt::format("environment variable {} {}", name, *why));
    }
    *target = value;
  }
  if (const char* token = getenv("NOODBEL_METRICS_TOKEN"); token != nullptr && *token != '\0') {
    if (auto why = short_metrics_token(token)) {
      return Error::Invalid(fmt::format("environment variable NOODBEL_METRICS_TOKEN {}", *why));
    }
    config.http.metrics_token = token;
  }
  if (const char* token = getenv("NOODBEL_TELEGRAM_TOKEN"); token != nullptr && *token != '\0') {
    if (auto why = bad_telegram_token(token)) {
      return Error::Invalid(fmt::format("environment variable NOODBEL_TELEGRAM_TOKEN {}", *why));
    }
    config.telegram.token = token;
  }
  if (const char* secret = getenv("NOODBEL_TELEGRAM_WEBHOOK_SECRET");
      secret != nullptr && *secret != '\0') {
    if (auto why = bad_webhook_secret(secret)) {
      return Error::Invalid(
          fmt::format("environment variable NOODBEL_TELEGRAM_WEBHOOK_SECRET {}", *why));
    }
    config.telegram.webhook_secret = secret;
  }
  if (Status s = apply_slash_webhook_env(config, getenv); !s.ok()) return s;
  if (const char* secret = getenv("NOODBEL_WEB_SECRET"); secret != nullptr && *secret != '\0') {
    if (auto why = bad_web_secret(secret)) {
      return Error::Invalid(fmt::format("environment variable NOODBEL_WEB_SECRET {}", *why));
    }
    if (auto why = demo_secret_outside_sandbox(secret, config)) {
      return Error::Invalid(fmt::format("environment variable NOODBEL_WEB_SECRET {}", *why));
    }
    config.web.secret = secret;
  }
  if (Status s = apply_sms_secret_env(config, getenv); !s.ok()) return s;
  return check_example_secret_env(config, getenv);
}

}  // namespace noodbel
