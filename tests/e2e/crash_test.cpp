// A real `noodbel serve` crashed (kill -9) or stopped (SIGTERM) while it works, then
// started again on the same database; SMS go through a fake Twilio on loopback that counts
// every message per number (tests/e2e/crash_support.h). What the README's "Delivery
// guarantees" promise for a process crash and a restart: a signed reply answered 200 is
// stored, a resent reply is stored and confirmed once, every family gets the call, and
// only a message in flight at the kill can reach its family twice.
#include <signal.h>

#include <atomic>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "e2e/crash_support.h"
#include "e2e/e2e_support.h"
#include "e2e/sql_read_support.h"
#include "support/net/fake_twilio_api.h"
#include "support/paths/source_paths.h"

namespace noodbel::testing_support {
namespace {

constexpr int kFamilies = 300;
constexpr auto kFamilyCount = static_cast<std::size_t>(kFamilies);
constexpr const char* kCaseworker = "+32472000001";
constexpr const char* kOffer = "Antwoord JA ";                // templates/nl/call_offer.txt
constexpr const char* kConfirmation = "We noteren: JA voor";  // templates/nl/ack_yes.txt
constexpr int kWaitMs = 45'000;
// The SMS channel has one dispatcher worker; it hands one message at a time to the
// provider and, while the database takes writes, records it sent before the next
// (adapters/dispatch/dispatcher.cpp, round and handle). At a kill, at most that one message
// was accepted but not recorded: the only one a restart can send twice. The rows claimed
// with it are `sending` too, but were never sent.
constexpr int kMaxResentAfterKill = 1;

// Family n, 1-based.
std::string family_id(std::size_t n) { return fmt::format("F{:04d}", n); }
std::string family_number(std::size_t n) { return fmt::format("+32471{:06d}", n); }
std::string reply_sid(std::size_t n) { return fmt::format("SMc4a5{:028x}", n); }

// Every family's "ja", sent as Twilio sends it, over `connections` concurrent connections;
// starts at once. Each reply has its own MessageSid. `on_acknowledged(n)` runs on the
// sending thread right after the n-th answer 200 (to kill the service then).
class ReplyBurst {
 public:
  ReplyBurst(int port, int connections, std::function<void(int)> on_acknowledged = {})
      : status_(kFamilyCount), on_acknowledged_(std::move(on_acknowledged)) {
    for (int c = 0; c < connections; ++c) {
      threads_.emplace_back([this, port] {
        for (std::size_t i = next_++; i < kFamilyCount; i = next_++) {
          const int code =
              twilio_incoming(port, reply_sid(i + 1), family_number(i + 1), "ja").status;
          status_[i] = code;
          if (code != 200) continue;
          const int n = ++acknowledged_;
          if (on_acknowledged_) on_acknowledged_(n);
        }
      });
    }
  }
  ~ReplyBurst() { join(); }
  ReplyBurst(const ReplyBurst&) = delete;
  ReplyBurst& operator=(const ReplyBurst&) = delete;

  // Waits for every reply's answer; the HTTP status of each (0: none), family 1 first.
  std::vector<int> statuses() {
    join();
    return {status_.begin(), status_.end()};
  }

 private:
  void join() {
    for (std::thread& t : threads_) {
      if (t.joinable()) t.join();
    }
  }

  std::vector<std::atomic<int>> status_;
  const std::function<void(int)> on_acknowledged_;
  std::atomic<std::size_t> next_{0};
  std::atomic<int> acknowledged_{0};
  std::vector<std::thread> threads_;
};

class Crash : public ::testing::Test {
 protected:
  void SetUp() override {
    env_.dir = make_temp_dir("noodbel-e2e-crash");
    env_.config = env_.dir + "/noodbel.toml";
    env_.db = env_.dir + "/noodbel.db";
    std::ofstream(env_.config)
        << "[database]\npath = \"" << env_.db << "\"\n"
        << "[http]\naddress = \"127.0.0.1\"\nport = 0\n"
        << "[sandbox]\nenabled = false\n"
        << "[log]\nlevel = \"info\"\n"
        << "[digest]\nenabled = false\n"
        << "[twilio]\nenabled = true\naccount_sid = \"" << kCrashTwilioAccount << "\"\n"
        << "auth_token = \"" << kCrashTwilioToken << "\"\nfrom = \"+32460000000\"\n"
        << "api_base_url = \"" << provider_.base_url() << "\"\n"
        << "public_url = \"" << kCrashTwilioUrl << "\"\n"
        << "[sms]\nprovider = \"twilio\"\nmessages_per_second = 1000\n"
        << "[[services]]\nid = \"oost-vlaanderen\"\nname = \"Pleegzorg Oost-Vlaanderen\"\n"
        << "office_hours = \"ma-zo 00:00-24:00\"\n";
    std::string families;
    for (std::size_t i = 1; i <= kFamilyCount; ++i) {
      families += fmt::format("{},oost-vlaanderen,Gezin {},sms:{},9000,30,0,12,2,nl,,,yes,nl\n",
                              family_id(i), i, family_number(i));
    }
    load_people(
        env_, fmt::format("C001,oost-vlaanderen,An De Clercq,caseworker,sms:{},nl\n", kCaseworker),
        families);
  }

