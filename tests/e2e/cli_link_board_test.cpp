// `noodbel link board CODE --caseworker ID [--at UNIX]` run as an administrator (or a
// browser test) would: the link it prints is one the service accepts, --at mints expired
// ones, and bad input is refused with exit 2 and a clear message.
#include <gtest/gtest.h>

#include <string>

#include "adapters/web/signed_links.h"
#include "bot/clock.h"
#include "e2e/e2e_support.h"
#include "store/store.h"
#include "support/sample_call.h"

namespace noodbel::testing_support {
namespace {

const std::string kSecret = "0123456789abcdef0123456789abcdef0123";

E2eEnv env_with_secret(const std::string& name) {
  return make_e2e_env(name, "[web]\npublic_url = \"https://noodbel.test\"\nsecret = \"" +
                                kSecret + "\"\nboard_link_hours = 2\n");
}

std::string token_of(const std::string& url) { return url.substr(url.find("?t=") + 3); }

// Stores a call with code K42 (as /crisis would) in the env's database; returns it as stored.
Call store_k42(const E2eEnv& env, UnixTime created_at, const std::string& note) {
  SystemClock clock;
  auto store = store::Store::open(env.db, clock);
  EXPECT_TRUE(store.ok()) << store.error().message;
  Call call = testing::sample_call_k42(created_at);
  call.note = note;
  const Status s = (*store)->transaction([&](Repository& repo) -> Status {
    call.id = repo.insert_call(call);
    return Ok();
  });
  EXPECT_TRUE(s.ok()) << s.error().message;
  return call;
}

TEST(CliLinkBoard, PrintsALinkTheServiceAccepts) {
  const auto env = env_with_secret("link-board");
  load_demo_data(env);
  const Call k42 = store_k42(env, 1795390000, "eerste oproep");
  const auto r = noodbel(env, {"link", "board", "K42", "--caseworker", "C001", "--at", "1795400000"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("https://noodbel.test/board/K42?t=C001.1795407200.", 0), 0u) << r.out;
  const SignedLinks links("https://noodbel.test", kSecret, 2, 7);
  std::string url = r.out;
  while (!url.empty() && url.back() == '\n') url.pop_back();
  const BoardAccess ok = links.check_board(k42, token_of(url), 1795400000 + 60);
  EXPECT_EQ(ok.check, LinkCheck::kValid);
  EXPECT_EQ(ok.caseworker_id, "C001");
  EXPECT_EQ(links.check_board(k42, token_of(url), 1795407200).check, LinkCheck::kExpired);
}

// The link is bound to the call the code leads to now: after a later call reused the code,
// the new link opens that call and not the earlier one.
TEST(CliLinkBoard, LinksTheLatestCallWithTheCode) {
  const auto env = env_with_secret("link-board-reused");
  load_demo_data(env);
  const Call first = store_k42(env, 1795000000, "eerste oproep");
  const Call later = store_k42(env, 1795390000, "latere oproep");
  const auto r =
      noodbel(env, {"link", "board", "K42", "--caseworker", "C001", "--at", "1795400000"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const SignedLinks links("https://noodbel.test", kSecret, 2, 7);
  std::string url = r.out;
  while (!url.empty() && url.back() == '\n') url.pop_back();
  EXPECT_EQ(links.check_board(later, token_of(url), 1795400060).check, LinkCheck::kValid);
  EXPECT_EQ(links.check_board(first, token_of(url), 1795400060).check, LinkCheck::kBadSignature);
}

TEST(CliLinkBoard, RefusesACodeWithoutACallAndSaysWhichDatabaseItLookedIn) {
  const auto env = env_with_secret("link-board-nocall");
  load_demo_data(env);
  const auto r = noodbel(env, {"link", "board", "K42", "--caseworker", "C001"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no call K42 in the database"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(env.db), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
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
