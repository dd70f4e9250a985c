#include "adapters/web/web_page.h"

#include <gtest/gtest.h>

#include "support/paths/source_paths.h"

namespace noodbel {
namespace {

TEST(LoadWebPage, ReadsTheShippedSandboxPage) {
  auto page = load_web_page(noodbel::testing::source_dir(), "sandbox.html");
  ASSERT_TRUE(page.ok()) << page.error().message;
  EXPECT_NE(page->find("oefenomgeving"), std::string::npos);
  EXPECT_EQ(page->find("innerHTML"), std::string::npos);  // message text via textContent only
}

TEST(LoadWebPage, ReadsEveryShippedPage) {
  for (const char* name : {"board.html", "digest.html"}) {
    auto page = load_web_page(noodbel::testing::source_dir(), name);
    ASSERT_TRUE(page.ok()) << page.error().message;
    EXPECT_NE(page->find("{{"), std::string::npos) << name << " has no markers";
  }
}

TEST(LoadWebPage, AMissingFileIsNotFoundNamingThePathAndDataDir) {
  auto page = load_web_page("/nonexistent-dir", "sandbox.html");
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(page.error().message.find("/nonexistent-dir/templates/web/sandbox.html"),
            std::string::npos);
  EXPECT_NE(page.error().message.find("data_dir"), std::string::npos);
}

}  // namespace
}  // namespace noodbel
