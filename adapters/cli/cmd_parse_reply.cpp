// `noodbel parse-reply [--config FILE] [--lang nl|fr|en] [--today YYYY-MM-DD | --now "YYYY-MM-DD
// HH:MM"]`: one family message per stdin line, one JSON object per stdout line, in order; the
// lexicon is read from the data folder of the configuration.
#include <iostream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "adapters/cli/cmd_common.h"
#include "adapters/cli/commands.h"
#include "adapters/data/reply_lexicon_loader.h"
#include "bot/clock.h"
#include "bot/local_time.h"
#include "bot/reply/parser.h"

namespace noodbel::cli {
namespace {

// Keys print in the documented order: intent, call, until, km, note, conditions.
using Json = nlohmann::ordered_json;

template <typename T>
Json or_null(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

// A condition: its kind, the family's words, and only the values that are set.
Json condition_json(const Condition& c) {
  Json out = {{"kind", std::string(to_string(c.kind))}, {"words", c.words}};
  const auto put = [&out](const char* key, const auto& value) {
    if (value) out[key] = *value;
  };
  put("nights", c.nights);
  put("last_day", c.last_day);
  put("from_day", c.from_day);
  put("from_minute", c.from_minute);
  put("in_minutes", c.in_minutes);
  put("min_age_months", c.min_age_months);
  put("max_age_months", c.max_age_months);
  put("max_children", c.max_children);
  return out;
}

// The moment relative dates and times count from: --now, --today (time unknown), or the
// current Europe/Brussels date and time.
std::optional<ReplyContext> context_or_report(const std::optional<std::string>& today,
                                              const std::optional<std::string>& now) {
  if (now) {
    std::optional<ReplyContext> ctx = reply_context_from_text(*now);
    if (!ctx || ctx->minute < 0) {
      std::cerr << "noodbel parse-reply: --now \"" << *now
                << "\" is not a date and time; write it as \"YYYY-MM-DD HH:MM\", e.g. --now \"2026-12-07 01:40\"\n";
      return std::nullopt;
    }
    return ctx;
  }
  if (!today) {
    const LocalDateTime local = to_local(SystemClock().now());
    return ReplyContext{local.year, local.month, local.day, local.minute_of_day};
  }
  std::optional<ReplyContext> ctx = reply_context_from_iso(*today);
  if (!ctx) {
    std::cerr << "noodbel parse-reply: --today \"" << *today
              << "\" is not a date; write it as YYYY-MM-DD, e.g. --today 2026-11-22\n";
  }
  return ctx;
}

}  // namespace

// The parser reads Dutch, French and English alike; `lang` is only a hint and unused.
int cmd_parse_reply(const std::string& data_dir, const std::string& /*lang*/,
                    const std::optional<std::string>& today,
                    const std::optional<std::string>& now) {
  if (today && now) {
    std::cerr << "noodbel parse-reply: give --today or --now, not both\n";
    return kExitUsage;
  }
  const std::optional<ReplyContext> ctx = context_or_report(today, now);
  if (!ctx) return kExitUsage;
  const Result<ReplyParser> parser = load_reply_parser(data_dir);
  if (!parser) {
    report(parser.error());
    return kExitUsage;
  }
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const ParsedReply r = parser->parse(line, *ctx);
    Json conditions = Json::array();
    for (const Condition& c : r.conditions) conditions.push_back(condition_json(c));
    const Json out = {{"intent", std::string(to_string(r.intent))},
                      {"call", or_null(r.call_code)},
                      {"until", or_null(r.until)},
                      {"km", or_null(r.km)},
                      {"note", or_null(r.note)},
                      {"conditions", std::move(conditions)}};
    std::cout << out.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
  }
  return kExitOk;
}

}  // namespace noodbel::cli
