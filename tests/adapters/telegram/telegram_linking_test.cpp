// Telegram linking end to end against telegram-test-api (the Bot API emulator started on
// loopback by tests/telegram/emulator.mjs): a user opens the deep link ("/start CODE"),
// the real worker, inbound pipeline, engine and SQLite store link the chat to the family,
// and the family's next crisis call reaches that chat with its answer buttons.
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

#include "adapters/app/inbound_pipeline.h"
#include "adapters/crypto/openssl_hasher.h"
#include "adapters/crypto/openssl_random.h"
#include "adapters/data/templates_loader.h"
#include "adapters/telegram/telegram_sender.h"
#include "adapters/telegram/telegram_worker.h"
#include "bot/engine.h"
#include "bot/linking.h"
#include "store/store.h"
#include "support/http_client.h"
#include "support/paths/source_paths.h"
#include "support/process.h"
#include "support/reply_parser.h"
#include "support/shipped_data.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"

namespace noodbel::telegram {

using ::noodbel::testing_support::must;
namespace {

using nlohmann::json;
using testing_support::BackgroundProcess;
using testing_support::http_call;

constexpr const char* kToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
constexpr std::int64_t kUser = 5151;
constexpr UnixTime kNow = 1'763'974'800;  // Monday 2025-11-24 10:00 Brussels

json user() { return {{"id", kUser}, {"is_bot", false}, {"first_name", "Els"}}; }
json chat() { return {{"id", kUser}, {"first_name", "Els"}, {"type", "private"}}; }

Family family() {
  Family f;
  f.id = "F0012";
  f.service = "oost-vlaanderen";
  f.display_name = "Gezin Test";
  f.contacts = {{Channel::kSms, "+32470000012"}};
  f.postcode = "9000";
  f.home = {51.05, 3.71667};
  f.languages = {Language::kNl};
  return f;
}

class TelegramLinkingTest : public ::testing::Test {
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
        testing_support::make_temp_dir("noodbel-tg-linking"));
    ASSERT_NE(emulator_->wait_for_output("listening", 15'000), "")
        << "the emulator did not start: " << emulator_->stderr_text();

    auto templates = load_templates(noodbel::testing::source_path("/templates"));
    ASSERT_TRUE(templates.ok()) << templates.error().message;
    templates_ = std::make_unique<Templates>(std::move(templates).value());
    config_.services = default_services();
    engine_ = std::make_unique<Engine>(config_, postcodes_, *templates_,
                                       EnginePorts{clock_, random_, hasher_}, guard_,
                                       test_data::shipped_reply_parser());
    auto opened = store::Store::open(":memory:", ::noodbel::testing_support::wall_clock());
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
    pipeline_ = std::make_unique<InboundPipeline>(*store_, *engine_, [] {});
    const Status s = store_->transaction([](Repository& repo) -> Status {
      repo.upsert_caseworker({"C001", "oost-vlaanderen", "An Peeters",
                              {{Channel::kTelegram, "1001"}}, Role::kCaseworker, Language::kNl});
      repo.upsert_family(family());
      return Ok();
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
  }

  void TearDown() override {
    if (emulator_) emulator_->terminate(5'000);
  }

  TelegramApi api() { return TelegramApi(*client_, base(), kToken); }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }

  std::string issue_code() {
    std::string code;
    const Status s = store_->transaction([&](Repository& repo) -> Status {
      Result<std::string> fresh = random_link_code(random_);
      if (!fresh) return fresh.error();
      Result<IssuedLinkCode> issued = issue_link_code(repo, hasher_, "F0012", "admin", *fresh, kNow);
      if (!issued) return issued.error();
      code = issued->code;
      return Ok();
    });
    EXPECT_TRUE(s.ok()) << s.error().message;
    return code;
  }

  // What the emulator's user sees from the bot in the chat, oldest first.
  json bot_messages() {
    const auto reply = http_call(port_, "POST", "/getUpdates",
                                 json{{"token", kToken}, {"chatId", kUser}}.dump(),
                                 {{"Content-Type", "application/json"}});
    EXPECT_EQ(reply.status, 200) << reply.body;
    return json::parse(reply.body)["result"];
  }

  // Sends every pending Telegram outbox row through the real sender, as the dispatcher does.
  void dispatch(const std::string& call_code) {
    TelegramSender sender(api(), *templates_, [&](const OutboundMessage& m) {
      return m.call_id ? std::optional<CallButtons>(CallButtons{call_code, Language::kNl})
                       : std::nullopt;
    });
    for (const OutboxItem& item : must(store_->claim_outbox(Channel::kTelegram, kNow + 60, 50))) {
      const SendResult sent = sender.send(item);
      ASSERT_EQ(sent.kind, SendResult::Kind::kSent) << sent.error;
      EXPECT_TRUE(store_->mark_sent(item.id, sent.provider_message_id, kNow + 60).ok());
    }
  }

  int port_ = 0;
  std::unique_ptr<BackgroundProcess> emulator_;
  std::unique_ptr<HttpClient> client_ = make_http_client();
  ManualClock clock_{kNow};
  OpenSslRandom random_;
  OpenSslHasher hasher_;
  CoreConfig config_;
  Postcodes postcodes_ =
      Postcodes::from_places({{"9000", "Gent", "Oost-Vlaanderen", "VLG", {51.05, 3.71667}}});
  AnonymizationGuard guard_ = test_data::guard_with({"Emma"}, {"Gent"});
  std::unique_ptr<Templates> templates_;
  std::unique_ptr<Engine> engine_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<InboundPipeline> pipeline_;
};

TEST_F(TelegramLinkingTest, StartWithACodeLinksTheChatAndTheNextCrisisCallArrivesThere) {
  const std::string code = issue_code();
  ASSERT_EQ(code.size(), kLinkCodeLength);
  const std::string text = "/start " + code;
  const auto sent = http_call(
      port_, "POST", "/sendCommand",
      json{{"botToken", kToken},
           {"date", kNow},
           {"from", user()},
           {"chat", chat()},
           {"text", text},
           {"entities", json::array({{{"offset", 0}, {"length", 6}, {"type", "bot_command"}}})}}
          .dump(),
      {{"Content-Type", "application/json"}});
  ASSERT_EQ(sent.status, 200) << sent.body;

  std::vector<InboundMessage> seen;
  TelegramWorker worker(api(), {}, {},
                        [&](const InboundMessage& m) -> Result<InboundOutcome> {
                          seen.push_back(m);
                          return pipeline_->deliver(m);
                        },
                        clock_, WorkerOptions{});
  const Status polled = worker.poll_once();
  ASSERT_TRUE(polled.ok()) << polled.error().message;
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].text, text);

  // The caseworker opens a call; the family is now reached on the linked chat first.
  const auto opened = pipeline_->deliver({Channel::kTelegram, "1001", "cw-1",
                                          "/crisis leeftijd=4 postcode=9000 taal=nl duur=3d",
                                          kNow, std::nullopt});
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  std::string call_code;
  const Status read = store_->transaction([&](Repository& repo) -> Status {
    const std::vector<Call> calls = repo.open_calls();
    if (calls.size() != 1) return Error::Internal("expected one open call");
    call_code = calls[0].code;
    EXPECT_EQ(repo.family("F0012")->contacts.front(),
              (Contact{Channel::kTelegram, std::to_string(kUser)}));
    return Ok();
  });
  ASSERT_TRUE(read.ok()) << read.error().message;
  dispatch(call_code);

  // The call goes first (priority 0), then the confirmation of the link.
  const json messages = bot_messages();
  ASSERT_EQ(messages.size(), 2u) << messages.dump();
  const json& offer = messages[0]["message"];
  EXPECT_NE(offer["text"].get<std::string>().find(call_code), std::string::npos) << offer.dump();
  EXPECT_EQ(offer["reply_markup"]["inline_keyboard"][0][0]["callback_data"],
            "a:" + call_code + ":yes");
  auto done = templates_->render(Language::kNl, "link_done",
                                 {{"service", "Pleegzorg Oost-Vlaanderen"}});
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(messages[1]["message"]["text"], *done);
}

}  // namespace
}  // namespace noodbel::telegram
