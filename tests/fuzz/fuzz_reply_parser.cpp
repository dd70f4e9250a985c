// Fuzz target: the family reply parser (bot/reply_parser.h).
// Input: first line = today as YYYY-MM-DD (or "#" + 3 bytes for an arbitrary, maybe
// invalid, year/month/day), the rest = the family's message.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bot/reply_parser.h"
#include "fuzz_support.h"

namespace {

using namespace noodbel;

noodbel::ReplyContext context_from(std::string_view line) {
  if (auto iso = reply_context_from_iso(line)) return *iso;
  ReplyContext ctx;
  if (line.size() >= 4 && line[0] == '#') {
    ctx.year = 1990 + static_cast<unsigned char>(line[1]) % 120;
    ctx.month = static_cast<unsigned char>(line[2]) % 14;  // 0 and 13: invalid on purpose
    ctx.day = static_cast<unsigned char>(line[3]) % 33;
  }
  return ctx;
}

bool is_intent(Intent i) {
  const std::string_view s = to_string(i);
  for (const char* name : {"yes", "no", "maybe", "stop", "start", "pause", "resume", "status",
                           "help", "distance", "unknown"}) {
    if (s == name) return true;
  }
  return false;
}

void check(const ParsedReply& r, std::string_view text) {
  FUZZ_CHECK(is_intent(r.intent));
  if (r.call_code) FUZZ_CHECK(is_call_code(*r.call_code));
  if (r.until) {
    FUZZ_CHECK(r.until->size() == 10);
    FUZZ_CHECK(reply_context_from_iso(*r.until).has_value());
  }
  if (r.km) {
    FUZZ_CHECK(r.intent == Intent::kDistance);
    FUZZ_CHECK(*r.km >= 0 && *r.km <= 9999);
  }
  if (r.note && fuzz::utf8_ok(text)) FUZZ_CHECK(fuzz::utf8_ok(*r.note));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest = fuzz::as_view(data, size);
  const ReplyContext ctx = context_from(fuzz::take_line(rest));
  const ParsedReply r = parse_reply(rest, ctx);
  check(r, rest);
  const ParsedReply again = parse_reply(rest, ctx);  // pure: same text, same answer
  FUZZ_CHECK(again.intent == r.intent && again.call_code == r.call_code &&
             again.until == r.until && again.km == r.km && again.note == r.note);
  const ParsedReply no_today = parse_reply(rest);
  check(no_today, rest);
  // Unknown today: a date without its year cannot be resolved; the intent does not change.
  FUZZ_CHECK(no_today.intent == r.intent);
  return 0;
}
