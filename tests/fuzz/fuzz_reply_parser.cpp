// Fuzz target: the family reply parser (bot/reply/parser.h) with the shipped lexicon.
// Input: first line = today as YYYY-MM-DD or "YYYY-MM-DD HH:MM" (or "#" + 4 bytes for an
// arbitrary, maybe invalid, year/month/day/minute), the rest = the family's message.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/data/reply_lexicon_loader.h"
#include "bot/reply/parser.h"
#include "fuzz_support.h"
#include "support/paths/source_paths.h"

namespace {

using namespace noodbel;

const ReplyParser& parser() {
  static const ReplyParser* p = [] {
    auto loaded = load_reply_parser(noodbel::testing::source_dir());
    FUZZ_CHECK(loaded.ok());
    return new ReplyParser(std::move(loaded).value());
  }();
  return *p;
}

noodbel::ReplyContext context_from(std::string_view line) {
  if (auto parsed = reply_context_from_text(line)) return *parsed;
  ReplyContext ctx;
  if (line.size() >= 4 && line[0] == '#') {
    ctx.year = 1990 + static_cast<unsigned char>(line[1]) % 120;
    ctx.month = static_cast<unsigned char>(line[2]) % 14;  // 0 and 13: invalid on purpose
    ctx.day = static_cast<unsigned char>(line[3]) % 33;
  }
  if (line.size() >= 6 && line[0] == '#') {  // -1 .. 1500: unknown and invalid minutes too
    ctx.minute = (static_cast<unsigned char>(line[4]) * 256 + static_cast<unsigned char>(line[5])) % 1502 - 1;
  }
  return ctx;
}

bool is_intent(Intent i) {
  const std::string_view s = to_string(i);
  for (const char* name : {"yes", "no", "maybe", "stop", "start", "pause", "resume", "status",
                           "help", "distance", "call_me", "unknown"}) {
    if (s == name) return true;
  }
  return false;
}

bool in_range(const std::optional<int>& v, int lo, int hi) { return !v || (*v >= lo && *v <= hi); }

bool is_day(const std::optional<std::string>& d) {
  return !d || (d->size() == 10 && reply_context_from_iso(*d).has_value());
}

// Every condition quotes the message (valid UTF-8 when the message is) and holds values in
// sane ranges; only a yes or a maybe has conditions.
void check_conditions(const ParsedReply& r, std::string_view text) {
  if (r.intent != Intent::kYes && r.intent != Intent::kMaybe) FUZZ_CHECK(r.conditions.empty() && !r.note);
  for (const Condition& c : r.conditions) {
    FUZZ_CHECK(!c.words.empty());
    FUZZ_CHECK(text.find(c.words) != std::string_view::npos);
    if (fuzz::utf8_ok(text)) FUZZ_CHECK(fuzz::utf8_ok(c.words));
    FUZZ_CHECK(in_range(c.nights, 1, 366));
    FUZZ_CHECK(in_range(c.from_minute, 0, 1439));
    FUZZ_CHECK(in_range(c.in_minutes, 1, 1440));
    FUZZ_CHECK(in_range(c.min_age_months, 0, 217));
    FUZZ_CHECK(in_range(c.max_age_months, 0, 216));
    FUZZ_CHECK(!c.min_age_months || !c.max_age_months || *c.min_age_months <= *c.max_age_months);
    FUZZ_CHECK(in_range(c.max_children, 1, 10));
    FUZZ_CHECK(is_day(c.last_day) && is_day(c.from_day));
  }
  if (r.note) FUZZ_CHECK(text.find(*r.note) != std::string_view::npos);
}

void check(const ParsedReply& r, std::string_view text) {
  check_conditions(r, text);
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
  const ParsedReply r = parser().parse(rest, ctx);
  check(r, rest);
  const ParsedReply again = parser().parse(rest, ctx);  // pure: same text, same answer
  FUZZ_CHECK(again.intent == r.intent && again.call_code == r.call_code &&
             again.until == r.until && again.km == r.km && again.note == r.note &&
             again.conditions == r.conditions);
  const ParsedReply no_today = parser().parse(rest);
  check(no_today, rest);
  // Unknown today: a date without its year cannot be resolved; the intent does not change.
  FUZZ_CHECK(no_today.intent == r.intent);
  return 0;
}
