// The scheduled daily digest end to end: `noodbel serve` whose digest time has just passed
// sends the demo supervisors their digest through the sandbox, and the signed link in the
// text opens the HTML page with its charts; `noodbel link digest` makes links it accepts.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bot/clock.h"
#include "bot/digest.h"
#include "bot/local_time.h"
#include "e2e/e2e_support.h"
#include "support/http_client.h"
#include "support/paths/source_paths.h"

namespace noodbel::testing_support {
namespace {

using nlohmann::json;

constexpr const char* kSecret = "e2e-digest-secret-0123456789abcdefghijklmnop";

// A [digest] time one minute ago (Brussels), so the first scheduler tick sends today's.
std::string just_passed() {
  const int minute = std::max(0, to_local(SystemClock().now()).minute_of_day - 1);
  return fmt::format("{:02}:{:02}", minute / 60, minute % 60);
}

class DigestServer : public ::testing::Test {
 protected:
  void SetUp() override {
    env_ = make_e2e_env("digest", fmt::format("[digest]\ntime = \"{}\"\n[web]\nsecret = \"{}\"\n",
                                              just_passed(), kSecret));
    load_demo_data(env_);
    server_ = std::make_unique<BackgroundProcess>(
        noodbel::testing::noodbel_binary(), std::vector<std::string>{"serve", "--config", env_.config}, env_.dir);
    const std::string out = server_->wait_for_output("sandbox: http://", 30000);
    ASSERT_FALSE(out.empty()) << server_->stderr_text();
    std::smatch m;
    ASSERT_TRUE(std::regex_search(out, m, std::regex("127\\.0\\.0\\.1:(\\d+)")));
    port_ = std::stoi(m[1]);
  }

  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->terminate(10000), 0) << server_->stderr_text();
    }
  }

  // The sandbox texts sent to `person`, polled until one arrives (the scheduler and the
  // dispatcher run asynchronously).
  std::vector<std::string> texts_to(const std::string& person) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      const HttpReply r = http_call(port_, "GET", "/sandbox/api/messages?since=0");
      std::vector<std::string> texts;
      const json all = json::parse(r.body);
      for (const auto& m : all["messages"]) {
        if (m["direction"] == "out" && m["person_id"] == person) texts.push_back(m["text"]);
      }
      if (!texts.empty()) return texts;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));  // bounded poll
    }
    ADD_FAILURE() << "no sandbox message for " << person << "; the service log:\n"
                  << server_->stderr_text() << "\nsandbox: "
                  << http_call(port_, "GET", "/sandbox/api/messages?since=0").body;
    return {};
  }

  E2eEnv env_;
  std::unique_ptr<BackgroundProcess> server_;
  int port_ = 0;
};

TEST_F(DigestServer, ASupervisorReceivesTheDigestWithALinkThatOpensThePageWithCharts) {
  const std::vector<std::string> texts = texts_to("C007");  // oost-vlaanderen supervisor
  ASSERT_EQ(texts.size(), 1u);
  const std::string today = display_date(local_date_of(SystemClock().now()));
  EXPECT_NE(texts[0].find("Noodbel dagoverzicht " + today), std::string::npos) << texts[0];
  std::smatch m;
  const std::regex link(fmt::format("http://127\\.0\\.0\\.1:{}(/digest/[^\\s]+)", port_));
  ASSERT_TRUE(std::regex_search(texts[0], m, link)) << texts[0];
  const std::string target = m[1];
  EXPECT_NE(target.find("service=oost-vlaanderen"), std::string::npos);

  const HttpReply page = http_call(port_, "GET", target);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<svg"), std::string::npos);
  const auto own = page.body.find("<h2>Pleegzorg Oost-Vlaanderen</h2>");
  ASSERT_NE(own, std::string::npos);
  EXPECT_LT(own, page.body.find("<h2>Heel Vlaanderen</h2>")) << "own service first";

  std::string forged = target;
  forged.back() = forged.back() == 'A' ? 'B' : 'A';
  EXPECT_EQ(http_call(port_, "GET", forged).status, 403);
}

TEST_F(DigestServer, CaseworkersWhoAreNotSupervisorsGetNoDigest) {
  ASSERT_EQ(texts_to("C008").size(), 1u);  // the other demo supervisor: the digest has run
  const HttpReply r = http_call(port_, "GET", "/sandbox/api/messages?since=0");
  const json all = json::parse(r.body);
  for (const auto& msg : all["messages"]) {
    if (msg["person_id"] != "C007" && msg["person_id"] != "C008") {
      ADD_FAILURE() << "unexpected message to " << msg["person_id"];
    }
  }
  const HttpReply metrics = http_call(port_, "GET", "/metrics");
  EXPECT_NE(metrics.body.find("noodbel_digest_runs_total{result=\"sent\"}"), std::string::npos)
      << metrics.body;
}

