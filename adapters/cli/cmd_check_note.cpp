// `noodbel check-note`: one note on stdin, the anonymization guard's findings as one JSON
// object on stdout. Exit 0 clean, 1 refused, 2 usage (too long, not UTF-8, data missing).
#include <fmt/format.h>

#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "adapters/cli/cli.h"
#include "adapters/cli/cmd_common.h"
#include "adapters/data/guard_loader.h"
#include "adapters/data/postcodes_loader.h"
#include "bot/guard/anonymization_guard.h"
#include "bot/postcodes.h"
#include "bot/text_normalize.h"

namespace noodbel::cli {
namespace {

constexpr std::size_t kMaxNoteCharacters = 2000;

// The note without the line break(s) that `echo` and editors add; offsets are unchanged.
std::string read_note(std::istream& in) {
  std::string note{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  while (!note.empty() && (note.back() == '\n' || note.back() == '\r')) note.pop_back();
  return note;
}

// An error for a note the guard must not judge, or nothing when it may.
std::optional<std::string> note_problem(const std::string& note) {
  if (const std::size_t bad = first_invalid_utf8(note); bad != note.size()) {
    return fmt::format("the note is not valid UTF-8 (byte {}): save or pipe it as UTF-8 text", bad);
  }
  if (const std::size_t n = count_code_points(note); n > kMaxNoteCharacters) {
    return fmt::format("the note has {} characters, the limit is {}: shorten it", n,
                       kMaxNoteCharacters);
  }
  return std::nullopt;
}

nlohmann::ordered_json to_json(const std::vector<Finding>& findings) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Finding& f : findings) {
    list.push_back({{"kind", std::string(to_string(f.kind))},
                    {"text", f.text},
                    {"start", f.start},
                    {"end", f.end}});
  }
  return {{"ok", findings.empty()}, {"findings", std::move(list)}};
}

}  // namespace

int cmd_check_note(const std::string& data_dir) {
  const std::string note = read_note(std::cin);
  if (const auto problem = note_problem(note)) {
    report(Error::Invalid(*problem));
    return kExitUsage;
  }
  const auto postcodes = load_postcodes(data_dir + "/config/be-postcodes.csv");
  if (!postcodes.ok()) {
    report(postcodes.error());
    return kExitUsage;
  }
  const auto guard = load_guard(guard_files(data_dir), *postcodes);
  if (!guard.ok()) {
    report(guard.error());
    return kExitUsage;
  }
  const std::vector<Finding> findings = guard->check(note);
  std::cout << to_json(findings).dump(-1, ' ', false,
                                      nlohmann::ordered_json::error_handler_t::replace)
            << "\n";
  return findings.empty() ? kExitOk : kExitRefused;
}

}  // namespace noodbel::cli