  void TearDown() override {
    if (server_) EXPECT_EQ(server_->terminate(10000), 0) << logs();
  }

  // Starts serve (again) on the same database; its logs go to a folder of its own.
  void start() {
    server_ = std::make_unique<BackgroundProcess>(
        noodbel::testing::noodbel_binary(),
        std::vector<std::string>{"serve", "--config", env_.config},
        make_temp_dir("noodbel-e2e-crash-run"));
    runs_.push_back(server_.get());
    const std::string out = server_->wait_for_output("noodbel is serving on", 30000);
    ASSERT_FALSE(out.empty()) << logs();
    std::smatch m;
    ASSERT_TRUE(std::regex_search(out, m, std::regex("127\\.0\\.0\\.1:(\\d+)"))) << out;
    port_ = std::stoi(m[1]);
  }

  // kill -9 (again, when the process is already dead), and reaps it.
  void crash() {
    server_->kill(SIGKILL);
    const std::optional<int> code = server_->wait_exit(10000);
    ASSERT_TRUE(code.has_value()) << "still running after SIGKILL";
    EXPECT_EQ(*code, 128 + SIGKILL);
    finished_.push_back(std::move(server_));
  }

  // The caseworker opens a call by SMS for every family in one wave.
  void open_call() {
    const HttpReply r = twilio_incoming(
        port_, "SMc4a5ca11000000000000000000000000", kCaseworker,
        fmt::format("/crisis leeftijd=4 postcode=9000 taal=nl duur=3d golf={} Meisje van 4",
                    kFamilies));
    ASSERT_EQ(r.status, 200) << r.body << logs();
    // The reply is answered after its transaction: the whole wave is queued.
    ASSERT_EQ(sql_number(env_.db, "SELECT count(*) FROM call_recipients"), kFamilies) << logs();
  }

  std::int64_t outbox_rows(const std::string& state) const {
    return sql_number(env_.db, "SELECT count(*) FROM outbox WHERE state = '" + state + "'");
  }

  // Nothing left to send to a family.
  bool drained() const {
    return sql_number(env_.db,
                      "SELECT count(*) FROM outbox WHERE recipient_id LIKE 'F%' "
                      "AND state IN ('pending', 'sending')") == 0;
  }

  // How many of the families got at least one message containing `needle`.
  int families_reached(const std::string& needle) const {
    return static_cast<int>(provider_.per_number(needle).size());
  }

  // Waits until every family got `needle` and nothing is left to send to families.
  bool wait_all_reached(const std::string& needle) const {
    return wait_until([&] { return families_reached(needle) == kFamilies && drained(); }, kWaitMs);
  }

  // Checks every family got `needle` at least once; the messages beyond one per family.
  int duplicates_of(const std::string& needle) const {
    const std::map<std::string, int> got = provider_.per_number(needle);
    int duplicates = 0;
    for (std::size_t i = 1; i <= kFamilyCount; ++i) {
      const auto it = got.find(family_number(i));
      EXPECT_TRUE(it != got.end()) << family_id(i) << " never got '" << needle << "'";
      if (it != got.end()) duplicates += it->second - 1;
    }
    return duplicates;
  }

  // Starts serve again and waits until every family has the offer; the offers beyond one
  // per family.
  int restart_until_every_family_has_the_offer() {
    start();
    if (HasFatalFailure()) return -1;
    EXPECT_TRUE(wait_all_reached(kOffer)) << families_reached(kOffer) << " reached\n" << logs();
    EXPECT_EQ(outbox_rows("failed"), 0);
    return duplicates_of(kOffer);
  }

  std::string logs() const {
    std::string out;
    for (const BackgroundProcess* run : runs_) {
      const std::string err = run->stderr_text();
      out += "--- serve run ---\n" + run->stdout_text() +
             err.substr(err.size() > 6000 ? err.size() - 6000 : 0);
    }
    return out;
  }

