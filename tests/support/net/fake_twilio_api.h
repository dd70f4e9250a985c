// A fake Twilio Messages API on loopback for end-to-end tests: POST
// /2010-04-01/Accounts/{sid}/Messages.json answered 201 with a fresh "sid"; every message
// is recorded when it arrives, before it is answered, and one request can be held open (so
// a signal lands while a message is at the provider). Test-only; thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "adapters/http/http_types.h"
#include "adapters/http/server.h"

namespace noodbel::testing_support {

// One SMS as the fake provider accepted it.
struct TwilioSms {
  std::string sid;  // "SM" + 32 hex digits, as the answer carried it
  std::string to;
  std::string body;
};

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
  std::vector<TwilioSms> messages() const;
  // How many messages whose body contains `needle` went to each number.
  std::map<std::string, int> per_number(const std::string& needle) const;

 private:
  HttpResponse handle(const HttpRequest& request);

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<TwilioSms> messages_;  // GUARDED_BY(mu_)
  std::size_t hold_at_ = 0;          // GUARDED_BY(mu_): 1-based index in messages_; 0: none
  bool held_ = false;                // GUARDED_BY(mu_): the held message arrived
  bool released_ = false;            // GUARDED_BY(mu_)
  std::unique_ptr<HttpServer> server_;
};

}  // namespace noodbel::testing_support
