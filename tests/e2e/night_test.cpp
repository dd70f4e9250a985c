// The caseworker's night, end to end, against one real `noodbel serve`: SMS through real
// Kannel (bearerbox, smsbox, fakesmsc) for families and for a caseworker on SMS, and a
// caseworker on Slack (POST /slash signed like Slack, pushes to a fake Slack on loopback).
// The service's office hours are set so that now is outside them, as at 01:40 on a
// Monday: a call goes out anyway, families read when they will hear at the latest, answer
// with conditions, STOP and a question; the caseworker hears the first yes at once with
// the pick command, chooses, is reminded, moves to the next family and confirms; only
// then are the others released; the board shows every family's own words.
// Skipped, saying why, only when Kannel is missing (scripts/install-deps installs it).
#include <chrono>
#include <ctime>
#include <fstream>
#include <memory>
#include <regex>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "adapters/slash/slash_auth.h"
#include "e2e/channels_support.h"
#include "e2e/e2e_support.h"
#include "support/http_client.h"
#include "support/net/fake_slack.h"
#include "support/paths/source_paths.h"

namespace noodbel::testing_support {
namespace {

constexpr const char* kSmsCaseworker = "+32470000100";  // C001, on SMS
constexpr const char* kSlackUser = "U0NIGHT";            // C002, on Slack only
constexpr const char* kSlackSecret = "night-slack-signing-secret-0123456789";
constexpr int kWaitMs = 20'000;

std::string family_number(int i) { return "+3247000000" + std::to_string(i); }

// "wo 09:00-17:00": an office open two days from now only, so now is outside office hours
// and matching waits (next_working_day) until then.
std::string office_two_days_from_now() {
  static constexpr const char* kDays[] = {"zo", "ma", "di", "wo", "do", "vr", "za"};
  const std::time_t later = std::time(nullptr) + 2 * 86400;
  std::tm local{};
  localtime_r(&later, &local);
  return std::string(kDays[local.tm_wday]) + " 09:00-17:00";
}

class Night : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const std::string missing = missing_programs(); !missing.empty()) {
      GTEST_SKIP() << missing << " missing: run scripts/install-deps (Debian kannel and "
                   << "kannel-extras)";
    }
    port_ = free_loopback_ports(1).at(0);
    const std::string base = "http://127.0.0.1:" + std::to_string(port_);
    kannel_ = std::make_unique<KannelGateway>(base + "/webhooks/kannel/" + kKannelSecret);
    ASSERT_TRUE(kannel_->failure().empty()) << kannel_->failure();
    phone_ = std::make_unique<FakePhone>(*kannel_, FakePhone::listen_only());
    ASSERT_TRUE(phone_->connected()) << kannel_->bearerbox_log();
    write_config(base);
    import_people();
    server_ = std::make_unique<BackgroundProcess>(
        noodbel::testing::noodbel_binary(), std::vector<std::string>{"serve", "--config", env_.config}, env_.dir);
    ASSERT_FALSE(server_->wait_for_output("noodbel is serving on", 30000).empty())
        << server_->stderr_text();
  }

  void TearDown() override {
    if (server_) {
      EXPECT_EQ(server_->terminate(10000), 0) << server_->stderr_text();
    }
  }

  void write_config(const std::string& base) {
    env_.dir = make_temp_dir("noodbel-e2e-night");
    env_.config = env_.dir + "/noodbel.toml";
    env_.db = env_.dir + "/noodbel.db";
    std::ofstream(env_.config)
        << "[database]\npath = \"" << env_.db << "\"\n"
        << "[http]\naddress = \"127.0.0.1\"\nport = " << port_ << "\n"
        << "[sandbox]\nenabled = false\n"
        << "[scheduler]\ntick_seconds = 1\n"
        << "[calls]\nconfirm_reminder_minutes = 1\nanswers_notice_minutes = 1\n"
        << "[web]\nsecret = \"night-test-web-secret-0123456789abcdef\"\npublic_url = \"" << base
        << "\"\n"
        << "[kannel]\nenabled = true\nsendsms_url = \"" << kannel_->sendsms_url() << "\"\n"
        << "username = \"noodbel\"\npassword = \"" << kKannelPassword << "\"\nfrom = \"8810\"\n"
        << "dlr_url = \"" << base << "/webhooks/kannel\"\n"
        << "webhook_secret = \"" << kKannelSecret << "\"\n"
        << "[sms]\nprovider = \"kannel\"\nmessages_per_second = 50\n"
        << "[slash]\nsigning_secret = \"" << kSlackSecret << "\"\n"
        << "[slash.users]\n"
        << kSlackUser << " = \"C002\"\n"
        << "[slash.caseworker_webhooks]\nC002 = \"" << slack_.url("/hooks/c002") << "\"\n"
        << "[[services]]\nid = \"oost-vlaanderen\"\nname = \"Pleegzorg Oost-Vlaanderen\"\n"
        << "office_hours = \"" << office_two_days_from_now() << "\"\n"
        << "after_hours = \"next_working_day\"\n";
  }

  void import_people() {
    std::string families;
    for (int i = 1; i <= 5; ++i) {
      families += "F000" + std::to_string(i) + ",oost-vlaanderen,Gezin " + std::to_string(i) +
                  ",sms:" + family_number(i) + ",9000,30,0,12,2,nl,,,yes,nl\n";
    }
    load_people(env_,
                std::string("C001,oost-vlaanderen,An De Clercq,caseworker,sms:") +
                    kSmsCaseworker + ",nl\n" +
                    "C002,oost-vlaanderen,Bram Peeters,caseworker,slash:" + kSlackUser + ",nl\n",
                families);
  }

  std::string server_log() const { return server_->stdout_text() + server_->stderr_text(); }

  // Every SMS the phones saw, from all the fakesmsc clients so far.
  std::vector<std::string> all_sms() const {
    std::vector<std::string> out = seen_;
    const std::vector<std::string> now = phone_->received();
    out.insert(out.end(), now.begin(), now.end());
    return out;
  }

  // SMS to `number` containing `text`, parts joined.
  int count_sms(const std::string& number, const std::string& text) const {
    int n = 0;
    for (const ReceivedSms& sms : decode_sms(all_sms())) {
      if (sms.to == number && sms.text.find(text) != std::string::npos) ++n;
    }
    return n;
  }

  std::string sms_dump() const {
    std::string out;
    for (const ReceivedSms& sms : decode_sms(all_sms())) out += sms.to + ": " + sms.text + "\n";
    return out;
  }

  bool wait_for_sms(const std::string& number, const std::string& text) {
    const bool ok = wait_until([&] { return count_sms(number, text) > 0; }, kWaitMs);
    EXPECT_TRUE(ok) << "no SMS to " << number << " with '" << text << "': " << sms_dump() << "\n"
                    << server_log();
    return ok;
  }

  // A phone texts the bot: fakesmsc allows one client at a time, so the listening client
  // makes way for one that sends (and keeps listening).
  void text_from(const std::string& number, const std::string& text) {
    const std::vector<std::string> before = phone_->received();
    seen_.insert(seen_.end(), before.begin(), before.end());
    phone_.reset();
    phone_ = std::make_unique<FakePhone>(*kannel_, FakePhone::sending(number, text));
    ASSERT_TRUE(phone_->connected()) << kannel_->bearerbox_log();
  }

  // POST /slash as Slack sends it, signed; returns the ephemeral reply's text.
  std::string slash(const std::string& command, const std::string& text,
                    const std::string& response_path) {
    const std::string body = form_encode({{"team_id", "T0NIGHT"},
                                          {"user_id", kSlackUser},
                                          {"command", command},
                                          {"text", text},
                                          {"response_url", slack_.url(response_path)},
                                          {"trigger_id", "t" + std::to_string(++triggers_)}});
    const std::string ts = std::to_string(std::time(nullptr));
    const HttpReply r = http_call(port_, "POST", "/slash", body,
                                  {{"Content-Type", "application/x-www-form-urlencoded"},
                                   {"X-Slack-Request-Timestamp", ts},
                                   {"X-Slack-Signature", slack_signature(kSlackSecret, ts, body)}});
    EXPECT_EQ(r.status, 200) << r.body << server_log();
    return r.body;
  }

  // The newest code in an SMS to `number` that names an open call ("Oproep H94 staat open").
  std::string code_opened_for(const std::string& number) {
    std::smatch m;
    for (const ReceivedSms& sms : decode_sms(all_sms())) {
      if (sms.to != number) continue;
      if (std::regex_search(sms.text, m, std::regex("Oproep ([A-HJ-NP-Z]\\d\\d) staat open"))) {
        return m[1];
      }
    }
    return "";
  }

  KannelGateway& kannel() { return *kannel_; }

  FakeSlack slack_;
  std::unique_ptr<KannelGateway> kannel_;
  std::unique_ptr<FakePhone> phone_;
  std::vector<std::string> seen_;
  E2eEnv env_;
  std::unique_ptr<BackgroundProcess> server_;
  int port_ = 0;
  int triggers_ = 0;
};

