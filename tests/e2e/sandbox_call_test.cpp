// The first crisis call end to end: `noodbel serve` started for real on a free loopback
// port, driven over HTTP through the sandbox exactly as the browser page does.
#include <chrono>
#include <functional>
#include <regex>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/e2e_support.h"
#include "support/http_client.h"
#include "support/paths/source_paths.h"

namespace noodbel::testing_support {
namespace {

using nlohmann::json;

class SandboxServer : public ::testing::Test {
 protected:
  void SetUp() override {
    env_ = make_e2e_env("sandbox");
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

  HttpReply send(const std::string& from, const std::string& text) {
    return http_call(port_, "POST", "/sandbox/api/send", json{{"from", from}, {"text", text}}.dump(),
                     {{"Content-Type", "application/json"}});
  }

  json messages() {
    const HttpReply r = http_call(port_, "GET", "/sandbox/api/messages?since=0");
    EXPECT_EQ(r.status, 200);
    return json::parse(r.body)["messages"];
  }

  // Polls the sandbox log (the dispatcher delivers asynchronously) until `found` holds.
  json wait_for(const std::function<bool(const json&)>& found) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
      json all = messages();
      if (found(all)) return all;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // bounded poll
    }
    ADD_FAILURE() << "timed out waiting for sandbox messages: " << messages().dump(1);
    return json::array();
  }

  static std::vector<json> out_to(const json& all, const std::string& person) {
    std::vector<json> out;
    for (const auto& m : all) {
      if (m["direction"] == "out" && m["person_id"] == person) out.push_back(m);
    }
    return out;
  }

  E2eEnv env_;
  std::unique_ptr<BackgroundProcess> server_;
  int port_ = 0;
};

TEST_F(SandboxServer, ACrisisCallReachesFamiliesAndTheBoardRanksTheYesAnswersByDistance) {
  ASSERT_EQ(send("C001", "/crisis leeftijd=4 postcode=9000 taal=nl duur=3d Korte toelichting").status,
            202);
  std::string code;
  json all = wait_for([&](const json& msgs) {
    std::smatch m;
    for (const auto& msg : out_to(msgs, "C001")) {
      const std::string text = msg["text"];
      if (std::regex_search(text, m, std::regex("\\b([A-HJ-NP-Z]\\d\\d)\\b"))) {
        code = m[1];
        return true;
      }
    }
    return false;
  });
  ASSERT_FALSE(code.empty());

  // Families in the order the offers went out: nearest first.
  std::vector<std::string> reached;
  all = wait_for([&](const json& msgs) {
    reached.clear();
    for (const auto& m : msgs) {
      const std::string who = m["person_id"];
      const std::string text = m["text"];
      if (m["direction"] == "out" && who[0] == 'F' && text.find(code) != std::string::npos &&
          std::find(reached.begin(), reached.end(), who) == reached.end()) {
        reached.push_back(who);
      }
    }
    return reached.size() >= 3;
  });
  ASSERT_GE(reached.size(), 3u);

  ASSERT_EQ(send(reached[2], "ja hoor").status, 202);
  ASSERT_EQ(send(reached[0], "ja " + code).status, 202);
  ASSERT_EQ(send(reached[1], "nee sorry").status, 202);
  wait_for([&](const json& msgs) {
    return out_to(msgs, reached[0]).size() >= 2 && out_to(msgs, reached[1]).size() >= 2 &&
           out_to(msgs, reached[2]).size() >= 2;
  });

  const std::size_t before = out_to(messages(), "C001").size();
  ASSERT_EQ(send("C001", "/bord " + code).status, 202);
  all = wait_for([&](const json& msgs) { return out_to(msgs, "C001").size() > before; });
  const std::string board = out_to(all, "C001").back()["text"];
  const auto nearest = board.find(reached[0]);
  const auto third = board.find(reached[2]);
  ASSERT_NE(nearest, std::string::npos) << board;
  ASSERT_NE(third, std::string::npos) << board;
  EXPECT_LT(nearest, third) << board;

  const HttpReply metrics = http_call(port_, "GET", "/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("noodbel_open_calls 1"), std::string::npos) << metrics.body;
  EXPECT_NE(metrics.body.find("noodbel_messages_in_total{channel=\"sandbox\"}"), std::string::npos);
}

TEST_F(SandboxServer, HealthAndThePageAreServed) {
  const HttpReply health = http_call(port_, "GET", "/healthz");
  ASSERT_EQ(health.status, 200);
  const json h = json::parse(health.body);
  EXPECT_EQ(h["database"], "ok");
  EXPECT_FALSE(h["version"].get<std::string>().empty());
  const HttpReply page = http_call(port_, "GET", "/sandbox");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<html"), std::string::npos);
  const HttpReply people = http_call(port_, "GET", "/sandbox/api/people");
  EXPECT_NE(people.body.find("F0001"), std::string::npos);
}

TEST_F(SandboxServer, BadRequestsGetClearErrorsAndChangeNothing) {
  const HttpReply unknown = send("F9999", "ja");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body.find("F9999"), std::string::npos) << unknown.body;

  const HttpReply malformed = http_call(port_, "POST", "/sandbox/api/send", "{not json",
                                        {{"Content-Type", "application/json"}});
  EXPECT_EQ(malformed.status, 400);
  EXPECT_NE(malformed.body.find("JSON"), std::string::npos) << malformed.body;

  const HttpReply huge = http_call(port_, "POST", "/sandbox/api/send", std::string(200 * 1024, 'x'),
                                   {{"Content-Type", "application/json"}});
  EXPECT_EQ(huge.status, 413);

  EXPECT_EQ(http_call(port_, "GET", "/nope").status, 404);
  EXPECT_EQ(http_call(port_, "GET", "/sandbox/api/send").status, 405);
  const std::string raw = http_raw(port_, "GARBAGE\r\n\r\n");
  EXPECT_NE(raw.find(" 400 "), std::string::npos) << raw;

  // None of it reached the bot: no message was logged or sent.
  EXPECT_TRUE(messages().empty());
  const HttpReply metrics = http_call(port_, "GET", "/metrics");
  EXPECT_NE(metrics.body.find("noodbel_open_calls 0"), std::string::npos) << metrics.body;
}

}  // namespace
}  // namespace noodbel::testing_support
