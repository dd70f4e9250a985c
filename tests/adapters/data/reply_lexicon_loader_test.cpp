#include "adapters/data/reply_lexicon_loader.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

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

}  // namespace
}  // namespace noodbel
