// `noodbel parse-reply [--lang nl|fr|en] [--today YYYY-MM-DD]`: one family message per
// stdin line, one JSON object per stdout line, in order.
#include <iostream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "adapters/cli/commands.h"
#include "bot/clock.h"
#include "bot/local_time.h"
#include "bot/reply_parser.h"

namespace noodbel::cli {
namespace {

// Keys print in the documented order: intent, call, until, km, note.
using Json = nlohmann::ordered_json;

template <typename T>
Json or_null(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

// The date relative dates count from: --today, or the current Europe/Brussels date.
std::optional<ReplyContext> today_or_report(const std::optional<std::string>& today) {
  if (!today) {
    const LocalDateTime now = to_local(SystemClock().now());
    return ReplyContext{now.year, now.month, now.day};
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
int cmd_parse_reply(const std::string& /*lang*/, const std::optional<std::string>& today) {
  const std::optional<ReplyContext> ctx = today_or_report(today);
  if (!ctx) return kExitUsage;
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const ParsedReply r = parse_reply(line, *ctx);
    const Json out = {{"intent", std::string(to_string(r.intent))},
                                {"call", or_null(r.call_code)},
                                {"until", or_null(r.until)},
                                {"km", or_null(r.km)},
                                {"note", or_null(r.note)}};
    std::cout << out.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
  }
  return kExitOk;
}

}  // namespace noodbel::cli
