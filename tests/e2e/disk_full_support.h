// Test-only peers for tests/e2e/disk_full_test.cpp: a small tmpfs mounted for the test's
// database (unmounted on destruction, also when an assertion failed), a file that fills
// it, a fake Twilio Messages API that records every SMS, and read-only SQL on the file.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "adapters/http/http_types.h"
#include "adapters/http/server.h"

namespace noodbel::testing_support {

// A tmpfs of `megabytes` on a fresh temporary folder. Needs root (CAP_SYS_ADMIN):
// otherwise skip_reason() says why and nothing is mounted.
class TmpfsMount {
 public:
  explicit TmpfsMount(int megabytes);
  ~TmpfsMount();
  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;

  const std::string& dir() const { return dir_; }
  const std::string& skip_reason() const { return skip_reason_; }  // "" when mounted

 private:
  std::string dir_;
  std::string skip_reason_;
  bool mounted_ = false;
};

// Writes `path` until the filesystem refuses more (ENOSPC); returns the bytes written.
std::size_t fill_until_full(const std::string& path);

// One SMS as the fake provider accepted it.
struct TwilioSms {
  std::string sid;  // "SM" + 32 hex digits, as the answer carried it
  std::string to;
  std::string body;
};

// POST /2010-04-01/Accounts/{sid}/Messages.json on 127.0.0.1: 201 with a fresh sid for
// every message. Thread-safe.
class FakeTwilioApi {
 public:
  FakeTwilioApi();
  ~FakeTwilioApi();
  FakeTwilioApi(const FakeTwilioApi&) = delete;
  FakeTwilioApi& operator=(const FakeTwilioApi&) = delete;

  std::string base_url() const;
  std::vector<TwilioSms> messages() const;

 private:
  HttpResponse handle(const HttpRequest& request);

  mutable std::mutex mu_;
  std::vector<TwilioSms> messages_;  // GUARDED_BY(mu_)
  std::unique_ptr<HttpServer> server_;
};

// The first column of every row of `sql` on the database file, read-only, as text ("" for
// NULL); a failure is a test failure and gives no rows.
std::vector<std::string> sql_column(const std::string& db, const std::string& sql);

}  // namespace noodbel::testing_support
