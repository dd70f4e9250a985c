// Issue 12, storage failures end to end: a real `noodbel serve` with its database on a
// small tmpfs, SMS through a fake Twilio Messages API. While a crisis call goes out to 300
// families and a burst of signed Twilio replies and status callbacks comes in, a filler
// file fills the tmpfs. Readiness must turn red, webhooks must answer 503 with Retry-After
// (never 200 for what was not stored); once the filler is gone and every refused request
// is sent again, as Twilio would, every reply is stored exactly once, no family got the
// call twice, every delivery report is recorded, no row is stuck and the file is intact.
// Needs root for the mount (CI runs as root); skipped, saying why, otherwise.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
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
#include <nlohmann/json.hpp>

#include "adapters/twilio/twilio_signature.h"
#include "e2e/disk_full_support.h"
#include "e2e/e2e_support.h"
#include "e2e/sql_read_support.h"
#include "support/http_client.h"
#include "support/net/fake_twilio_api.h"
#include "support/paths/source_paths.h"

namespace noodbel::testing_support {
namespace {

using nlohmann::json;
using Fields = std::vector<std::pair<std::string, std::string>>;

constexpr int kFamilies = 300;
// The database and its WAL reach about 4.7 MB by the end: on the 6 MB tmpfs only
// about 1.3 MB would stay free, too close to min_free_megabytes = 1 for /readyz to turn
// green reliably once the filler is gone.
constexpr int kTmpfsMegabytes = 12;
constexpr int kOffersBeforeTheFill = 40;
constexpr std::size_t kFamiliesAnsweringBefore = 10;
constexpr std::size_t kFamiliesAnswering = 150;  // the others while the disk is full
constexpr int kRefusedAtLeast = 10;
constexpr int kBurstThreads = 4;
constexpr const char* kAccount = "AC0123456789abcdef0123456789abcdef";
constexpr const char* kAuthToken = "caa75f164451ee6f1de03585f6e40fc9";
constexpr const char* kPublicUrl = "https://noodbel.example.be/webhooks/twilio";
constexpr const char* kBotNumber = "+32460000000";
constexpr const char* kCaseworker = "+32470000101";

std::string family_id(int i) { return fmt::format("F{:04d}", i); }
std::string family_number(int i) { return fmt::format("+32471{:06d}", i); }

// One webhook request as Twilio would send it, and every status it was answered with.
struct Webhook {
  std::string sid;     // MessageSid: of the reply, or of the outgoing SMS a callback reports on
  std::string number;  // the family's
  bool is_reply = true;
  std::vector<int> statuses;
  int unavailable_without_retry_after = 0;

