// Operations end to end with the real binary: the log lines of a crisis call in the
// sandbox (logfmt, masked numbers, no message text at info), the /metrics figures, and
// backup / restore / purge / families forget around a running `noodbel serve`, and request
// values that cannot plant keys in a log line.
#include <chrono>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "adapters/app/logfmt.h"
#include "e2e/e2e_support.h"
#include "support/http_client.h"
#include "support/paths/source_paths.h"

namespace noodbel::testing_support {
namespace {

using nlohmann::json;

constexpr const char* kNote = "Zuigeling tijdelijk opvang gezocht zonder verdere uitleg";
constexpr const char* kReply = "ja hoor wij kunnen dat zeker";

class OperationsServer : public ::testing::Test {
 protected:
  // What the test's config adds to the sandbox set-up of make_e2e_env.
  virtual std::string config_extra() const { return ""; }

  void SetUp() override {
    env_ = make_e2e_env("ops", config_extra());
    load_demo_data(env_);
    start();
  }
  void TearDown() override { stop(); }

  void start() {
    server_ = std::make_unique<BackgroundProcess>(
        noodbel::testing::noodbel_binary(), std::vector<std::string>{"serve", "--config", env_.config}, env_.dir);
    const std::string out = server_->wait_for_output("sandbox: http://", 30000);
    ASSERT_FALSE(out.empty()) << server_->stderr_text();
    std::smatch m;
    ASSERT_TRUE(std::regex_search(out, m, std::regex("127\\.0\\.0\\.1:(\\d+)")));
    port_ = std::stoi(m[1]);
  }
  std::string stop() {
    if (!server_) return "";
    EXPECT_EQ(server_->terminate(10000), 0) << server_->stderr_text();
    std::string err = server_->stderr_text();
    server_.reset();
    return err;
  }

  HttpReply send(const std::string& from, const std::string& text) {
    return http_call(port_, "POST", "/sandbox/api/send",
                     json{{"from", from}, {"text", text}}.dump(),
                     {{"Content-Type", "application/json"}});
  }

  // Polls (bounded) until `done` holds for the sandbox messages.
  bool wait_for(const std::function<bool(const json&)>& done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
    while (std::chrono::steady_clock::now() < deadline) {
      const HttpReply r = http_call(port_, "GET", "/sandbox/api/messages?since=0");
      if (r.status == 200 && done(json::parse(r.body)["messages"])) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // bounded poll
    }
    return false;
  }

  // Opens a call and lets the nearest family answer yes; returns the call code.
  std::string crisis_call_with_a_yes() {
    EXPECT_EQ(send("C001", std::string("/crisis leeftijd=4 postcode=9000 taal=nl duur=3d ") +
                               kNote)
                  .status,
              202);
    std::string code;
    std::string family;
    EXPECT_TRUE(wait_for([&](const json& msgs) {
      for (const auto& m : msgs) {
        std::smatch match;
        const std::string text = m["text"];
        const std::string who = m["person_id"];
        if (m["direction"] != "out") continue;
        if (who == "C001" && std::regex_search(text, match, std::regex("\\b([A-HJ-NP-Z]\\d\\d)\\b"))) {
          code = match[1];
        }
        if (who[0] == 'F' && family.empty()) family = who;
      }
      return !code.empty() && !family.empty();
    }));
    EXPECT_EQ(send(family, kReply).status, 202);
    EXPECT_TRUE(wait_for([&](const json& msgs) {
      int to_family = 0;
      for (const auto& m : msgs) to_family += m["direction"] == "out" && m["person_id"] == family;
      return to_family >= 2;  // the call and the acknowledgement
    }));
    return code;
  }

