// `noodbel link board CODE --caseworker ID [--at UNIX]` run as an administrator (or a
// browser test) would: the link it prints is one the service accepts, --at mints expired
// ones, and bad input is refused with exit 2 and a clear message.
#include <gtest/gtest.h>

#include <string>

#include "adapters/web/signed_links.h"
#include "e2e/e2e_support.h"

namespace noodbel::testing_support {
namespace {

const std::string kSecret = "0123456789abcdef0123456789abcdef0123";

E2eEnv env_with_secret(const std::string& name) {
  return make_e2e_env(name, "[web]\npublic_url = \"https://noodbel.test\"\nsecret = \"" +
                                kSecret + "\"\nboard_link_hours = 2\n");
}

std::string token_of(const std::string& url) { return url.substr(url.find("?t=") + 3); }

TEST(CliLinkBoard, PrintsALinkTheServiceAccepts) {
  const auto env = env_with_secret("link-board");
  const auto r = noodbel(env, {"link", "board", "K42", "--caseworker", "C001", "--at", "1795400000"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("https://noodbel.test/board/K42?t=C001.1795407200.", 0), 0u) << r.out;
  const SignedLinks links("https://noodbel.test", kSecret, 2, 7);
  std::string url = r.out;
  while (!url.empty() && url.back() == '\n') url.pop_back();
  const BoardAccess ok = links.check_board("K42", token_of(url), 1795400000 + 60);
  EXPECT_EQ(ok.check, LinkCheck::kValid);
  EXPECT_EQ(ok.caseworker_id, "C001");
  EXPECT_EQ(links.check_board("K42", token_of(url), 1795407200).check, LinkCheck::kExpired);
}

TEST(CliLinkBoard, RefusesBadInputWithExitTwoAndSaysWhatToFix) {
  const auto env = env_with_secret("link-board-bad");
  const struct {
    std::vector<std::string> args;
    std::string says;
  } cases[] = {
      {{"link", "board", "K 42", "--caseworker", "C001"}, "is not a call code"},
      {{"link", "board", "K42", "--caseworker", "C0.01"}, "is not a caseworker id"},
      {{"link", "board", "K42", "--caseworker", "C001", "--at", "soon"}, "is not a Unix time"},
  };
  for (const auto& c : cases) {
    const auto r = noodbel(env, c.args);
    EXPECT_EQ(r.exit_code, 2) << c.says;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
  const auto missing = noodbel(env, {"link", "board", "K42"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("--caseworker"), std::string::npos) << missing.err;
}

TEST(CliLinkBoard, WithoutASecretExplainsWhyNoLinkCanBeMade) {
  const auto env = make_e2e_env("link-board-nosecret");
  const auto r = noodbel(env, {"link", "board", "K42", "--caseworker", "C001"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("[web]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("NOODBEL_WEB_SECRET"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

}  // namespace
}  // namespace noodbel::testing_support