  FakeTwilioApi provider_;
  E2eEnv env_;
  std::unique_ptr<BackgroundProcess> server_;
  std::vector<std::unique_ptr<BackgroundProcess>> finished_;
  std::vector<const BackgroundProcess*> runs_;
  int port_ = 0;
};

TEST_F(Crash, KillDashNineMidFanOutLosesNoFamilyAndResendsOnlyTheMessageInFlight) {
  provider_.hold(kFamilies / 3);  // the kill lands while this offer is at the provider
  start();
  open_call();
  ASSERT_TRUE(provider_.wait_held(kWaitMs)) << logs();
  crash();
  provider_.release();
  const std::int64_t in_flight = outbox_rows("sending");
  const int reached_before = families_reached(kOffer);
  EXPECT_GE(in_flight, 1) << "the held offer is not recorded sent";
  EXPECT_LT(reached_before, kFamilies) << "the kill came after the fan-out";

  const int duplicates = restart_until_every_family_has_the_offer();
  std::cout << "[ crash    ] fan-out: " << reached_before << " of " << kFamilies
            << " families reached before kill -9, " << in_flight
            << " rows sending at the kill, duplicates after restart: " << duplicates << "\n";
  EXPECT_LE(duplicates, in_flight);
  EXPECT_LE(duplicates, kMaxResentAfterKill);
}

TEST_F(Crash, KillDashNineDuringSignedRepliesLosesNoAcknowledgedReplyAndTheResendCountsOnce) {
  start();
  open_call();
  ASSERT_TRUE(wait_all_reached(kOffer)) << logs();

  // kill -9 as soon as a third of the replies were answered 200, the others in flight.
  BackgroundProcess& serve = *server_;
  const std::vector<int> first = ReplyBurst(port_, 16, [&](int n) {
                                   if (n == kFamilies / 3) serve.kill(SIGKILL);
                                 }).statuses();
  crash();
  // Read straight after the kill: every reply answered 200 is stored with its answer.
  const std::vector<std::string> inbox = sql_texts(env_.db, "SELECT provider_id FROM inbox");
  const std::vector<std::string> yes =
      sql_texts(env_.db, "SELECT family_id FROM responses WHERE answer = 'yes'");
  const std::set<std::string> stored(inbox.begin(), inbox.end());
  const std::set<std::string> answered(yes.begin(), yes.end());
  int acknowledged = 0;
  int stored_replies = 0;
  for (std::size_t i = 0; i < kFamilyCount; ++i) {
    stored_replies += static_cast<int>(stored.count("tw:" + reply_sid(i + 1)));
    if (first[i] != 200) continue;
    ++acknowledged;
    EXPECT_TRUE(stored.count("tw:" + reply_sid(i + 1)))
        << family_id(i + 1) << " answered 200, not in the inbox";
    EXPECT_TRUE(answered.count(family_id(i + 1)))
        << family_id(i + 1) << " answered 200, answer lost";
  }
  EXPECT_LT(acknowledged, kFamilies) << "the kill came after the burst";
  const std::int64_t in_flight = outbox_rows("sending");

  // The provider resends every reply, acknowledged or not.
  start();
  const std::vector<int> again = ReplyBurst(port_, 16).statuses();
  for (std::size_t i = 0; i < kFamilyCount; ++i) EXPECT_EQ(again[i], 200) << family_id(i + 1);
  ASSERT_TRUE(wait_all_reached(kConfirmation)) << families_reached(kConfirmation) << " confirmed\n"
                                               << logs();

  EXPECT_EQ(sql_number(env_.db, "SELECT count(*) FROM inbox WHERE provider_id LIKE 'tw:SMc4a5%'"),
            kFamilies + 1);  // the replies and the caseworker's /crisis
  EXPECT_EQ(sql_number(env_.db, "SELECT count(*) FROM responses WHERE answer = 'yes'"), kFamilies);
  const std::vector<std::string> confirmed =
      sql_texts(env_.db, std::string("SELECT recipient_id FROM outbox WHERE text LIKE '%") +
                             kConfirmation + "%'");
  std::map<std::string, int> rows;
  for (const std::string& family : confirmed) ++rows[family];
  EXPECT_EQ(rows.size(), kFamilyCount);
  for (const auto& [family, n] : rows)
    EXPECT_EQ(n, 1) << family << " has " << n << " confirmations queued";

  const int duplicates = duplicates_of(kConfirmation);
  std::cout << "[ crash    ] replies: " << acknowledged << " of " << kFamilies
            << " answered 200 before kill -9, " << stored_replies << " stored, " << in_flight
            << " rows sending at the kill; duplicate confirmations at the provider after "
            << "restart: " << duplicates << "\n";
  EXPECT_LE(duplicates, in_flight);
  EXPECT_LE(duplicates, kMaxResentAfterKill);
}

TEST_F(Crash, SigtermMidFanOutStopsCleanlyAndTheRestartSendsEveryOfferExactlyOnce) {
  provider_.hold(kFamilies / 3);  // SIGTERM arrives while this offer is at the provider
  start();
  open_call();
  ASSERT_TRUE(provider_.wait_held(kWaitMs)) << logs();
  server_->kill(SIGTERM);
  ASSERT_TRUE(wait_until(
      [&] { return server_->stderr_text().find("event=serve.stopping") != std::string::npos; },
      kWaitMs))
      << logs();
  provider_.release();
  const std::optional<int> code = server_->wait_exit(kWaitMs);
  ASSERT_TRUE(code.has_value()) << "still running " << kWaitMs << " ms after SIGTERM\n" << logs();
  EXPECT_EQ(*code, 0) << logs();
  finished_.push_back(std::move(server_));
  EXPECT_EQ(outbox_rows("sending"), 0) << "a clean stop leaves nothing in flight";
  const int reached_before = families_reached(kOffer);
  EXPECT_LT(reached_before, kFamilies) << "SIGTERM came after the fan-out";

  const int duplicates = restart_until_every_family_has_the_offer();
  std::cout << "[ crash    ] SIGTERM: " << reached_before << " of " << kFamilies
            << " families reached before the stop, duplicates after restart: " << duplicates
            << "\n";
  EXPECT_EQ(duplicates, 0);
}

}  // namespace
}  // namespace noodbel::testing_support
