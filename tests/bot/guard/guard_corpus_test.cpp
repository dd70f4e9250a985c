#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "bot/guard/anonymization_guard.h"
#include "bot/guard/guard_checks.h"
#include "bot/postcodes.h"
#include "support/paths/source_paths.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

using guard_checks::check;
using guard_checks::describe;

std::string source_path(const std::string& relative) {
  return noodbel::testing::source_dir() + "/" + relative;
}

struct CorpusNote {
  int line = 0;
  bool refuse = false;
  std::set<std::string> kinds;
  std::string text;
};

std::vector<CorpusNote> read_corpus() {
  std::ifstream file(source_path("tests/corpus/notes.tsv"));
  std::vector<CorpusNote> notes;
  int number = 0;
  for (std::string line; std::getline(file, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = line.find('\t', tab1 + 1);
    if (tab1 == std::string::npos || tab2 == std::string::npos) {
      ADD_FAILURE() << "notes.tsv line " << number << " lacks a column";
      continue;
    }
    CorpusNote note{number, line.substr(0, tab1) == "refuse", {}, line.substr(tab2 + 1)};
    std::stringstream kinds(line.substr(tab1 + 1, tab2 - tab1 - 1));
    for (std::string kind; std::getline(kinds, kind, ',');) {
      if (kind != "-") note.kinds.insert(kind);
    }
    notes.push_back(std::move(note));
  }
  return notes;
}

// A note for a failure report when this test binary is older than the guard's source. The
// corpus is read at run time: a binary left over from before the last change of the guard
// (its rebuild failed elsewhere, or another target was built) judges the new corpus with
// the old guard. Empty when the binary is current or its age cannot be read.
// The files the guard is built from: bot/guard/, config/guard/, the months and weekdays of
// config/lexicon/, the folding, the first names.
std::vector<std::filesystem::path> guard_sources() {
  std::vector<std::filesystem::path> files{
      source_path("bot/text_normalize.cpp"), source_path("config/first-names.txt"),
      source_path("config/lexicon/months.txt"), source_path("config/lexicon/weekdays.txt")};
  for (const char* folder : {"bot/guard", "config/guard"}) {
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(source_path(folder), error)) {
      files.push_back(entry.path());
    }
  }
  return files;
}

std::string stale_binary_hint() {
  std::error_code error;
  const auto built = std::filesystem::last_write_time("/proc/self/exe", error);
  if (error) return {};
  for (const std::filesystem::path& source : guard_sources()) {
    const auto changed = std::filesystem::last_write_time(source, error);
    if (!error && changed > built) {
      return "NOTE: this test binary is older than " + source.string() +
             ": it may not hold the current guard; rebuild it before reading these misses.\n";
    }
  }
  return {};
}

// The first names of config/first-names.txt and the place names of the postcode data, as
// AnonymizationGuard::parse reads them.
std::pair<std::vector<std::string>, std::vector<std::string>> shipped_lists() {
  std::vector<std::string> names;
  std::ifstream file(source_path("config/first-names.txt"));
  for (std::string line; std::getline(file, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') names.push_back(line);
  }
  std::vector<std::string> places;
  for (const Place& place : test_data::shipped_postcodes().places()) places.push_back(place.name);
  return {std::move(names), std::move(places)};
}

TEST(AnonymizationGuardCorpus, GivesTheSameFindingsWhateverTheOrderOfItsLists) {
  auto [names, places] = shipped_lists();
  ASSERT_GT(names.size(), 300u);
  ASSERT_GT(places.size(), 500u);
  const AnonymizationGuard in_order = test_data::guard_with(names, places);
  std::reverse(names.begin(), names.end());
  std::rotate(places.begin(), places.begin() + static_cast<std::ptrdiff_t>(places.size() / 3),
              places.end());
  std::reverse(places.begin(), places.end());
  const AnonymizationGuard reordered = test_data::guard_with(names, places);
  const AnonymizationGuard* shipped = &test_data::shipped_guard();
  for (const CorpusNote& note : read_corpus()) {
    const std::vector<Finding> expected = shipped->check(note.text);
    EXPECT_EQ(in_order.check(note.text), expected) << "line " << note.line << ": " << note.text;
    EXPECT_EQ(reordered.check(note.text), expected) << "line " << note.line << ": " << note.text;
  }
}

TEST(AnonymizationGuardCorpus, HoldsAtLeast150RealisticNotesOfBothSorts) {
  const std::vector<CorpusNote> notes = read_corpus();
  const auto refused =
      std::count_if(notes.begin(), notes.end(), [](const auto& n) { return n.refuse; });
  EXPECT_GE(notes.size(), 150u);
  EXPECT_GE(refused, 60);
  EXPECT_GE(static_cast<long>(notes.size()) - refused, 60);
  std::set<std::string> kinds;
  for (const auto& n : notes) kinds.insert(n.kinds.begin(), n.kinds.end());
  EXPECT_EQ(kinds, (std::set<std::string>{"phone", "email", "url", "national_id", "address",
                                          "birth_date", "name"}));
}

TEST(AnonymizationGuardCorpus, RefusesAtLeast97PercentOfPersonalDataAndAtMost5PercentOfCleanNotes) {
  int personal = 0, caught = 0, clean = 0, wrongly_refused = 0, right_kinds = 0;
  std::ostringstream misses;
  for (const CorpusNote& note : read_corpus()) {
    const std::vector<Finding> findings = check(note.text);
    std::set<std::string> kinds;
    for (const Finding& f : findings) kinds.insert(std::string(to_string(f.kind)));
    if (note.refuse) {
      ++personal;
      caught += findings.empty() ? 0 : 1;
      const bool all_kinds =
          std::includes(kinds.begin(), kinds.end(), note.kinds.begin(), note.kinds.end());
      right_kinds += all_kinds ? 1 : 0;
      if (!all_kinds)
        misses << "line " << note.line << " missed: " << note.text << " -> " << describe(findings)
               << "\n";
    } else {
      ++clean;
      wrongly_refused += findings.empty() ? 0 : 1;
      if (!findings.empty())
        misses << "line " << note.line << " refused: " << note.text << " -> " << describe(findings)
               << "\n";
    }
  }
  ASSERT_GT(personal, 0);
  ASSERT_GT(clean, 0);
  misses << stale_binary_hint();
  EXPECT_GE(caught * 100, personal * 97) << misses.str();
  EXPECT_GE(right_kinds * 100, personal * 95) << misses.str();
  EXPECT_LE(wrongly_refused * 100, clean * 5) << misses.str();
  std::cout << "corpus: " << caught << "/" << personal << " refused, " << right_kinds
            << " with every expected kind; " << wrongly_refused << "/" << clean
            << " clean notes refused\n"
            << misses.str();
}

}  // namespace
}  // namespace noodbel
