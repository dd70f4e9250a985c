// `noodbel families link ID` run as an administrator would: the code and deep link it
// prints, and that a refused request changes nothing.
#include <sqlite3.h>

#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "e2e/e2e_support.h"
#include "support/paths/source_paths.h"

namespace noodbel::testing_support {
namespace {

// Rows in link_codes, and how many of them hold `text` anywhere (read-only connection).
int count_codes(const E2eEnv& env, const std::string& where = "1") {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(env.db.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return -1;
  }
  const std::string sql = "SELECT count(*) FROM link_codes WHERE " + where;
  sqlite3_stmt* stmt = nullptr;
  int n = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    n = sqlite3_column_int(stmt, 0);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return n;
}

TEST(CliLink, PrintsACodeAndTheDeepLinkAndStoresOnlyItsHash) {
  const auto env = make_e2e_env("link", "[telegram]\nbot_username = \"noodbel_test_bot\"\n");
  load_demo_data(env);
  const auto r = noodbel(env, {"families", "link", "F0001"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.out, m, std::regex("link code ([2-9A-HJKMNP-Z]{8}) ")))
      << r.out;
  const std::string code = m[1];
  EXPECT_NE(r.out.find("https://t.me/noodbel_test_bot?start=" + code), std::string::npos)
      << r.out;
  EXPECT_EQ(count_codes(env), 1);
  EXPECT_EQ(count_codes(env, "family_id = 'F0001' AND used_at IS NULL"), 1);
  EXPECT_EQ(count_codes(env, "code_hash = '" + code + "'"), 0);  // never the code itself
  // A second code voids the first unused one.
  const auto again = noodbel(env, {"families", "link", "F0001"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(count_codes(env), 1);
}

TEST(CliLink, WithoutABotUsernameExplainsTheStartCommand) {
  const auto env = make_e2e_env("link-nouser");
  load_demo_data(env);
  const auto r = noodbel(env, {"families", "link", "F0002"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("/start "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("telegram.bot_username"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("https://t.me"), std::string::npos) << r.out;
}

TEST(CliLink, UnknownFamilyIsRefusedWithExitOneAndNothingStored) {
  const auto env = make_e2e_env("link-unknown");
  load_demo_data(env);
  const auto r = noodbel(env, {"families", "link", "F9999"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("F9999"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("families list"), std::string::npos) << r.err;
  EXPECT_EQ(count_codes(env), 0);
}

TEST(CliLink, MissingIdIsAUsageErrorAndHelpWorks) {
  const auto env = make_e2e_env("link-usage");
  EXPECT_EQ(noodbel(env, {"families", "link"}).exit_code, 2);
  const auto help = run_binary(noodbel::testing::noodbel_binary(), {"families", "link", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("Telegram"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace noodbel::testing_support
