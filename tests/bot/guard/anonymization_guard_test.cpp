#include "bot/guard/anonymization_guard.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "bot/guard/guard_checks.h"
#include "bot/postcodes.h"
#include "support/paths/source_paths.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

using guard_checks::check;
using guard_checks::describe;
using guard_checks::expect_clean;

// ---- several findings, clean notes ----

TEST(AnonymizationGuard, ReturnsAllFindingsSortedByStart) {
  const std::string note = "Emma (4), mama Sandra: 0470 12 34 56, Kerkstraat 12.";
  const std::vector<Finding> findings = check(note);
  ASSERT_EQ(findings.size(), 4u) << describe(findings);
  EXPECT_EQ(findings[0], (Finding{FindingKind::kName, "Emma", 0, 4}));
  EXPECT_EQ(findings[1], (Finding{FindingKind::kName, "Sandra", 15, 21}));
  EXPECT_EQ(findings[2], (Finding{FindingKind::kPhone, "0470 12 34 56", 23, 36}));
  EXPECT_EQ(findings[3], (Finding{FindingKind::kAddress, "Kerkstraat 12", 38, 51}));
}

TEST(AnonymizationGuard, FindsNothingInTheIssueExamples) {
  expect_clean("Jongen van 7, autisme, heeft structuur nodig, gaat naar school in Aalst");
  expect_clean("Baby van 3 maanden, flesvoeding, moeder in ziekenhuis");
  expect_clean("");
}

TEST(AnonymizationGuard, SurvivesInvalidUtf8AndOddCharacters) {
  const std::string note = std::string("ab\xFF\xFE cd 0470 12 34 56 \xE2\x80") + "\x01 @ . / -";
  const std::vector<Finding> findings = check(note);
  ASSERT_EQ(findings.size(), 1u) << describe(findings);
  EXPECT_EQ(findings[0].kind, FindingKind::kPhone);
}

TEST(AnonymizationGuard, GivesTheSameAnswersFromSeveralThreads) {
  const AnonymizationGuard* guard = &test_data::shipped_guard();
  const std::string note = "Emma, mama Sandra, 0470 12 34 56, Kerkstraat 12, geboren op 3/4/2019";
  const std::vector<Finding> expected = guard->check(note);
  std::vector<std::vector<Finding>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) result = guard->check(note);
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& result : results) EXPECT_EQ(result, expected);
}

TEST(AnonymizationGuard, KindsHaveTheirContractNames) {
  EXPECT_EQ(to_string(FindingKind::kPhone), "phone");
  EXPECT_EQ(to_string(FindingKind::kEmail), "email");
  EXPECT_EQ(to_string(FindingKind::kUrl), "url");
  EXPECT_EQ(to_string(FindingKind::kNationalId), "national_id");
  EXPECT_EQ(to_string(FindingKind::kAddress), "address");
  EXPECT_EQ(to_string(FindingKind::kBirthDate), "birth_date");
  EXPECT_EQ(to_string(FindingKind::kName), "name");
}

// ---- lists ----

TEST(AnonymizationGuardLists, UsesTheGivenNamesAndPlaces) {
  const AnonymizationGuard guard =
      test_data::guard_with({"Zoë", "Bram"}, {"Gent", "Bruxelles/Brussel"});
  EXPECT_EQ(guard.check("Bram en zoe").size(), 2u);
  EXPECT_TRUE(guard.check("Lotte in Gent").empty());
  EXPECT_TRUE(guard.check("mama Brussel").empty());
}

// Reading the file is tested with adapters/data/guard_loader.
Result<AnonymizationGuard> parse_list(std::string_view text) {
  return AnonymizationGuard::parse(text, "first-names.txt", Postcodes::from_places({}),
                                   test_data::shipped_lexicon());
}

TEST(AnonymizationGuardLists, LoadsCommentsBlankLinesAndCarriageReturns) {
  auto guard = parse_list("\xEF\xBB\xBF# names\r\nBram\r\n\r\n  Zoë  \n");
  ASSERT_TRUE(guard.ok()) << guard.error().message;
  EXPECT_EQ(guard->check("zoe en bram").size(), 2u);
  EXPECT_TRUE(guard->check("names").empty());
}

TEST(AnonymizationGuardLists, ReadsALastLineWithoutANewline) {
  auto guard = parse_list("Bram\nZoë");
  ASSERT_TRUE(guard.ok()) << guard.error().message;
  EXPECT_EQ(guard->check("zoe en bram").size(), 2u);
}

TEST(AnonymizationGuardLists, RefusesAnEmptyListBecauseTheGuardWouldMissEveryName) {
  auto guard = parse_list("# only comments\n\n");
  ASSERT_FALSE(guard.ok());
  EXPECT_EQ(guard.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(guard.error().message.find("no first names"), std::string::npos);
}

TEST(AnonymizationGuardLists, RefusesInvalidUtf8AndNamesTheLine) {
  auto guard = parse_list("Bram\nZo\xFF\n");
  ASSERT_FALSE(guard.ok());
  EXPECT_EQ(guard.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(guard.error().message.find("line 2"), std::string::npos) << guard.error().message;
  EXPECT_NE(guard.error().message.find("first-names.txt"), std::string::npos);
}

TEST(AnonymizationGuardLists, ShipsSeveralHundredNames) {
  std::ifstream file(noodbel::testing::source_path("/config/first-names.txt"));
  int names = 0;
  for (std::string line; std::getline(file, line);) {
    if (!line.empty() && line[0] != '#') ++names;
  }
  EXPECT_GE(names, 500);
}

}  // namespace
}  // namespace noodbel
