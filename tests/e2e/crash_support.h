// Peers for tests/e2e/crash_test.cpp: a fake Twilio Messages API on loopback that counts
// every SMS per number and can hold one request open (so a signal lands while a message is
// in flight), signed Twilio webhooks, and read-only SQL on the service's database file.
// Test-only; FakeTwilioApi is thread-safe, the rest are plain functions.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "adapters/http/server.h"
#include "support/http_client.h"

namespace noodbel::testing_support {

inline constexpr const char* kCrashTwilioToken = "0123456789abcdef0123456789abcdef";
inline constexpr const char* kCrashTwilioAccount = "AC0123456789abcdef0123456789abcdef";
inline constexpr const char* kCrashTwilioUrl = "https://noodbel.example.be/webhooks/twilio";

struct SentSms {
  std::string to;
  std::string body;
};

// POST /2010-04-01/Accounts/{sid}/Messages.json answered 201 with a fresh "sid"; every
// request is recorded when it arrives, before it is answered.
class FakeTwilioApi {
 public:
  FakeTwilioApi();
  ~FakeTwilioApi();  // releases a held request, then stops
  FakeTwilioApi(const FakeTwilioApi&) = delete;
  FakeTwilioApi& operator=(const FakeTwilioApi&) = delete;

  std::string base_url() const;
  // The `n`-th message from now on (1: the next) is recorded, then its answer waits until
  // release(). One hold at a time.
  void hold(int n);
  // Blocks until the held message arrived or `timeout_ms` passed; false on timeout.
  bool wait_held(int timeout_ms);
  // Answers the held message (to a client that may be gone).
  void release();
  std::vector<SentSms> messages() const;
  // How many messages whose body contains `needle` went to each number.
  std::map<std::string, int> per_number(const std::string& needle) const;

 private:
  HttpResponse handle(const HttpRequest& request);

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<SentSms> messages_;  // GUARDED_BY(mu_)
  std::size_t hold_at_ = 0;        // GUARDED_BY(mu_): 1-based index in messages_; 0: none
  bool held_ = false;              // GUARDED_BY(mu_): the held message arrived
  bool released_ = false;          // GUARDED_BY(mu_)
  std::unique_ptr<HttpServer> server_;
};

// POST /webhooks/twilio on `port` as Twilio sends an incoming SMS, signed with
// kCrashTwilioToken for kCrashTwilioUrl.
HttpReply twilio_incoming(int port, const std::string& message_sid, const std::string& from,
                          const std::string& body);

// Read-only SQL on the database file of a service that may be running or dead: the
// integer in the first column of the first row (-1 on error, reported as a failure).
std::int64_t sql_number(const std::string& db, const std::string& sql);
// The first column of every row, as text.
std::vector<std::string> sql_texts(const std::string& db, const std::string& sql);

}  // namespace noodbel::testing_support
