// A crisis call over Signal end to end: a real `noodbel serve` talks to a stub of
// signal-cli's HTTP daemon (tests/support/signal_cli_stub.py). The caseworker and the
// family both use Signal: the call reaches the family, the family's "ja" quoting the
// call arrives over server-sent events, is acknowledged with a quote of it, and shows
// on the caseworker's /bord.
#include <fstream>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "../adapters/signal/signal_cli_stub.h"
#include "e2e/e2e_support.h"
#include "support/http_client.h"
#include "support/paths/source_paths.h"

namespace noodbel::testing_support {
namespace {

using nlohmann::json;

constexpr const char* kCaseworker = "+32470000101";
constexpr const char* kFamily = "+32470000001";

class SignalServer : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(stub_.port(), 0);
    env_.dir = make_temp_dir("noodbel-e2e-signal");
    env_.config = env_.dir + "/noodbel.toml";
    env_.db = env_.dir + "/noodbel.db";
    std::ofstream(env_.config) << "[database]\npath = \"" << env_.db << "\"\n"
                               << "[http]\naddress = \"127.0.0.1\"\nport = 0\n"
                               << "[log]\nlevel = \"info\"\n"
                               << "[signal]\nenabled = true\naccount = \"+32470999999\"\n"
                               << "rpc_url = \"" << stub_.url() << "\"\n";
    load_people(env_,
                std::string("C001,oost-vlaanderen,An De Clercq,caseworker,signal:") + kCaseworker +
                    ",nl\n",
                std::string("F0001,oost-vlaanderen,Gezin Peeters,signal:") + kFamily +
                    ";sms:0470 00 00 01,9000,30,0,12,2,nl,,,yes,nl\n");
    server_ = std::make_unique<BackgroundProcess>(
        noodbel::testing::noodbel_binary(), std::vector<std::string>{"serve", "--config", env_.config}, env_.dir);
    const std::string out = server_->wait_for_output("noodbel is serving on", 30000);
    ASSERT_FALSE(out.empty()) << server_->stderr_text();
    std::smatch m;
    ASSERT_TRUE(std::regex_search(out, m, std::regex("127\\.0\\.0\\.1:(\\d+)")));
    port_ = std::stoi(m[1]);
    ASSERT_TRUE(eventually([this] { return health()["signal"] == "connected"; }))
        << health().dump() << server_->stderr_text();
  }

  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->terminate(10000), 0) << server_->stderr_text();
    }
  }

  json health() {
    const HttpReply r = http_call(port_, "GET", "/healthz");
    return json::parse(r.body, nullptr, false);
  }

  static std::vector<json> sends_to(const json& sends, const std::string& number) {
    std::vector<json> out;
    for (const auto& s : sends) {
      if (s["recipient"][0] == number) out.push_back(s);
    }
    return out;
  }

  // Waits until `number` has received more than `count` messages; returns them all.
  std::vector<json> wait_for_sends(const std::string& number, std::size_t count) {
    std::vector<json> got;
    const bool ok = eventually([&] {
      got = sends_to(stub_.sends(), number);
      return got.size() > count;
    });
    EXPECT_TRUE(ok) << "no message to " << number << ": " << stub_.sends().dump(1) << "\n"
                    << server_->stderr_text();
    return got;
  }

  SignalCliStub stub_;
  E2eEnv env_;
  std::unique_ptr<BackgroundProcess> server_;
  int port_ = 0;
};

TEST_F(SignalServer, ACallReachesASignalFamilyWhoseQuotedYesLandsOnTheBoard) {
  stub_.push_text(kCaseworker, 1800000000001,
                  "/crisis leeftijd=4 postcode=9000 taal=nl duur=3d Korte toelichting");
  const std::vector<json> offers = wait_for_sends(kFamily, 0);
  ASSERT_FALSE(offers.empty());
  const json offer = offers.front();
  std::smatch m;
  const std::string offer_text = offer["message"];
  ASSERT_TRUE(std::regex_search(offer_text, m, std::regex("\\b([A-HJ-NP-Z]\\d\\d)\\b"))) << offer_text;
  const std::string code = m[1];
  EXPECT_FALSE(offer.contains("quoteTimestamp"));  // a call offer answers nothing

  // The family answers by quoting the call offer (its provider id is the send timestamp).
  stub_.push_text(kFamily, 1800000000002, "ja", offer["_timestamp"].get<std::int64_t>());
  const std::vector<json> to_family = wait_for_sends(kFamily, 1);
  ASSERT_GE(to_family.size(), 2u);
  const json ack = to_family[1];
  EXPECT_EQ(ack["quoteTimestamp"], 1800000000002) << ack.dump();
  EXPECT_EQ(ack["quoteAuthor"], kFamily);
  EXPECT_NE(ack["message"].get<std::string>().find(code), std::string::npos) << ack.dump();

  const std::size_t before = sends_to(stub_.sends(), kCaseworker).size();
  stub_.push_text(kCaseworker, 1800000000003, "/bord " + code);
  const std::vector<json> to_caseworker = wait_for_sends(kCaseworker, before);
  const std::string board = to_caseworker.back()["message"];
  EXPECT_NE(board.find("F0001"), std::string::npos) << board;

  const HttpReply metrics = http_call(port_, "GET", "/metrics");
  EXPECT_NE(metrics.body.find("noodbel_messages_in_total{channel=\"signal\"} 3"), std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("noodbel_signal_stream_connected 1"), std::string::npos);
}

TEST_F(SignalServer, AnUnregisteredNumberFailsPermanentlyAndTheStreamSurvivesADrop) {
  stub_.fail({{"recipient", kFamily}, {"type", "UNREGISTERED_FAILURE"}});
  stub_.drop_streams();
  ASSERT_TRUE(eventually([this] { return stub_.state()["connects"] >= 2 && health()["signal"] == "connected"; }))
      << stub_.state().dump();
  stub_.push_text(kCaseworker, 1800000000001,
                  "/crisis leeftijd=4 postcode=9000 taal=nl duur=3d Korte toelichting");
  const std::vector<json> offers = wait_for_sends(kFamily, 0);
  ASSERT_FALSE(offers.empty());
  EXPECT_TRUE(offers.front()["_failed"].get<bool>());
  // The caseworker still hears back over the reconnected stream and Signal.
  EXPECT_FALSE(wait_for_sends(kCaseworker, 0).empty());
}

}  // namespace
}  // namespace noodbel::testing_support