TEST_F(Night, TheCaseworkerOnSmsHearsFirstChoosesIsRemindedMovesOnAndConfirms) {
  text_from(kSmsCaseworker,
            "/crisis leeftijd=4 postcode=9000 duur=3d urgent Meisje van 4, rustig");
  ASSERT_TRUE(wait_until([&] { return !code_opened_for(kSmsCaseworker).empty(); }, kWaitMs))
      << sms_dump() << server_log();
  const std::string code = code_opened_for(kSmsCaseworker);
  // One truth about time: the caseworker reads what the families read.
  EXPECT_TRUE(wait_for_sms(kSmsCaseworker, "De gezinnen lezen"));
  for (int i = 1; i <= 5; ++i) ASSERT_TRUE(wait_for_sms(family_number(i), "Beslissing uiterlijk"));

  // Families answer: conditions, STOP, a question, a plain yes.
  // "morgen": a condition still ahead at any hour the test runs (a bare "vanaf 18u" sent
  // after 18:00 Brussels time is already met, and that family would rank first).
  text_from(family_number(1), "ja maar pas morgen vanaf 18u");
  ASSERT_TRUE(wait_for_sms(family_number(1), "We noteren: JA voor " + code + ", vanaf 18:00"));
  // The first yes is pushed to the caseworker at once, with the exact pick command.
  ASSERT_TRUE(wait_for_sms(kSmsCaseworker, code + ": eerste JA!"));
  EXPECT_TRUE(wait_for_sms(kSmsCaseworker, "/kies " + code + " 1"));
  text_from(family_number(2), "STOP");
  ASSERT_TRUE(wait_for_sms(family_number(2), "geen oproepen van Noodbel meer"));
  text_from(family_number(3), "hoe oud is ze precies?");
  ASSERT_TRUE(wait_for_sms(kSmsCaseworker, "hoe oud is ze precies?"));
  text_from(family_number(4), "ja voor 1 nacht, bel eerst even");
  ASSERT_TRUE(wait_for_sms(family_number(4), "voor max. 1 nacht, eerst bellen"));
  text_from(family_number(5), "Ja hoor, wij kunnen!");
  ASSERT_TRUE(wait_for_sms(family_number(5), "We noteren: JA voor " + code));

  // The plain yes ranks first: choosing it tells only that family.
  text_from(kSmsCaseworker, "/kies " + code + " 1");
  ASSERT_TRUE(wait_for_sms(family_number(5), "belt jullie nu"));
  ASSERT_TRUE(wait_for_sms(kSmsCaseworker, "Gekozen voor " + code));
  EXPECT_EQ(count_sms(family_number(1), "gezin gevonden"), 0);
  // Not confirmed after a minute: the caseworker is reminded.
  EXPECT_TRUE(wait_until([&] { return count_sms(kSmsCaseworker, "nog niet bevestigd") > 0; },
                         100'000))
      << sms_dump() << server_log();

  // Moving on: the chosen family hears it kindly, the next one is chosen.
  text_from(kSmsCaseworker, "/volgende " + code);
  ASSERT_TRUE(wait_for_sms(family_number(5), "toch een ander gezin"));
  ASSERT_TRUE(wait_until([&] {
    return count_sms(family_number(4), "belt jullie nu") + count_sms(family_number(1), "belt jullie nu") > 0;
  }, kWaitMs)) << sms_dump();
  const bool fourth = count_sms(family_number(4), "belt jullie nu") > 0;
  const std::string chosen = family_number(fourth ? 4 : 1);
  const std::string other = family_number(fourth ? 1 : 4);
  EXPECT_EQ(count_sms(other, "gezin gevonden"), 0);

  // Confirming releases the others, and only now.
  text_from(kSmsCaseworker, "/bevestig " + code);
  ASSERT_TRUE(wait_for_sms(chosen, "Bevestigd"));
  ASSERT_TRUE(wait_for_sms(other, "er een gezin gevonden"));
  EXPECT_EQ(count_sms(family_number(5), "gezin gevonden"), 0);  // told when passed over
  EXPECT_EQ(count_sms(family_number(2), "gezin gevonden"), 0);  // said STOP

  // The web board keeps every family's own words and their states.
  const RunResult link =
      noodbel(env_, {"link", "board", code, "--caseworker", "C001"});
  ASSERT_EQ(link.exit_code, 0) << link.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_search(link.out, m, std::regex("(/board/\\S+)"))) << link.out;
  const HttpReply page = http_call(port_, "GET", m[1]);
  ASSERT_EQ(page.status, 200) << page.body;
  for (const char* words : {"ja maar pas morgen vanaf 18u", "ja voor 1 nacht, bel eerst even",
                            "Ja hoor, wij kunnen!", "hoe oud is ze precies?"}) {
    EXPECT_NE(page.body.find(words), std::string::npos) << words;
  }
}

TEST_F(Night, TheCaseworkerOnSlackGetsPushesByResponseUrlThenByTheIncomingWebhook) {
  const std::string opened =
      slash("/crisis", "leeftijd=4 postcode=9000 duur=3d urgent Jongen van 4", "/respond/1");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(opened, m, std::regex("Oproep ([A-HJ-NP-Z]\\d\\d) staat open")))
      << opened;
  const std::string code = m[1];
  ASSERT_TRUE(wait_for_sms(family_number(1), code));

  // The first yes reaches Slack through the command's response_url, after the slash hold
  // (kSlashHoldSeconds) and the dispatcher's next look: give it well over 5 s on a busy CI.
  text_from(family_number(1), "ja hoor");
  ASSERT_TRUE(slack_.wait_for_posts(1, std::chrono::milliseconds(kWaitMs))) << server_log();
  const std::vector<FakeSlackPost> pushed = slack_.posts("/respond/1");
  ASSERT_EQ(pushed.size(), 1u) << server_log();
  EXPECT_NE(pushed[0].body["text"].get<std::string>().find(code + ": eerste JA!"),
            std::string::npos)
      << pushed[0].body.dump();
  EXPECT_NE(pushed[0].body["text"].get<std::string>().find("/kies " + code + " 1"),
            std::string::npos);

  // Slack no longer takes that response_url: the next notice goes to the webhook.
  slack_.script("/respond/1", {404, "expired_url", {}});
  text_from(family_number(2), "is het een jongen of een meisje?");
  ASSERT_TRUE(wait_until([&] { return !slack_.posts("/hooks/c002").empty(); }, kWaitMs))
      << server_log();
  EXPECT_NE(slack_.posts("/hooks/c002").back().body.dump().find("jongen of een meisje"),
            std::string::npos);
}

}  // namespace
}  // namespace noodbel::testing_support