TEST_F(DigestServer, TheLinkCommandMakesLinksTheServiceAcceptsUntilTheyExpire) {
  const std::string today = iso_date(local_date_of(SystemClock().now()));
  const auto made = noodbel(env_, {"link", "digest", today, "--service", "Pleegzorg Limburg"});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  const std::string url = made.out.substr(0, made.out.find('\n'));
  const std::string target = url.substr(url.find("/digest/"));
  EXPECT_NE(target.find("service=limburg"), std::string::npos);
  EXPECT_EQ(http_call(port_, "GET", target).status, 200);

  const std::string long_ago = std::to_string(SystemClock().now() - 8 * 24 * 3600);
  const auto old = noodbel(env_, {"link", "digest", today, "--at", long_ago});
  ASSERT_EQ(old.exit_code, 0) << old.err;
  std::string old_target = old.out.substr(old.out.find("/digest/"));
  old_target.erase(old_target.find_last_not_of('\n') + 1);
  const HttpReply expired = http_call(port_, "GET", old_target);
  EXPECT_EQ(expired.status, 403);
  EXPECT_NE(expired.body.find("verlopen"), std::string::npos);
}

TEST(LinkDigestCommand, RefusesBadInputWithExitTwoAndSaysHowToFixIt) {
  const E2eEnv env = make_e2e_env("link-digest", fmt::format("[web]\nsecret = \"{}\"\n", kSecret));
  const auto date = noodbel(env, {"link", "digest", "2026-02-30"});
  EXPECT_EQ(date.exit_code, 2);
  EXPECT_NE(date.err.find("YYYY-MM-DD"), std::string::npos) << date.err;
  const auto service = noodbel(env, {"link", "digest", "2026-11-23", "--service", "brugge"});
  EXPECT_EQ(service.exit_code, 2);
  EXPECT_NE(service.err.find("oost-vlaanderen"), std::string::npos) << service.err;
  const auto at = noodbel(env, {"link", "digest", "2026-11-23", "--at", "yesterday"});
  EXPECT_EQ(at.exit_code, 2);
  EXPECT_NE(at.err.find("Unix time"), std::string::npos) << at.err;
  EXPECT_TRUE(date.out.empty() && service.out.empty() && at.out.empty());
}

TEST(LinkDigestCommand, RefusesToSignWithoutAConfiguredSecret) {
  const E2eEnv env = make_e2e_env("link-digest-nosecret");
  const auto r = noodbel(env, {"link", "digest", "2026-11-23"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("[web]"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(LinkDigestCommand, PrintsAFlandersWideLinkUnderThePublicUrl) {
  const E2eEnv env = make_e2e_env(
      "link-digest-url",
      fmt::format("[web]\nsecret = \"{}\"\npublic_url = \"https://noodbel.example.be\"\n",
                  kSecret));
  const auto r = noodbel(env, {"link", "digest", "2026-11-23", "--at", "1795415400"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("https://noodbel.example.be/digest/2026-11-23?t=", 0), 0u) << r.out;
}

TEST(LinkDigestCommand, WorksWithTheDemoConfig) {
  const RunResult r =
      run_binary(noodbel::testing::noodbel_binary(), {"link", "digest", "2026-11-23", "--service", "limburg", "--at",
                                  "1795415400", "--config", noodbel::testing::source_path("/config/demo.toml")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("http://127.0.0.1:8080/digest/2026-11-23?", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("service=limburg"), std::string::npos) << r.out;
}

// A production config (sandbox off) that copied the public demo secret: `noodbel serve`
// stops at start-up and says why, instead of signing links anyone could forge.
TEST(DemoSecret, TheServiceRefusesToStartWithItWhenTheSandboxIsOff) {
  const std::string dir = make_temp_dir("noodbel-e2e-demo-secret");
  const std::string config = dir + "/prod.toml";
  std::ofstream(config) << "[database]\npath = \"" << dir << "/noodbel.db\"\n"
                        << "[http]\naddress = \"127.0.0.1\"\nport = 0\n"
                        << "[web]\nsecret = \"demo-only-not-secret-noodbel-practice-sandbox-links\"\n";
  BackgroundProcess serve(noodbel::testing::noodbel_binary(), {"serve", "--config", config}, dir);
  EXPECT_TRUE(wait_until([&] {
    return serve.stderr_text().find("public demo secret") != std::string::npos;
  })) << serve.stderr_text();
  EXPECT_EQ(serve.wait_exit(20000), 2) << serve.stderr_text();
  EXPECT_NE(serve.stderr_text().find("web.secret"), std::string::npos) << serve.stderr_text();
  EXPECT_FALSE(std::filesystem::exists(dir + "/noodbel.db")) << "nothing was started";
}

}  // namespace
}  // namespace noodbel::testing_support