  bool answered_ok() const { return !statuses.empty() && statuses.back() == 200; }
};

Fields reply_fields(const Webhook& w) {
  return {{"AccountSid", kAccount}, {"MessageSid", w.sid}, {"SmsSid", w.sid},
          {"From", w.number},       {"To", kBotNumber},    {"Body", "nee"}};
}

Fields callback_fields(const Webhook& w) {
  return {{"AccountSid", kAccount},   {"MessageSid", w.sid},
          {"SmsSid", w.sid},          {"MessageStatus", "delivered"},
          {"SmsStatus", "delivered"}, {"To", w.number},
          {"From", kBotNumber}};
}

// The "reason" of a /readyz body, or "" when there is none.
std::string reason_of(const std::string& body) {
  const json parsed = json::parse(body, nullptr, false);
  return parsed.is_object() ? parsed.value("reason", "") : "";
}

HttpReply post_twilio(int port, const Fields& fields) {
  FormFields params;
  for (const auto& [k, v] : fields) params.emplace(k, v);
  return http_call(port, "POST", "/webhooks/twilio", form_encode(fields),
                   {{"Content-Type", "application/x-www-form-urlencoded"},
                    {"X-Twilio-Signature", twilio_signature(kAuthToken, kPublicUrl, params)}});
}

// How many of `messages` went to each family's number and contain `needle`.
std::map<std::string, int> count_by_number(const std::vector<TwilioSms>& messages,
                                           const std::string& needle) {
  std::map<std::string, int> out;
  for (const TwilioSms& m : messages) {
    if (m.to != kCaseworker && m.body.find(needle) != std::string::npos) ++out[m.to];
  }
  return out;
}

// The size of a file, 0 when there is none.
std::uintmax_t file_bytes(const std::string& path) {
  std::error_code missing;
  const std::uintmax_t bytes = std::filesystem::file_size(path, missing);
  return missing ? 0 : bytes;
}

// "3 of them: a, b, c, ..." (at most ten named), for one readable failure per check.
std::string listed(const std::vector<std::string>& items) {
  std::string out = std::to_string(items.size()) + " of them:";
  for (std::size_t i = 0; i < items.size() && i < 10; ++i) out += " " + items[i];
  return items.size() > 10 ? out + " ..." : out;
}

// What the outage looked like, for the test's last line.
struct Outage {
  std::size_t calls_out_at_fill = 0;
  std::size_t filler_bytes = 0;
  std::string red_reason;
  int refused = 0;
};

class DiskFull : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!tmpfs_.skip_reason().empty()) GTEST_SKIP() << tmpfs_.skip_reason();
    env_.dir = make_temp_dir("noodbel-e2e-disk-full");
    env_.config = env_.dir + "/noodbel.toml";
    env_.db = tmpfs_.dir() + "/noodbel.db";
    port_ = free_loopback_ports(1).at(0);
    write_config();
    std::string families;
    for (int i = 1; i <= kFamilies; ++i) {
      families += fmt::format("{},oost-vlaanderen,Gezin {},sms:{},9000,30,0,12,2,nl,,,yes,nl\n",
                              family_id(i), family_id(i), family_number(i));
    }
    ASSERT_NO_FATAL_FAILURE(load_people(
        env_, fmt::format("C001,oost-vlaanderen,An De Clercq,caseworker,sms:{},nl\n", kCaseworker),
        families));
    server_ = std::make_unique<BackgroundProcess>(
        noodbel::testing::noodbel_binary(),
        std::vector<std::string>{"serve", "--config", env_.config}, env_.dir);
    ASSERT_FALSE(server_->wait_for_output("noodbel is serving on", 30'000).empty())
        << server_->stderr_text();
  }

  void TearDown() override {
    if (server_) EXPECT_EQ(server_->terminate(15'000), 0) << log_tail();
  }

  void write_config() {
    std::ofstream(env_.config)
        << "[database]\npath = \"" << env_.db << "\"\nmin_free_megabytes = 1\n"
        << "[http]\naddress = \"127.0.0.1\"\nport = " << port_ << "\n"
        << "[sandbox]\nenabled = false\n[digest]\nenabled = false\n"
        << "[log]\nlevel = \"info\"\n"
        << "[sms]\nprovider = \"twilio\"\nmessages_per_second = 40\n"
        << "[twilio]\nenabled = true\naccount_sid = \"" << kAccount << "\"\n"
        << "auth_token = \"" << kAuthToken << "\"\nfrom = \"" << kBotNumber << "\"\n"
        << "api_base_url = \"" << provider_.base_url() << "\"\npublic_url = \"" << kPublicUrl
        << "\"\n"
        << "[dispatch]\nbackoff_base_seconds = 1\nbackoff_cap_seconds = 2\nlease_seconds = 60\n";
  }

  std::string log_tail() const {
    const std::string err = server_ ? server_->stderr_text() : "";
    return err.size() > 6000 ? "..." + err.substr(err.size() - 6000) : err;
  }

  HttpReply readyz() { return http_call(port_, "GET", "/readyz"); }

  // Sends each webhook once, kBurstThreads at a time, and records the answers.
  void send(const std::vector<Webhook*>& batch) {
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kBurstThreads; ++t) {
      threads.emplace_back([&] {
        for (std::size_t i = next++; i < batch.size(); i = next++) {
          Webhook& w = *batch[i];
          const HttpReply r = post_twilio(port_, w.is_reply ? reply_fields(w) : callback_fields(w));
          w.statuses.push_back(r.status);
          const auto retry_after = r.headers.find("retry-after");
          if (r.status == 503 && (retry_after == r.headers.end() || retry_after->second.empty())) {
            ++w.unavailable_without_retry_after;
          }
        }
      });
    }
    for (std::thread& t : threads) t.join();
  }

  // The sid of the call SMS to each family so far.
  std::map<std::string, std::string> offer_sids() const {
    std::map<std::string, std::string> out;
    for (const TwilioSms& m : provider_.messages()) {
      if (m.to != kCaseworker && m.body.find("Antwoord JA " + code_) != std::string::npos) {
        out.emplace(m.to, m.sid);
      }
    }
    return out;
  }

  // The next `count` families of `order` answer (a reply, and the delivery report of the
  // call when it went out already): sent at once, the answers recorded.
  std::vector<Webhook*> families_answer(const std::vector<std::string>& order, std::size_t count) {
    const std::map<std::string, std::string> sids = offer_sids();
    std::vector<Webhook*> batch;
    std::size_t taken = 0;
    for (const std::string& number : order) {
      if (taken == count) break;
      if (!answered_.insert(number).second) continue;
      ++taken;
      webhooks_.push_back(std::make_unique<Webhook>(
          Webhook{fmt::format("SMreply{}", number.substr(1)), number, true, {}, 0}));
      batch.push_back(webhooks_.back().get());
      if (const auto sid = sids.find(number); sid != sids.end()) {
        webhooks_.push_back(std::make_unique<Webhook>(Webhook{sid->second, number, false, {}, 0}));
        batch.push_back(webhooks_.back().get());
      }
    }
    send(batch);
    return batch;
  }

  // Families in the order they answer: those the call reached, then the others.
  std::vector<std::string> answer_order() const {
    std::vector<std::string> order;
    for (const auto& [number, sid] : offer_sids()) order.push_back(number);
    for (int i = 1; i <= kFamilies; ++i) {
      if (std::find(order.begin(), order.end(), family_number(i)) == order.end()) {
        order.push_back(family_number(i));
      }
    }
    return order;
  }

  // The caseworker opens a call to every family by SMS; returns once the first
  // kOffersBeforeTheFill families have it.
  void open_call() {
    const Webhook crisis{"SMcrisis0001", kCaseworker, true, {}, 0};
    Fields command = reply_fields(crisis);
    command.back().second = fmt::format(
        "/crisis leeftijd=4 postcode=9000 taal=nl duur=3d golf={} Proef met een volle schijf",
        kFamilies);
    ASSERT_EQ(post_twilio(port_, command).status, 200) << log_tail();
    ASSERT_TRUE(wait_until(
        [&] {
          for (const TwilioSms& m : provider_.messages()) {
            std::smatch match;
            if (m.to != kCaseworker &&
                std::regex_search(m.body, match, std::regex("^Noodbel ([A-HJ-NP-Z]\\d\\d):"))) {
              code_ = match[1];
            }
          }
          return !code_.empty() &&
                 offer_sids().size() >= static_cast<std::size_t>(kOffersBeforeTheFill);
        },
        60'000))
        << log_tail();
  }

  // Fills the tmpfs, then families keep answering until kFamiliesAnswering did, /readyz
  // turned red and at least kRefusedAtLeast requests were refused.
  Outage burst_on_a_full_disk(const std::string& filler) {
    Outage outage;
    outage.filler_bytes = fill_until_full(filler);
    outage.calls_out_at_fill = offer_sids().size();
    const std::vector<std::string> order = answer_order();
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while ((answered_.size() < kFamiliesAnswering || outage.red_reason.empty() ||
            outage.refused < kRefusedAtLeast) &&
           answered_.size() < order.size() && std::chrono::steady_clock::now() < deadline) {
      for (const Webhook* w : families_answer(order, 8))
        outage.refused += w->statuses.back() != 200;
      if (const HttpReply r = readyz(); r.status == 503 && outage.red_reason.empty()) {
        outage.red_reason = reason_of(r.body);
      }
    }
    return outage;
  }

  // While red: /readyz says why, and the metrics say the same.
  void expect_red_readiness() {
    const HttpReply red = readyz();
    EXPECT_EQ(red.status, 503) << red.body;
    const std::string reason = reason_of(red.body);
    EXPECT_TRUE(reason == "writes_failing" || reason == "low_disk_space" ||
                reason == "write_failed")
        << red.body;
    const HttpReply metrics = http_call(port_, "GET", "/metrics");
    EXPECT_NE(metrics.body.find("\nnoodbel_ready 0\n"), std::string::npos) << metrics.body;
    EXPECT_NE(metrics.body.find("noodbel_readiness{reason=\"" + reason + "\"} 1"),
              std::string::npos)
        << metrics.body;
  }

  // Every answer so far was 200 or 503, and every 503 said when to come back.
  void expect_only_stored_or_refused() const {
    std::vector<std::string> other, without_retry_after;
    for (const auto& w : webhooks_) {
      for (const int status : w->statuses) {
        if (status != 200 && status != 503) other.push_back(w->sid + ":" + std::to_string(status));
      }
      if (w->unavailable_without_retry_after > 0) without_retry_after.push_back(w->sid);
    }
    EXPECT_TRUE(other.empty()) << "answered neither 200 nor 503: " << listed(other);
    EXPECT_TRUE(without_retry_after.empty())
        << "503 without Retry-After: " << listed(without_retry_after);
  }

  // Twilio sends every request again that was not answered 200, until it is.
  void resend_until_stored() {
    EXPECT_TRUE(wait_until(
        [&] {
          std::vector<Webhook*> again;
          for (const auto& w : webhooks_) {
            if (!w->answered_ok()) again.push_back(w.get());
          }
          send(again);
          return std::all_of(webhooks_.begin(), webhooks_.end(),
                             [](const auto& w) { return w->answered_ok(); });
        },
        60'000))
        << log_tail();
  }

  // The call reached every family, every answer was acknowledged and no outbox row is
  // left pending or sending: all without a restart.
  void wait_until_settled() {
    const auto unsettled = [&] {
      return sql_texts(env_.db, "SELECT id FROM outbox WHERE state IN ('pending', 'sending')");
    };
    EXPECT_TRUE(wait_until(
        [&] {
          const std::vector<TwilioSms> messages = provider_.messages();
          return count_by_number(messages, "Antwoord JA " + code_).size() ==
                     static_cast<std::size_t>(kFamilies) &&
                 count_by_number(messages, "NEE voor " + code_).size() == answered_.size() &&
                 unsettled().empty();
        },
        120'000))
        << "outbox rows pending or sending: " << listed(unsettled()) << "\n"
        << log_tail();
  }

  // Provider side: each family got the call once, and one acknowledgement per answer.
  void expect_one_call_and_one_ack_each() const {
    const std::vector<TwilioSms> messages = provider_.messages();
    const std::map<std::string, int> calls = count_by_number(messages, "Antwoord JA " + code_);
    const std::map<std::string, int> acks = count_by_number(messages, "NEE voor " + code_);
    std::vector<std::string> not_once, acks_not_once;
    for (int i = 1; i <= kFamilies; ++i) {
      const auto it = calls.find(family_number(i));
      if (it == calls.end() || it->second != 1) not_once.push_back(family_id(i));
    }
    for (const std::string& number : answered_) {
      const auto it = acks.find(number);
      if (it == acks.end() || it->second != 1) acks_not_once.push_back(number);
    }
    EXPECT_TRUE(not_once.empty()) << "families that did not get the call exactly once: "
                                  << listed(not_once);
    EXPECT_TRUE(acks_not_once.empty())
        << "answers not acknowledged exactly once: " << listed(acks_not_once);
  }

  // The file after the service stopped: every reply stored once as the family's "no",
  // every reported delivery recorded, one call row per family, sent.
  void expect_everything_answered_200_is_stored() const {
    EXPECT_EQ(sql_texts(env_.db, "PRAGMA integrity_check"), std::vector<std::string>{"ok"});
    std::multiset<std::string> rows;
    for (const std::string& id : sql_texts(env_.db, "SELECT provider_id FROM inbox")) {
      rows.insert("inbox " + id);
    }
    for (const std::string& row :
         sql_texts(env_.db, "SELECT 'answer ' || family_id || ' ' || answer FROM responses")) {
      rows.insert(row);
    }
    for (const std::string& row :
         sql_texts(env_.db,
                   "SELECT 'report ' || provider_message_id || ' ' || state "
                   "FROM outbox WHERE provider_message_id IS NOT NULL")) {
      rows.insert(row);
    }
    for (const std::string& row :
         sql_texts(env_.db,
                   "SELECT 'call ' || recipient_id || ' ' || "
                   "(CASE WHEN state IN ('sent', 'delivered') THEN 'sent' ELSE state END) "
                   "FROM outbox WHERE text LIKE 'Noodbel " +
                       code_ + ":%'")) {
      rows.insert(row);
    }
    std::vector<std::string> missing;
    const auto once = [&](const std::string& row) {
      if (rows.count(row) != 1) missing.push_back(row + " x" + std::to_string(rows.count(row)));
    };
    for (const auto& w : webhooks_) {
      if (w->is_reply) {
        once("inbox tw:" + w->sid);
        once("answer " + family_id(std::stoi(w->number.substr(6))) + " no");
      } else {
        once("report tw:" + w->sid + " delivered");
      }
    }
    for (int i = 1; i <= kFamilies; ++i) once("call " + family_id(i) + " sent");
    EXPECT_TRUE(missing.empty()) << "not stored exactly once: " << listed(missing);
  }

  TmpfsMount tmpfs_{kTmpfsMegabytes};  // first: unmounted after the server stopped
  FakeTwilioApi provider_;
  E2eEnv env_;
  std::unique_ptr<BackgroundProcess> server_;
  int port_ = 0;
  std::string code_;
  std::vector<std::unique_ptr<Webhook>> webhooks_;
  std::set<std::string> answered_;  // the numbers of the families that answered
};

TEST_F(DiskFull, AFullDiskLosesNoAnsweredReplyOrReportAndSendsNoCallTwice) {
  const auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(readyz().status, 200) << readyz().body;
  ASSERT_NO_FATAL_FAILURE(open_call());

  // Some families answer while the disk has room: all stored at once.
  for (const Webhook* w : families_answer(answer_order(), kFamiliesAnsweringBefore)) {
    EXPECT_EQ(w->statuses, std::vector<int>{200}) << w->sid << "\n" << log_tail();
  }

  // The disk fills up in the middle of the fan-out and the burst.
  const std::string filler = tmpfs_.dir() + "/filler";
  const Outage outage = burst_on_a_full_disk(filler);
  EXPECT_GT(outage.filler_bytes, 0u);
  EXPECT_LT(outage.calls_out_at_fill, static_cast<std::size_t>(kFamilies))
      << "the fan-out ended before the disk was full";
  ASSERT_FALSE(outage.red_reason.empty()) << "/readyz stayed green on a full disk\n" << log_tail();
  EXPECT_GE(outage.refused, kRefusedAtLeast) << "webhooks were stored on a full disk?\n"
                                             << log_tail();
  expect_red_readiness();
  expect_only_stored_or_refused();

  // Space returns: ready again by itself, and what was refused is sent again.
  std::filesystem::remove(filler);
  EXPECT_TRUE(wait_until([&] { return readyz().status == 200; }, 60'000)) << readyz().body << "\n"
                                                                          << log_tail();
  resend_until_stored();
  wait_until_settled();
  expect_one_call_and_one_ack_each();
  EXPECT_EQ(readyz().status, 200);
  EXPECT_NE(http_call(port_, "GET", "/metrics").body.find("\nnoodbel_ready 1\n"),
            std::string::npos);

  const std::uintmax_t db_bytes = file_bytes(env_.db) + file_bytes(env_.db + "-wal");
  ASSERT_EQ(server_->terminate(15'000), 0) << log_tail();
  server_.reset();
  expect_everything_answered_200_is_stored();

  int resent = 0;
  for (const auto& w : webhooks_) resent += w->statuses.size() > 1;
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  std::cout << fmt::format(
      "[disk full] {} webhooks ({} families answered), {} refused then sent again; the call "
      "had reached {} families at the fill ({} bytes of filler); readiness red with {}; "
      "database and WAL {} bytes; {:.1f} s\n",
      webhooks_.size(), answered_.size(), resent, outage.calls_out_at_fill, outage.filler_bytes,
      outage.red_reason, db_bytes, seconds.count());
}

}  // namespace
}  // namespace noodbel::testing_support
