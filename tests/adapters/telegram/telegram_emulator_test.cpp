// The Telegram adapter against telegram-test-api, a real Bot API emulator (npm package,
// started on loopback by tests/telegram/emulator.mjs): a user sends text, presses a
// button and sends a command; the bot's crisis call reaches the user with its buttons.
// The emulator has no secret header, offsets or 429s: the stub tests cover those.
// Skipped, saying why, when node or the npm package is missing (run `npm ci`).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "adapters/telegram/telegram_sender.h"
#include "adapters/telegram/telegram_worker.h"
#include "bot/outbound.h"
#include "support/http_client.h"
#include "support/process.h"
#include "support/paths/source_paths.h"
#include "adapters/data/templates_loader.h"

namespace noodbel::telegram {
namespace {

using nlohmann::json;
using testing_support::BackgroundProcess;
using testing_support::http_call;

constexpr const char* kToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
constexpr std::int64_t kUser = 4242;
constexpr UnixTime kNow = 1'760'000'000;

json user() { return {{"id", kUser}, {"is_bot", false}, {"first_name", "An"}, {"username", "an"}}; }
json chat() { return {{"id", kUser}, {"first_name", "An"}, {"type", "private"}}; }

class TelegramEmulatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string node = testing_support::find_in_path("node");
    const std::string package = noodbel::testing::source_path("/node_modules/telegram-test-api/package.json");
    if (node.empty()) GTEST_SKIP() << "node is not installed (scripts/install-deps installs it)";
    if (!std::filesystem::exists(package)) {
      GTEST_SKIP() << "telegram-test-api is not installed: run `npm ci` in " << noodbel::testing::source_dir();
    }
    port_ = testing_support::free_loopback_ports(1).front();
    emulator_ = std::make_unique<BackgroundProcess>(
        node,
        std::vector<std::string>{noodbel::testing::source_path("/tests/telegram/emulator.mjs"),
                                 std::to_string(port_)},
        testing_support::make_temp_dir("noodbel-tg-emulator"));
    ASSERT_NE(emulator_->wait_for_output("listening", 15'000), "")
        << "the emulator did not start: " << emulator_->stderr_text();
  }

  void TearDown() override {
    if (emulator_) emulator_->terminate(5'000);
  }

  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }
  TelegramApi api() { return TelegramApi(*client_, base(), kToken); }

  // The emulator's client API: what a Telegram user does.
  void as_user(const std::string& what, json body) {
    body["botToken"] = kToken;
    body["date"] = kNow;
    const auto reply = http_call(port_, "POST", "/" + what, body.dump(),
                                 {{"Content-Type", "application/json"}});
    ASSERT_EQ(reply.status, 200) << what << ": " << reply.body;
  }

  TelegramWorker::Deliver recorder() {
    return [this](const InboundMessage& m) -> Result<InboundOutcome> {
      delivered_.push_back(m);
      return InboundOutcome::kHandled;
    };
  }

  int port_ = 0;
  std::unique_ptr<BackgroundProcess> emulator_;
  std::unique_ptr<HttpClient> client_ = make_http_client();
  ManualClock clock_{kNow};
  std::vector<InboundMessage> delivered_;
};

TEST_F(TelegramEmulatorTest, TextAButtonPressAndACommandReachThePipelineInOrder) {
  as_user("sendMessage", {{"from", user()}, {"chat", chat()}, {"text", "ja K42"}});
  as_user("sendCallback", {{"from", user()},
                           {"message", {{"message_id", 7}, {"chat", chat()}, {"date", kNow}}},
                           {"data", "a:K42:maybe"}});
  as_user("sendCommand",
          {{"from", user()},
           {"chat", chat()},
           {"text", "/bord K42"},
           {"entities", json::array({{{"offset", 0}, {"length", 5}, {"type", "bot_command"}}})}});

  TelegramWorker worker(api(), {}, {}, recorder(), clock_, WorkerOptions{});
  const Status polled = worker.poll_once();
  ASSERT_TRUE(polled.ok()) << polled.error().message;
  ASSERT_EQ(delivered_.size(), 3u);
  EXPECT_EQ(delivered_[0].text, "ja K42");
  EXPECT_EQ(delivered_[1].text, "misschien K42");
  EXPECT_EQ(delivered_[1].reply_to, "tg:4242:7");
  EXPECT_EQ(delivered_[2].text, "/bord K42");
  for (const InboundMessage& m : delivered_) {
    EXPECT_EQ(m.channel, Channel::kTelegram);
    EXPECT_EQ(m.address, "4242");
    EXPECT_EQ(m.provider_id.rfind("tg:", 0), 0u);
  }
  EXPECT_NE(delivered_[0].provider_id, delivered_[1].provider_id);
  EXPECT_GT(worker.next_offset(), 1);

  // Read updates are not sent again.
  ASSERT_TRUE(worker.poll_once().ok());
  EXPECT_EQ(delivered_.size(), 3u);
}

TEST_F(TelegramEmulatorTest, ACrisisCallReachesTheUserWithAnswerButtons) {
  auto templates = load_templates(noodbel::testing::source_path("/templates"));
  ASSERT_TRUE(templates.ok()) << templates.error().message;
  TelegramSender sender(api(), *templates,
                        [](const OutboundMessage&) {
                          return std::optional<CallButtons>(CallButtons{"K42", Language::kNl});
                        });
  OutboxItem item;
  item.id = 1;
  item.message = {"F0012", Channel::kTelegram, std::to_string(kUser),
                  "Crisisoproep K42: 4 jaar, Gent. Kan je helpen?", kPriorityCall, 9};
  const SendResult sent = sender.send(item);
  ASSERT_EQ(sent.kind, SendResult::Kind::kSent) << sent.error;
  EXPECT_EQ(sent.provider_message_id.rfind("tg:4242:", 0), 0u) << sent.provider_message_id;

  const auto reply = http_call(port_, "POST", "/getUpdates",
                               json{{"token", kToken}, {"chatId", kUser}}.dump(),
                               {{"Content-Type", "application/json"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  const json seen = json::parse(reply.body)["result"];
  ASSERT_EQ(seen.size(), 1u) << reply.body;
  const json& message = seen[0]["message"];
  EXPECT_EQ(message["text"], "Crisisoproep K42: 4 jaar, Gent. Kan je helpen?");
  const json row = message["reply_markup"]["inline_keyboard"][0];
  ASSERT_EQ(row.size(), 3u);
  EXPECT_EQ(row[0], json({{"text", "Ja"}, {"callback_data", "a:K42:yes"}}));
  EXPECT_EQ(row[1], json({{"text", "Nee"}, {"callback_data", "a:K42:no"}}));
  EXPECT_EQ(row[2], json({{"text", "Misschien"}, {"callback_data", "a:K42:maybe"}}));
}

}  // namespace
}  // namespace noodbel::telegram