  E2eEnv env_;
  std::unique_ptr<BackgroundProcess> server_;
  int port_ = 0;
};

TEST_F(OperationsServer, EveryLogLineOfACrisisCallIsLogfmtWithoutNumbersOrMessageText) {
  crisis_call_with_a_yes();
  http_call(port_, "POST", "/slash", "text=%2Fbord", {{"Content-Type", "application/x-www-form-urlencoded"}});
  const std::string err = stop();
  std::istringstream lines(err);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    ++count;
    const auto pairs = parse_logfmt(line);
    ASSERT_TRUE(pairs.has_value()) << "not logfmt: " << line;
    EXPECT_TRUE(pairs->count("ts") && pairs->count("level") && pairs->count("event")) << line;
    EXPECT_FALSE(std::regex_search(line, std::regex("\\+32\\d{8}"))) << "unmasked: " << line;
    EXPECT_EQ(line.find("Zuigeling"), std::string::npos) << "note text: " << line;
    EXPECT_EQ(line.find("kunnen dat zeker"), std::string::npos) << "reply text: " << line;
  }
  EXPECT_GE(count, 3) << err;
}

constexpr const char* kTelegramSecret = "b81e5f2c90d74a3e6c1f08a9d2e7b4c5";

// The Telegram webhook on as well (the Bot API on an unused loopback port): a webhook
// whose request values reach a log line.
class OperationsServerWithTelegram : public OperationsServer {
 protected:
  std::string config_extra() const override {
    return std::string(
               "[telegram]\nenabled = true\n"
               "token = \"123456789:Qm7xK2pL9vR4tW8zN3bH6jF1cD5gS0aYeUi\"\n"
               "api_base_url = \"http://127.0.0.1:9\"\nmode = \"webhook\"\n"
               "webhook_secret = \"") +
           kTelegramSecret +
           "\"\npublic_url = \"http://127.0.0.1:8443\"\nbot_username = \"noodbel_test_bot\"\n";
  }
};

TEST_F(OperationsServerWithTelegram, RequestValuesCannotPlantKeysInALogLine) {
  EXPECT_EQ(http_call(port_, "GET", "/board/K00%20caseworker=C999?t=x").status, 403);
  const std::string update = json{
      {"update_id", 9001},
      {"message",
       {{"message_id", 1},
        {"date", 1763974800},
        {"chat", {{"id", 300000001}, {"type", "group\" forged=\"1"}}},
        {"from", {{"id", 300000001}, {"is_bot", false}, {"first_name", "X"}}},
        {"text", "hallo"}}}}.dump();
  EXPECT_EQ(http_call(port_, "POST", "/webhooks/telegram", update,
                      {{"Content-Type", "application/json"},
                       {"X-Telegram-Bot-Api-Secret-Token", kTelegramSecret}})
                .status,
            200);
  const std::string err = stop();
  std::istringstream lines(err);
  std::string line;
  std::optional<std::map<std::string, std::string>> refused;
  std::optional<std::map<std::string, std::string>> ignored;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    const auto pairs = parse_logfmt(line);
    ASSERT_TRUE(pairs.has_value()) << "not logfmt: " << line;
    EXPECT_FALSE(pairs->count("caseworker")) << "a key from the request path: " << line;
    EXPECT_FALSE(pairs->count("forged")) << "a key from the update: " << line;
    if (pairs->count("event") && pairs->at("event") == "board.link_refused") refused = pairs;
    if (pairs->count("event") && pairs->at("event") == "telegram.update_ignored") ignored = pairs;
  }
  ASSERT_TRUE(refused.has_value()) << err;
  EXPECT_EQ(refused->at("code"), "K00 caseworker=C999");
  ASSERT_TRUE(ignored.has_value()) << err;
  EXPECT_NE(ignored->at("reason").find("group\" forged=\"1"), std::string::npos) << err;
}

