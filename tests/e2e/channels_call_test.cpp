// The multi-channel acceptance test of issue 5: one real `noodbel serve` with Telegram
// (telegram-test-api, polling), SMS through real Kannel (bearerbox, smsbox, fakesmsc) and
// Signal (tests/support/signal_cli_stub.py) enabled at once, sandbox off. One crisis call
// reaches a family on each channel, a fourth family fails over from Signal to SMS, and
// the three answers land on one /bord whose web link opens.
// Skipped, saying why, only when Kannel, node or the npm packages are missing.
#include <sqlite3.h>

#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "../adapters/signal/signal_cli_stub.h"
#include "e2e/channels_support.h"
#include "e2e/e2e_support.h"
#include "support/http_client.h"
#include "support/paths/source_paths.h"

namespace noodbel::testing_support {
namespace {

using nlohmann::json;

constexpr const char* kToken = "7301946285:Kvf7lxDiIieehGB25QUeHi6JE8XW-yayenQ8N";
constexpr const char* kCaseworker = "+32470000101";
constexpr std::int64_t kTelegramChat = 4242;      // F0001
constexpr const char* kSmsFamily = "+32470000002";     // F0002
constexpr const char* kSignalFamily = "+32470000003";  // F0003
constexpr const char* kFailoverFamily = "+32470000004";  // F0004: Signal unregistered, then SMS
constexpr auto kDeadline = std::chrono::seconds(20);

json tg_user() { return {{"id", kTelegramChat}, {"is_bot", false}, {"first_name", "Els"}}; }
json tg_chat() { return {{"id", kTelegramChat}, {"first_name", "Els"}, {"type", "private"}}; }

// The last_error of every outbox row of `family` on `channel`, read from the database.
std::vector<std::string> outbox_errors(const std::string& db, const std::string& family,
                                       const std::string& channel) {
  std::vector<std::string> out;
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    ADD_FAILURE() << "cannot open " << db;
    return out;
  }
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> conn(raw, &sqlite3_close);
  sqlite3_busy_timeout(conn.get(), 5000);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(conn.get(),
                     "SELECT state || ' ' || last_error FROM outbox "
                     "WHERE recipient_id = ?1 AND channel = ?2 ORDER BY id",
                     -1, &stmt, nullptr);
  sqlite3_bind_text(stmt, 1, family.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(stmt, 2, channel.c_str(), -1, SQLITE_TRANSIENT);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    out.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  }
  sqlite3_finalize(stmt);
  return out;
}

// The line of `text` that contains `needle`, or "".
std::string line_with(const std::string& text, const std::string& needle) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find(needle) != std::string::npos) return line;
  }
  return {};
}

