#include "adapters/data/guard_loader.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "adapters/data/postcodes_loader.h"
#include "support/paths/source_paths.h"

namespace noodbel {
namespace {

// The shipped word lists, as the tests point load_guard at them.
std::string shipped_word_lists() { return noodbel::testing::source_path("/config/guard"); }
std::string shipped_shared_lists() { return noodbel::testing::source_path("/config/lexicon"); }

TEST(GuardLoader, LoadsTheShippedListWithThePlacesOfThePostcodes) {
  const auto postcodes = load_postcodes(noodbel::testing::source_path("/config/be-postcodes.csv"));
  ASSERT_TRUE(postcodes.ok()) << postcodes.error().message;
  auto guard = load_guard(guard_files(noodbel::testing::source_dir()), *postcodes);
  ASSERT_TRUE(guard.ok()) << guard.error().message;
  EXPECT_EQ(guard->check("Emma woont in Gent").size(), 1u);  // Gent is a place, not a name
}

TEST(GuardLoader, FindsTheListsBelowTheDataFolder) {
  const GuardFiles files = guard_files("/srv/noodbel");
  EXPECT_EQ(files.first_names, "/srv/noodbel/config/first-names.txt");
  EXPECT_EQ(files.word_lists, "/srv/noodbel/config/guard");
  EXPECT_EQ(files.shared_lists, "/srv/noodbel/config/lexicon");
}

TEST(GuardLoader, RefusesAMissingFileAndSaysWhichPath) {
  auto guard = load_guard(
      GuardFiles{"/nonexistent/first-names.txt", shipped_word_lists(), shipped_shared_lists()},
      Postcodes::from_places({}));
  ASSERT_FALSE(guard.ok());
  EXPECT_EQ(guard.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(guard.error().message.find("/nonexistent/first-names.txt"), std::string::npos);
}

TEST(GuardLoader, NamesTheFileAndLineOfInvalidUtf8) {
  // Unique per process: ctest runs tests in parallel processes.
  const std::string path =
      ::testing::TempDir() + "/" + std::to_string(::getpid()) + "-first-names.txt";
  std::ofstream(path, std::ios::binary) << "Bram\nZo\xFF\n";
  auto guard = load_guard(GuardFiles{path, shipped_word_lists(), shipped_shared_lists()},
                          Postcodes::from_places({}));
  std::remove(path.c_str());
  ASSERT_FALSE(guard.ok());
  EXPECT_EQ(guard.error().message,
            path + " line 2: the name is not valid UTF-8; save the file as UTF-8");
}

// A copy of the shipped word lists (config/guard, and config/lexicon for the lists shared
// with the reply parser) in folders of their own, removed at the end of the test.
class GuardWordListsCopy : public ::testing::Test {
 protected:
  GuardWordListsCopy()
      : folder_(::testing::TempDir() + "/" + std::to_string(::getpid()) + "-guard-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name()),
        shared_(folder_ + "-lexicon") {
    std::filesystem::remove_all(folder_);
    std::filesystem::remove_all(shared_);
    std::filesystem::copy(shipped_word_lists(), folder_);
    std::filesystem::copy(shipped_shared_lists(), shared_);
  }
  ~GuardWordListsCopy() override {
    std::filesystem::remove_all(folder_);
    std::filesystem::remove_all(shared_);
  }

  std::string path_of(const std::string& list) const {
    return (Lexicon::is_shared_with_reply_parser(list) ? shared_ : folder_) + "/" + list + ".txt";
  }
  void write(const std::string& list, const std::string& text) const {
    std::ofstream(path_of(list), std::ios::binary) << text;
  }

  const std::string folder_;
  const std::string shared_;
};

TEST_F(GuardWordListsCopy, LoadsTheCopyLikeTheShippedLists) {
  const auto lexicon = load_guard_lexicon(folder_, shared_);
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  EXPECT_EQ(lexicon->month_number("maart"), 3);
  EXPECT_NE(lexicon->flags_of("straat") & kStrongStreet, 0u);
}

TEST_F(GuardWordListsCopy, RefusesAMissingListAndSaysWhichPathAndHowToFixIt) {
  std::filesystem::remove(folder_ + "/stopwords.txt");
  const auto lexicon = load_guard_lexicon(folder_, shared_);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(lexicon.error().message.find(folder_ + "/stopwords.txt"), std::string::npos)
      << lexicon.error().message;
  EXPECT_NE(lexicon.error().message.find("restore the file"), std::string::npos)
      << lexicon.error().message;
}

TEST_F(GuardWordListsCopy, ReadsTheMonthsAndWeekdaysItSharesWithTheReplyParser) {
  write("months", "1 januari\n2 februari\n3 maart | mar\n");
  write("weekdays", "1 maandag\n7 zondag\n");
  const auto lexicon = load_guard_lexicon(folder_, shared_);
  ASSERT_TRUE(lexicon.ok()) << lexicon.error().message;
  EXPECT_EQ(lexicon->month_number("mar"), 3);
  EXPECT_EQ(lexicon->month_number("mei"), 0);
  EXPECT_NE(lexicon->flags_of("zondag") & kWeekday, 0u);
  EXPECT_EQ(lexicon->flags_of("dinsdag") & kWeekday, 0u);
  EXPECT_NE(lexicon->flags_of("weekend") & kWeekday, 0u);  // config/guard/day-words.txt
}

TEST_F(GuardWordListsCopy, RefusesAMissingSharedListAndSaysWhichPathAndHowToFixIt) {
  std::filesystem::remove(path_of("weekdays"));
  const auto lexicon = load_guard_lexicon(folder_, shared_);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(lexicon.error().message,
            "cannot read the guard's word list " + shared_ +
                "/weekdays.txt: the guard needs every list of config/guard/ and the months and "
                "weekdays of config/lexicon/; check the data folder ([paths] data_dir) or "
                "restore the file from the checkout");
}

TEST_F(GuardWordListsCopy, NamesTheFileAndLineOfAWordThatIsNotUtf8) {
  write("units", "# units\njaar\nma\xFFnd\n");
  const auto lexicon = load_guard_lexicon(folder_, shared_);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.error().message,
            folder_ + "/units.txt line 3: the word is not valid UTF-8; save the file as UTF-8");
}

TEST_F(GuardWordListsCopy, NamesTheFileOfAMalformedMonthLine) {
  write("months", "1 januari\n13 dertiember\n");
  const auto lexicon = load_guard_lexicon(folder_, shared_);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(lexicon.error().message.find(path_of("months")), std::string::npos)
      << lexicon.error().message;
  EXPECT_NE(lexicon.error().message.find("13 dertiember"), std::string::npos);
}

TEST_F(GuardWordListsCopy, RefusesAnEmptyList) {
  write("url-tlds", "# nothing left\n");
  const auto guard = load_guard(
      GuardFiles{noodbel::testing::source_path("/config/first-names.txt"), folder_, shared_},
      Postcodes::from_places({}));
  ASSERT_FALSE(guard.ok());
  EXPECT_NE(guard.error().message.find(folder_ + "/url-tlds.txt holds no entries"),
            std::string::npos)
      << guard.error().message;
}

}  // namespace
}  // namespace noodbel
