#include "adapters/data/templates_loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/paths/source_paths.h"

namespace noodbel {
namespace {

using ::testing::HasSubstr;

class TemplatesDir : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per test and process: ctest runs tests in parallel processes.
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("noodbel_templates_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    for (const char* lang : {"nl", "fr", "en"}) std::filesystem::create_directories(dir_ / lang);
  }
  void write(const std::string& rel, const std::string& text) {
    std::ofstream(dir_ / rel, std::ios::binary) << text;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(TemplatesDir, LoadsTxtFilesAndDropsOneTrailingNewline) {
  write("nl/greeting.txt", "Hallo {name}\n\n");
  write("fr/greeting.txt", "Bonjour {name}\n");
  write("nl/notes.md", "not a template");
  auto t = load_templates(dir_.string());
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(*t->render(Language::kNl, "greeting", {{"name", "An"}}), "Hallo An\n");
  EXPECT_EQ(*t->render(Language::kFr, "greeting", {{"name", "An"}}), "Bonjour An");
  EXPECT_FALSE(t->has(Language::kNl, "notes"));
}

TEST_F(TemplatesDir, MissingLanguageFolderIsNotFoundAndNamed) {
  std::filesystem::remove_all(dir_ / "en");
  auto t = load_templates(dir_.string());
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().kind, ErrorKind::kNotFound);
  EXPECT_THAT(t.error().message, HasSubstr("en"));
}

TEST(TemplatesLoad, LoadsTheShippedTemplatesInEveryLanguage) {
  auto t = load_templates(noodbel::testing::source_path("/templates"));
  ASSERT_TRUE(t.ok()) << t.error().message;
  for (const Language lang : {Language::kNl, Language::kFr, Language::kEn}) {
    EXPECT_TRUE(t->has(lang, "guard_refused")) << to_string(lang);
  }
}

}  // namespace
}  // namespace noodbel