class ChannelsCall : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const std::string missing = missing_programs(); !missing.empty()) {
      GTEST_SKIP() << missing << " missing: run scripts/install-deps (Debian kannel and "
                   << "kannel-extras, node, and `npm ci` for telegram-test-api)";
    }
    ASSERT_NE(signal_.port(), 0);
    const std::vector<int> ports = free_loopback_ports(2);
    noodbel_port_ = ports[0];
    telegram_ = std::make_unique<TelegramEmulator>(ports[1]);
    ASSERT_TRUE(telegram_->started()) << telegram_->log();
    const std::string base = "http://127.0.0.1:" + std::to_string(noodbel_port_);
    kannel_ = std::make_unique<KannelGateway>(base + "/webhooks/kannel/" + kKannelSecret);
    ASSERT_TRUE(kannel_->failure().empty()) << kannel_->failure();
    listener_ = std::make_unique<FakePhone>(*kannel_, FakePhone::listen_only());
    ASSERT_TRUE(listener_->connected()) << kannel_->bearerbox_log();
    write_config(base);
    import_people();
    start_server();
  }

  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->terminate(10000), 0) << server_->stderr_text();
    }
  }

  void write_config(const std::string& base) {
    env_.dir = make_temp_dir("noodbel-e2e-channels");
    env_.config = env_.dir + "/noodbel.toml";
    env_.db = env_.dir + "/noodbel.db";
    std::ofstream(env_.config) << "[database]\npath = \"" << env_.db << "\"\n"
                               << "[http]\naddress = \"127.0.0.1\"\nport = " << noodbel_port_
                               << "\n"
                               << "[sandbox]\nenabled = false\n"
                               << "[log]\nlevel = \"info\"\n"
                               << "[telegram]\nenabled = true\ntoken = \"" << kToken
                               << "\"\nmode = \"polling\"\n"
                               << "api_base_url = \"" << telegram_->url()
                               << "\"\npoll_timeout_seconds = 1\n"
                               << "[kannel]\nenabled = true\nsendsms_url = \""
                               << kannel_->sendsms_url() << "\"\n"
                               << "username = \"noodbel\"\npassword = \"" << kKannelPassword
                               << "\"\nfrom = \"8810\"\n"
                               << "dlr_url = \"" << base << "/webhooks/kannel\"\n"
                               << "webhook_secret = \"" << kKannelSecret << "\"\n"
                               << "[signal]\nenabled = true\naccount = \"+32470999999\"\n"
                               << "rpc_url = \"" << signal_.url() << "\"\n";
  }

  void import_people() {
    const std::vector<std::pair<std::string, std::string>> rows{
        {"F0001", "telegram:" + std::to_string(kTelegramChat)},
        {"F0002", std::string("sms:") + kSmsFamily},
        {"F0003", std::string("signal:") + kSignalFamily},
        {"F0004", std::string("signal:") + kFailoverFamily + ";sms:" + kFailoverFamily}};
    std::string families;
    for (const auto& [id, contacts] : rows) {
      families += id + ",oost-vlaanderen,Gezin " + id + "," + contacts +
                  ",9000,30,0,12,2,nl,,,yes,nl\n";
    }
    load_people(env_,
                std::string("C001,oost-vlaanderen,An De Clercq,caseworker,signal:") + kCaseworker +
                    ",nl\n",
                families);
  }

  void start_server() {
    server_ = std::make_unique<BackgroundProcess>(
        noodbel::testing::noodbel_binary(), std::vector<std::string>{"serve", "--config", env_.config}, env_.dir);
    ASSERT_FALSE(server_->wait_for_output("noodbel is serving on", 30000).empty())
        << server_->stderr_text();
    ASSERT_TRUE(eventually([this] { return health()["signal"] == "connected"; }, kDeadline))
        << health().dump() << server_->stderr_text();
    ASSERT_TRUE(eventually([this] { return server_log().find("event=telegram.ready") != std::string::npos; },
                           kDeadline))
        << server_log();
  }

  std::string server_log() const { return server_->stdout_text() + server_->stderr_text(); }

  json health() {
    return json::parse(http_call(noodbel_port_, "GET", "/healthz").body, nullptr, false);
  }

  std::vector<json> signal_sends(const std::string& number) const {
    std::vector<json> out;
    for (const json& s : signal_.sends()) {
      if (s["recipient"][0] == number) out.push_back(s);
    }
    return out;
  }

  // Waits until `number` has had more than `count` Signal sends; returns them all.
  std::vector<json> wait_for_signal(const std::string& number, std::size_t count) {
    std::vector<json> got;
    EXPECT_TRUE(eventually([&] { return (got = signal_sends(number)).size() > count; }, kDeadline))
        << "no Signal message to " << number << ": " << signal_.sends().dump(1) << server_log();
    return got;
  }

  // Waits until the bot has sent the Telegram chat more than `count` messages.
  std::vector<json> wait_for_telegram(std::size_t count) {
    std::vector<json> got;
    EXPECT_TRUE(eventually([&] { return (got = telegram_->bot_messages(kToken, kTelegramChat)).size() > count; },
                           kDeadline))
        << "no Telegram message to " << kTelegramChat << "\n" << server_log();
    return got;
  }

  // Waits until `phone` got an SMS addressed to `number` containing `text`.
  bool wait_for_sms(const FakePhone& phone, const std::string& number, const std::string& text) {
    const bool ok = eventually([&] {
      for (const ReceivedSms& sms : decode_sms(phone.received())) {
        if (sms.to == number && sms.text.find(text) != std::string::npos) return true;
      }
      return false;
    }, kDeadline);
    EXPECT_TRUE(ok) << "no SMS to " << number << " with '" << text << "': "
                    << ::testing::PrintToString(phone.received()) << "\n" << server_log();
    return ok;
  }

  std::string metrics() { return http_call(noodbel_port_, "GET", "/metrics").body; }

  SignalCliStub signal_;
  std::unique_ptr<TelegramEmulator> telegram_;
  std::unique_ptr<KannelGateway> kannel_;
  std::unique_ptr<FakePhone> listener_;
  E2eEnv env_;
  std::unique_ptr<BackgroundProcess> server_;
  int noodbel_port_ = 0;
};

