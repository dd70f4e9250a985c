#include "bot/reply/context.h"

#include "bot/local_time.h"
#include "bot/reply/normalize.h"

namespace noodbel {

std::optional<ReplyContext> reply_context_from_iso(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const int y = reply::to_number(s.substr(0, 4));
  const int m = s[5] == '-' || s[6] == '-' ? -1 : reply::to_number(s.substr(5, 2));
  const int d = s[8] == '-' || s[9] == '-' ? -1 : reply::to_number(s.substr(8, 2));
  if (y < 0 || m < 0 || d < 0 || !is_valid_date(y, m, d)) return std::nullopt;
  return ReplyContext{y, m, d};
}

std::optional<ReplyContext> reply_context_from_text(std::string_view s) {
  std::optional<ReplyContext> ctx = reply_context_from_iso(s.substr(0, 10));
  if (!ctx || s.size() == 10) return s.size() == 10 ? ctx : std::nullopt;
  if (s.size() != 16 || s[10] != ' ' || s[13] != ':') return std::nullopt;
  const int h = reply::to_number(s.substr(11, 2));
  const int m = reply::to_number(s.substr(14, 2));
  if (h < 0 || h > 23 || m < 0 || m > 59 || s[11] == '-' || s[14] == '-') return std::nullopt;
  ctx->minute = h * 60 + m;
  return ctx;
}

}  // namespace noodbel
