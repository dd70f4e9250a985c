#include "adapters/data/reply_lexicon_loader.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "bot/reply/context.h"
#include "bot/reply/word_lists.h"
#include "support/paths/source_paths.h"

namespace noodbel {
namespace {

// A data folder of its own holding config/lexicon/words.tsv with `text`; removed at the end.
class LexiconFolder {
 public:
  explicit LexiconFolder(const std::string& text)
      // Unique per process: ctest runs tests in parallel processes.
      : dir_(::testing::TempDir() + "/" + std::to_string(::getpid()) + "-lexicon") {
    std::filesystem::create_directories(dir_ + "/config/lexicon");
    std::ofstream(reply_lexicon_path(dir_), std::ios::binary) << text;
  }
  ~LexiconFolder() { std::filesystem::remove_all(dir_); }
  LexiconFolder(const LexiconFolder&) = delete;
  LexiconFolder& operator=(const LexiconFolder&) = delete;

  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

TEST(ReplyLexiconLoader, LoadsTheShippedLexicon) {
  auto parser = load_reply_parser(noodbel::testing::source_dir());
  ASSERT_TRUE(parser.ok()) << parser.error().message;
  EXPECT_EQ(parser->parse("Ja hoor, K42").intent, Intent::kYes);
  EXPECT_EQ(parser->parse("Ja hoor, K42").call_code, "K42");
}

TEST(ReplyLexiconLoader, RefusesAMissingFileAndSaysWhichPathAndWhere) {
  auto parser = load_reply_parser("/nonexistent");
  ASSERT_FALSE(parser.ok());
  EXPECT_EQ(parser.error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(parser.error().message,
            "cannot read the reply parser's lexicon /nonexistent/config/lexicon/words.tsv: check "
            "the data folder ([paths] data_dir) holds config/lexicon/words.tsv");
}

// The message of loading a data folder whose lexicon is `text`, with its path as "PATH".
std::string load_error(const std::string& text) {
  const LexiconFolder folder(text);
  auto parser = load_reply_parser(folder.dir());
  if (parser.ok()) return "loaded";
  EXPECT_EQ(parser.error().kind, ErrorKind::kInvalidInput);
  std::string message = parser.error().message;
  const std::string path = reply_lexicon_path(folder.dir());
  if (message.starts_with(path)) message.replace(0, path.size(), "PATH");
  return message;
}

TEST(ReplyLexiconLoader, NamesTheFileAndLineOfAMalformedEntry) {
  EXPECT_EQ(load_error("# a comment\nja\tyes\nnee no\n"),
            "PATH line 3: expected PHRASE<tab>MEANING or PHRASE<tab>FIRST<tab>LATER, found 1 "
            "field(s); separate the fields with one tab");
}

TEST(ReplyLexiconLoader, NamesTheFileAndLineOfAnUnknownMeaning) {
  EXPECT_EQ(load_error("ja\tyes\n\nnee\tnope\n"),
            "PATH line 3: unknown meaning \"nope\"; use one of the meanings listed at the top "
            "of the file");
}

// A data folder of its own holding a copy of the shipped config/lexicon/; removed at the end.
class LexiconCopy : public ::testing::Test {
 protected:
  LexiconCopy()
      : dir_(::testing::TempDir() + "/" + std::to_string(::getpid()) + "-lexicon-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name()) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ + "/config");
    std::filesystem::copy(noodbel::testing::source_path("/config/lexicon"),
                          dir_ + "/config/lexicon");
  }
  ~LexiconCopy() override { std::filesystem::remove_all(dir_); }

  std::string path_of(const std::string& name) const {
    return dir_ + "/config/lexicon/" + name + ".txt";
  }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path_of(name), std::ios::binary) << text;
  }

  const std::string dir_;
};

TEST(ReplyLexiconLoader, LoadsTheShippedDateWords) {
  const auto words = load_date_words(noodbel::testing::source_dir());
  ASSERT_TRUE(words.ok()) << words.error().message;
  EXPECT_EQ(words->month_of("maart"), 3);
  EXPECT_EQ(words->weekday_of("dimanche"), 6);
  EXPECT_EQ(words->number_of("deux"), 2);
  EXPECT_EQ(words->unit_days("weeks"), 7);
}

TEST_F(LexiconCopy, LoadsTheCopyLikeTheShippedFiles) {
  auto parser = load_reply_parser(dir_);
  ASSERT_TRUE(parser.ok()) << parser.error().message;
  EXPECT_EQ(parser->parse("pauze 2 weken", ReplyContext{2026, 12, 7, 600}).until, "2026-12-21");
}

TEST(ReplyLexiconLoader, LoadsTheShippedConditionWords) {
  const auto words = load_condition_words(noodbel::testing::source_dir());
  ASSERT_TRUE(words.ok()) << words.error().message;
  const auto babies = words->words(reply::WordList::kBabyWords);
  EXPECT_NE(std::find(babies.begin(), babies.end(), "zuigeling"), babies.end());
}

TEST_F(LexiconCopy, RefusesAMissingWordFileAndSaysWhichPathAndHowToFixIt) {
  for (const std::string name :
       {"months", "weekdays", "numbers", "durations", "date-markers", "conditions"}) {
    const std::string path = path_of(name);
    const std::string kept = path + ".kept";
    std::filesystem::rename(path, kept);
    auto parser = load_reply_parser(dir_);
    std::filesystem::rename(kept, path);
    ASSERT_FALSE(parser.ok()) << name;
    EXPECT_EQ(parser.error().kind, ErrorKind::kNotFound);
    EXPECT_EQ(parser.error().message,
              "cannot read the reply parser's word list " + path +
                  ": check the data folder ([paths] data_dir) holds config/lexicon/" + name +
                  ".txt, or restore the file from the checkout");
  }
}

TEST_F(LexiconCopy, NamesTheFileAndLineOfAnErrorInADateWordFile) {
  write("numbers", "# numbers\n1 een\n2 Twee\n");
  auto parser = load_reply_parser(dir_);
  ASSERT_FALSE(parser.ok());
  EXPECT_EQ(parser.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(parser.error().message,
            path_of("numbers") +
                " line 3: 'Twee' is not a word of a normalised message; write lower-case a-z, "
                "accents stripped, one word at a time");
}

TEST_F(LexiconCopy, NamesTheFileAndLineOfAnErrorInTheConditionWords) {
  write("conditions", "# conditions\n[child-words]\nkind\n[kids]\n");
  auto parser = load_reply_parser(dir_);
  ASSERT_FALSE(parser.ok());
  EXPECT_EQ(parser.error().kind, ErrorKind::kInvalidInput);
  EXPECT_TRUE(parser.error().message.starts_with(path_of("conditions") +
                                                 " line 4: '[kids]' is not a section"))
      << parser.error().message;
}

TEST_F(LexiconCopy, NamesTheFileOfAMissingMonth) {
  write("months", "1 januari\n");
  const auto words = load_date_words(dir_);
  ASSERT_FALSE(words.ok());
  EXPECT_EQ(words.error().message, path_of("months") +
                                       " has no line for 2; add one: 2, then its words "
                                       "separated by spaces");
}

}  // namespace
}  // namespace noodbel