TEST_F(ChannelsCall, OneCallReachesEveryChannelFailsOverAndTheAnswersLandOnOneBoard) {
  signal_.fail({{"recipient", kFailoverFamily}, {"type", "UNREGISTERED_FAILURE"}});
  signal_.push_text(kCaseworker, 1800000000001,
                    "/crisis leeftijd=4 postcode=9000 taal=nl duur=3d Korte toelichting");

  // Signal: the offer is sent and carries the call code.
  const std::vector<json> offers = wait_for_signal(kSignalFamily, 0);
  ASSERT_FALSE(offers.empty());
  const json& offer = offers.front();
  std::smatch m;
  const std::string offer_text = offer["message"];
  ASSERT_TRUE(std::regex_search(offer_text, m, std::regex("\\b([A-HJ-NP-Z]\\d\\d)\\b"))) << offer_text;
  const std::string code = m[1];

  // Telegram: the offer arrives with the Ja / Nee / Misschien buttons.
  const json tg_offer = wait_for_telegram(0).at(0);
  EXPECT_NE(tg_offer["text"].get<std::string>().find(code), std::string::npos) << tg_offer.dump();
  const json buttons = tg_offer["reply_markup"]["inline_keyboard"][0];
  ASSERT_EQ(buttons.size(), 3u) << tg_offer.dump();
  EXPECT_EQ(buttons[0], json({{"text", "Ja"}, {"callback_data", "a:" + code + ":yes"}}));

  // SMS through Kannel, and the unregistered Signal number failed over to SMS.
  ASSERT_TRUE(wait_for_sms(*listener_, kSmsFamily, code));
  ASSERT_TRUE(wait_for_sms(*listener_, kFailoverFamily, code));
  const std::vector<json> failed = signal_sends(kFailoverFamily);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_TRUE(failed[0]["_failed"].get<bool>());
  const std::vector<std::string> signal_rows = outbox_errors(env_.db, "F0004", "signal");
  ASSERT_EQ(signal_rows.size(), 1u);
  EXPECT_EQ(signal_rows[0].rfind("failed failover to sms: ", 0), 0u) << signal_rows[0];
  EXPECT_NE(metrics().find("noodbel_messages_out_total{channel=\"signal\",status=\"failover\"} 1"),
            std::string::npos)
      << metrics();

  // The answers: a Ja button press, an SMS maybe with a condition, a Signal no quoting the call.
  telegram_->press(kToken, {{"from", tg_user()},
                            {"message", {{"message_id", tg_offer["message_id"]}, {"chat", tg_chat()},
                                         {"date", tg_offer["date"]}}},
                            {"data", buttons[0]["callback_data"]}});
  listener_.reset();  // fakesmsc: one phone connected at a time
  const FakePhone replier(*kannel_, FakePhone::sending(kSmsFamily, "ja maar pas vanaf 18u"));
  ASSERT_TRUE(replier.connected()) << kannel_->bearerbox_log();
  signal_.push_text(kSignalFamily, 1800000000002, "nee", offer["_timestamp"].get<std::int64_t>());

  // Each family is acknowledged on its own channel once its answer is stored.
  const std::vector<json> tg_all = wait_for_telegram(1);
  ASSERT_GE(tg_all.size(), 2u);
  EXPECT_NE(tg_all[1]["text"].get<std::string>().find("JA voor " + code), std::string::npos)
      << tg_all[1].dump();
  // A yes with a condition stays a yes, and the acknowledgement repeats the condition.
  EXPECT_TRUE(wait_for_sms(replier, kSmsFamily, "JA voor " + code + ", vanaf 18:00"));
  const std::vector<json> to_signal_family = wait_for_signal(kSignalFamily, 1);
  ASSERT_GE(to_signal_family.size(), 2u);
  EXPECT_EQ(to_signal_family[1]["quoteTimestamp"], 1800000000002) << to_signal_family[1].dump();
  EXPECT_NE(to_signal_family[1]["message"].get<std::string>().find("NEE voor " + code),
            std::string::npos);

  // One board: both yes answers ranked with their words and condition, the no named.
  const std::size_t before = signal_sends(kCaseworker).size();
  signal_.push_text(kCaseworker, 1800000000003, "/bord " + code);
  std::string board;
  ASSERT_TRUE(eventually(
      [&] {
        for (const json& send : signal_sends(kCaseworker)) {
          const std::string text = send["message"];
          if (text.find(code + " (open)") != std::string::npos) board = text;
        }
        return !board.empty() && signal_sends(kCaseworker).size() > before;
      },
      kDeadline))
      << signal_.sends().dump(1);
  EXPECT_NE(line_with(board, "(F0001)").find(": JA, "), std::string::npos) << board;
  EXPECT_NE(line_with(board, "(F0002)").find(": JA, "), std::string::npos) << board;
  EXPECT_NE(line_with(board, "(F0002)").find("vanaf 18:00"), std::string::npos) << board;
  EXPECT_NE(board.find("\"ja maar pas vanaf 18u\""), std::string::npos) << board;
  EXPECT_NE(board.find("Ja 2, misschien 0, nee 1"), std::string::npos) << board;
  EXPECT_NE(line_with(board, "Nee (1)").find("Gezin F0003"), std::string::npos) << board;

  ASSERT_TRUE(std::regex_search(board, m, std::regex("http://127\\.0\\.0\\.1:(\\d+)(/board/\\S+)")))
      << board;
  EXPECT_EQ(std::stoi(m[1]), noodbel_port_);
  const HttpReply page = http_call(noodbel_port_, "GET", m[2]);
  EXPECT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find(code), std::string::npos);
}

}  // namespace
}  // namespace noodbel::testing_support