TEST_F(OperationsServer, MetricsCountCallsAnswersMessagesAndWebhookRejections) {
  crisis_call_with_a_yes();
  const auto form = std::map<std::string, std::string>{
      {"Content-Type", "application/x-www-form-urlencoded"}};
  EXPECT_EQ(http_call(port_, "POST", "/slash", "text=%2Fbord&user_id=U1", form).status, 403);
  EXPECT_EQ(http_call(port_, "POST", "/slash", std::string(200 * 1024, 'x'), form).status, 413);
  const HttpReply m = http_call(port_, "GET", "/metrics");
  ASSERT_EQ(m.status, 200);
  for (const char* expected :
       {"noodbel_calls{state=\"open\"} 1", "noodbel_calls{state=\"expired\"} 0",
        "noodbel_answers{answer=\"yes\"} 1", "noodbel_answers{answer=\"no\"} 0",
        "noodbel_outbox_messages{channel=\"sandbox\",state=\"sent\"}",
        "noodbel_dispatch_queue_depth ", "noodbel_dispatch_oldest_pending_age_seconds ",
        "noodbel_webhook_rejections_total{reason=\"bad_signature\",route=\"/slash\"} 1",
        // The server refuses the body before reading the target: the route is unknown.
        "noodbel_webhook_rejections_total{reason=\"too_large\",route=\"unmatched\"} 1"}) {
    EXPECT_NE(m.body.find(expected), std::string::npos) << expected << "\n" << m.body;
  }
}

TEST_F(OperationsServer, ReadyzWritesToTheRealDatabaseChecksItsDiskAndSetsTheMetric) {
  const HttpReply ready = http_call(port_, "GET", "/readyz");
  ASSERT_EQ(ready.status, 200) << ready.body;
  EXPECT_EQ(json::parse(ready.body), (json{{"status", "ready"}}));
  const HttpReply m = http_call(port_, "GET", "/metrics");
  EXPECT_NE(m.body.find("\nnoodbel_ready 1\n"), std::string::npos) << m.body;
  EXPECT_NE(m.body.find("noodbel_outbox_leases_expired_total 0"), std::string::npos) << m.body;
  EXPECT_EQ(http_call(port_, "GET", "/healthz").status, 200);
}

TEST_F(OperationsServer, BackupWhileServingRestoreWhenStoppedPurgeAndForget) {
  crisis_call_with_a_yes();
  const std::string backup = env_.dir + "/backup.db";
  const RunResult b = noodbel(env_, {"backup", backup});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_NE(b.out.find("checked"), std::string::npos) << b.out;

  const RunResult busy = noodbel(env_, {"restore", backup});
  EXPECT_EQ(busy.exit_code, 1);
  EXPECT_NE(busy.err.find("stop the service"), std::string::npos) << busy.err;
  stop();

  // Restore into a new path: the same families.
  const std::string other = env_.dir + "/restored.db";
  const RunResult r = noodbel(env_, {"restore", backup, "--db", other});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const RunResult listed = noodbel(env_, {"families", "list", "--db", other});
  const RunResult original = noodbel(env_, {"families", "list"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(listed.out, original.out);

  { std::ofstream(env_.dir + "/corrupt.db") << "SQLite format 3 but not really"; }
  const RunResult corrupt = noodbel(env_, {"restore", env_.dir + "/corrupt.db", "--db", other});
  EXPECT_EQ(corrupt.exit_code, 1);
  EXPECT_NE(corrupt.err.find("corrupt.db"), std::string::npos) << corrupt.err;
  EXPECT_EQ(noodbel(env_, {"families", "list", "--db", other}).out, original.out);

  const RunResult dry = noodbel(env_, {"purge", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("would erase older than 30 days: 0 call notes"), std::string::npos)
      << dry.out;

  const RunResult forget = noodbel(env_, {"families", "forget", "F0009"});
  ASSERT_EQ(forget.exit_code, 0) << forget.err;
  EXPECT_NE(forget.out.find("kept anonymously as forgotten-"), std::string::npos) << forget.out;
  const RunResult again = noodbel(env_, {"families", "forget", "F0009"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("no family with id 'F0009'"), std::string::npos) << again.err;
  EXPECT_EQ(noodbel(env_, {"families", "list"}).out.find("F0009"), std::string::npos);
}

}  // namespace
}  // namespace noodbel::testing_support
