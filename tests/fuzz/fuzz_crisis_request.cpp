// Fuzz target: a caseworker's command text, split by parse_command (bot/commands.h), and
// the arguments of /crisis (bot/crisis_request.h).
// Input: first line = "now" as Unix seconds (clamped to 2000..2100) and an optional
// default language ("1795435200 fr"), the rest = the message ("/crisis leeftijd=4 ...").
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/data/postcodes_loader.h"
#include "bot/commands.h"
#include "bot/crisis_request.h"
#include "bot/postcodes.h"
#include "fuzz_local_zone.h"  // keep: defines LLVMFuzzerInitialize (installs the time zone)
#include "fuzz_support.h"
#include "support/paths/source_paths.h"

namespace {

using namespace noodbel;

constexpr UnixTime kYear2000 = 946684800;
constexpr UnixTime kYear2100 = 4102444800;
constexpr UnixTime kMaxAhead = 184 * 86400;  // "at most about six months ahead", plus a day

const Postcodes& postcodes() {
  static const Postcodes p = [] {
    auto loaded = load_postcodes(noodbel::testing::source_dir() + "/config/be-postcodes.csv");
    FUZZ_CHECK(loaded.ok());
    return std::move(loaded).value();
  }();
  return p;
}

void check_command(const ParsedCommand& c) {
  FUZZ_CHECK(c.word.find('@') == std::string::npos);
  FUZZ_CHECK(std::none_of(c.word.begin(), c.word.end(),
                          [](char ch) { return ch >= 'A' && ch <= 'Z'; }));
  if (!c.args.empty()) {
    FUZZ_CHECK(!std::isspace(static_cast<unsigned char>(c.args.front())));
    FUZZ_CHECK(!std::isspace(static_cast<unsigned char>(c.args.back())));
  }
}

bool known_reason(std::string_view r) {
  for (const char* name : {"missing_age", "missing_place", "bad_age", "bad_place", "bad_language",
                           "bad_duration", "bad_from", "bad_wave", "unknown_key", "duplicate_key"}) {
    if (r == name) return true;
  }
  return false;
}

void check_request(const Result<CrisisRequest>& r, std::string_view args, UnixTime now) {
  if (!r.ok()) {
    FUZZ_CHECK(r.error().kind == ErrorKind::kInvalidInput);
    FUZZ_CHECK(known_reason(crisis_error_reason(r.error())));
    // The offending value is quoted from the arguments as typed.
    FUZZ_CHECK(args.find(crisis_error_value(r.error())) != std::string_view::npos);
    return;
  }
  const CrisisRequest& req = r.value();
  FUZZ_CHECK(!req.ages_months.empty() && req.ages_months.size() <= 10);
  for (const int m : req.ages_months) FUZZ_CHECK(m >= 0 && m <= 17 * 12);
  FUZZ_CHECK(!req.languages.empty() && req.languages.size() <= 3);
  FUZZ_CHECK(req.duration_hours >= 1 && req.duration_hours <= 8 * 7 * 24);
  FUZZ_CHECK(req.needed_from >= now && req.needed_from <= now + kMaxAhead);
  if (req.wave_size) FUZZ_CHECK(*req.wave_size >= 1 && *req.wave_size <= 500);
  FUZZ_CHECK(postcodes().by_postcode(req.place.postcode).has_value());
  FUZZ_CHECK(req.note.size() <= args.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest = fuzz::as_view(data, size);
  std::string_view line = fuzz::take_line(rest);
  UnixTime now = 1795435200;  // 2026-11-23 10:00 Brussels
  UnixTime parsed = 0;
  const auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), parsed);
  if (ec == std::errc()) now = std::clamp(parsed, kYear2000, kYear2100);
  line.remove_prefix(static_cast<std::size_t>(end - line.data()));
  while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  const Language lang = language_from_string(line).value_or(Language::kNl);

  const ParsedCommand command = parse_command(rest);
  check_command(command);
  if (command.kind == CommandKind::kCrisis) {
    check_request(parse_crisis_request(command.args, postcodes(), now, lang), command.args, now);
  }
  check_request(parse_crisis_request(rest, postcodes(), now, lang), rest, now);
  return 0;
}
