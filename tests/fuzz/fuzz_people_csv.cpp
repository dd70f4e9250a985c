// Fuzz target: the CSV reader (bot/csv.h) and the families / caseworkers import with its
// field parsers (bot/people_import.h).
// Input: the CSV file. Its first line is the header, so seeds are real import files; each
// field of each row is also fed to the field parsers (ages, availability, contacts, dates).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/data/postcodes_loader.h"
#include "bot/csv.h"
#include "bot/people_import.h"
#include "bot/postcodes.h"
#include "fuzz_local_zone.h"  // keep: defines LLVMFuzzerInitialize (installs the time zone)
#include "fuzz_support.h"
#include "support/paths/source_paths.h"

using namespace noodbel;

namespace {

const std::vector<std::string> kServices{"antwerpen", "limburg", "oost-vlaanderen",
                                         "west-vlaanderen", "vlaams-brabant-brussel"};

const Postcodes& postcodes() {
  static const Postcodes p = [] {
    auto loaded = load_postcodes(noodbel::testing::source_dir() + "/config/be-postcodes.csv");
    FUZZ_CHECK(loaded.ok());
    return std::move(loaded).value();
  }();
  return p;
}

void check_contacts(const std::vector<Contact>& contacts) {
  FUZZ_CHECK(!contacts.empty());
  for (const Contact& c : contacts) {
    FUZZ_CHECK(c.channel != Channel::kUnknown && !c.address.empty());
    if (c.channel == Channel::kSms || c.channel == Channel::kSignal) FUZZ_CHECK(c.address[0] == '+');
  }
}

void check_windows(const std::vector<WeeklyWindow>& windows) {
  for (const WeeklyWindow& w : windows) {
    FUZZ_CHECK(w.weekday >= 0 && w.weekday <= 6);
    FUZZ_CHECK(w.start_minute >= 0 && w.start_minute < w.end_minute && w.end_minute <= 1440);
  }
  FUZZ_CHECK(std::is_sorted(windows.begin(), windows.end(), [](const WeeklyWindow& a, const WeeklyWindow& b) {
    return std::pair(a.weekday, a.start_minute) < std::pair(b.weekday, b.start_minute);
  }));
}

void check_field_parsers(std::string_view field) {
  if (const auto age = parse_age_months(field); age.ok()) FUZZ_CHECK(*age >= 0 && *age <= 25 * 12);
  if (const auto windows = parse_availability(field); windows.ok()) check_windows(*windows);
  for (const ContactRules rules : {ContactRules::kFamily, ContactRules::kCaseworker}) {
    if (const auto contacts = parse_contacts(field, rules); contacts.ok()) check_contacts(*contacts);
  }
  (void)parse_local_date(field);  // any UnixTime; it must only not crash or trip UBSan
}

void check_issues(const std::vector<ImportIssue>& issues, int last_line) {
  for (const ImportIssue& i : issues) {
    FUZZ_CHECK(i.line >= 2 && i.line <= last_line);
    FUZZ_CHECK(!i.message.empty());
  }
}

// Line ends: LF, CRLF, or a lone CR.
int physical_lines(std::string_view text) {
  int lines = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++lines;
  }
  return lines;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_view(data, size);
  const Result<CsvTable> table = parse_csv(text);
  if (!table.ok()) {
    FUZZ_CHECK(table.error().kind == ErrorKind::kInvalidInput && !table.error().message.empty());
    FUZZ_CHECK(!parse_families_csv(text, postcodes(), kServices).ok());
    FUZZ_CHECK(!parse_caseworkers_csv(text, kServices).ok());
    return 0;
  }
  // Rows start on increasing physical lines; invalid UTF-8 never gets through.
  int last_line = 1;
  const int lines = physical_lines(text);
  for (const CsvRow& row : table->rows) {
    FUZZ_CHECK(row.line > last_line && row.line <= lines);
    last_line = row.line;
    for (const std::string& f : row.fields) {
      FUZZ_CHECK(fuzz::utf8_ok(f));
      if (size < 2048) check_field_parsers(f);
    }
  }
  for (const std::string& h : table->header) FUZZ_CHECK(fuzz::utf8_ok(h));

  if (const auto families = parse_families_csv(text, postcodes(), kServices); families.ok()) {
    FUZZ_CHECK(families->rows.size() <= table->rows.size());
    check_issues(families->issues, lines);
    for (const Family& f : families->rows) {
      FUZZ_CHECK(!f.id.empty());
      FUZZ_CHECK(std::find(kServices.begin(), kServices.end(), f.service) != kServices.end());
      FUZZ_CHECK(postcodes().by_postcode(f.postcode).has_value());
      FUZZ_CHECK(f.min_age_months <= f.max_age_months);
      FUZZ_CHECK(f.max_distance_km >= 0 && f.max_children >= 1);
      check_contacts(f.contacts);
      check_windows(f.availability);
    }
  }
  if (const auto workers = parse_caseworkers_csv(text, kServices); workers.ok()) {
    FUZZ_CHECK(workers->rows.size() <= table->rows.size());
    check_issues(workers->issues, lines);
    for (const Caseworker& c : workers->rows) {
      FUZZ_CHECK(!c.id.empty());
      check_contacts(c.contacts);
    }
  }
  return 0;
}
