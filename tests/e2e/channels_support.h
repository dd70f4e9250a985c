// Real third-party software for tests/e2e/channels_call_test.cpp, on loopback: the
// telegram-test-api Bot API emulator, Kannel (bearerbox + smsbox from config/kannel.conf)
// and fakesmsc phones. Test-only; one test thread; every process is stopped on destruction.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/process.h"

namespace noodbel::testing_support {

inline constexpr const char* kKannelSecret = "kannel-e2e-secret-0123456789";
// The sendsms-user's password, set in the gateway's kannel.conf (the shipped one is an
// example value, which Noodbel refuses).
inline constexpr const char* kKannelPassword = "kannel-e2e-password-7f3a9c";

// What is missing to run the test ("" when nothing): the Kannel programs, node, the npm
// package telegram-test-api.
std::string missing_programs();

// tests/telegram/emulator.mjs on `port`: the Bot API for the bot, a client API for the user.
class TelegramEmulator {
 public:
  explicit TelegramEmulator(int port);
  bool started() const { return started_; }
  std::string log() const;
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // Every message the bot sent to `chat` so far, oldest first, as
  // {text, reply_markup, message_id, date}.
  std::vector<nlohmann::json> bot_messages(const std::string& token, std::int64_t chat);
  // The user presses an inline button (a callback query with from, message and data).
  void press(const std::string& token, nlohmann::json callback);

 private:
  int port_;
  std::unique_ptr<BackgroundProcess> process_;
  bool started_ = false;
  std::vector<nlohmann::json> seen_;  // the client API hands each message out once
};

// bearerbox + smsbox configured from config/kannel.conf on free ports; its sms-service
// calls `get_url_base` (Noodbel's Kannel webhook with the secret).
class KannelGateway {
 public:
  explicit KannelGateway(const std::string& get_url_base);
  ~KannelGateway();
  KannelGateway(const KannelGateway&) = delete;
  KannelGateway& operator=(const KannelGateway&) = delete;

  const std::string& failure() const { return failure_; }  // why it did not start
  std::string sendsms_url() const;
  std::string bearerbox_log() const;
  int smsc_port() const { return smsc_port_; }
  std::string temp_dir(const std::string& prefix);

 private:
  std::string dir_;
  int admin_port_ = 0, smsbox_port_ = 0, smsc_port_ = 0, sendsms_port_ = 0;
  std::unique_ptr<BackgroundProcess> bearerbox_;
  std::unique_ptr<BackgroundProcess> smsbox_;
  std::string failure_;
  std::vector<std::string> dirs_;  // removed on destruction
};

// One fakesmsc client, the phones' side of the fake SMSC. Only one can be connected at a
// time: destroy one before making the next.
class FakePhone {
 public:
  FakePhone(KannelGateway& kannel, const std::vector<std::string>& args);
  ~FakePhone();
  FakePhone(const FakePhone&) = delete;
  FakePhone& operator=(const FakePhone&) = delete;

  // Arguments for a phone that sends nothing and only prints what it receives.
  static std::vector<std::string> listen_only();
  // Arguments for a phone that sends one SMS from `number` to the bot's 8810.
  static std::vector<std::string> sending(const std::string& number, const std::string& text);

  bool connected() const { return connected_; }
  // The messages received ("Got message N: <from to type data>"), one per line.
  std::vector<std::string> received() const;

 private:
  std::unique_ptr<BackgroundProcess> process_;
  bool connected_ = false;
};

// One SMS as a phone received it: the number it went to and its text, decoded and, when
// it came in parts (concatenated SMS), joined in order.
struct ReceivedSms {
  std::string to;
  std::string text;
};

// The SMS in fakesmsc's "Got message N: <from to udh UDH data DATA>" (url-encoded, parts
// joined by their concatenation reference) and "<from to text TEXT>" lines.
std::vector<ReceivedSms> decode_sms(const std::vector<std::string>& lines);

}  // namespace noodbel::testing_support
