#include "e2e/crash_support.h"

#include <sqlite3.h>

#include <chrono>
#include <functional>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "adapters/twilio/twilio_signature.h"

namespace noodbel::testing_support {
namespace {

std::string first(const FormFields& form, const std::string& name) {
  const auto it = form.find(name);
  return it == form.end() ? std::string() : it->second;
}

// Runs `sql` on a read-only connection; `row` sees each row's statement.
bool each_row(const std::string& db, const std::string& sql,
              const std::function<void(sqlite3_stmt*)>& row) {
  sqlite3* raw = nullptr;
  const bool opened = sqlite3_open_v2(db.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK;
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> conn(raw, &sqlite3_close);
  if (!opened) {
    ADD_FAILURE() << "cannot open " << db << ": " << sqlite3_errmsg(conn.get());
    return false;
  }
  sqlite3_busy_timeout(conn.get(), 5000);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(conn.get(), sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sqlite3_errmsg(conn.get()) << ": " << sql;
    return false;
  }
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) row(stmt);
  if (rc != SQLITE_DONE) ADD_FAILURE() << sqlite3_errmsg(conn.get()) << ": " << sql;
  sqlite3_finalize(stmt);
  return rc == SQLITE_DONE;
}

}  // namespace

FakeTwilioApi::FakeTwilioApi() {
  HttpServerOptions o;
  o.threads = 2;  // a held request keeps one busy
  server_ = std::make_unique<HttpServer>(o, [this](const HttpRequest& r) { return handle(r); });
  const Status started = server_->start();
  EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error().message);
}

FakeTwilioApi::~FakeTwilioApi() {
  release();
  server_->stop();
  server_->wait();
}

std::string FakeTwilioApi::base_url() const {
  return "http://127.0.0.1:" + std::to_string(server_->port());
}

void FakeTwilioApi::hold(int n) {
  const std::lock_guard lock(mu_);
  hold_at_ = messages_.size() + static_cast<std::size_t>(n);
  held_ = false;
  released_ = false;
}

bool FakeTwilioApi::wait_held(int timeout_ms) {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms), [this] { return held_; });
}

void FakeTwilioApi::release() {
  {
    const std::lock_guard lock(mu_);
    released_ = true;
  }
  cv_.notify_all();
}

std::vector<SentSms> FakeTwilioApi::messages() const {
  const std::lock_guard lock(mu_);
  return messages_;
}

std::map<std::string, int> FakeTwilioApi::per_number(const std::string& needle) const {
  std::map<std::string, int> out;
  for (const SentSms& m : messages()) {
    if (m.body.find(needle) != std::string::npos) ++out[m.to];
  }
  return out;
}

HttpResponse FakeTwilioApi::handle(const HttpRequest& request) {
  const std::string suffix = "/Messages.json";
  if (request.method != "POST" || request.path.size() < suffix.size() ||
      request.path.compare(request.path.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return HttpResponse::json(404, {{"code", 20404}, {"message", "not found"}});
  }
  const Result<FormFields> form = parse_form(request.body);
  if (!form.ok()) return HttpResponse::json(400, {{"code", 21602}, {"message", "bad body"}});
  std::unique_lock lock(mu_);
  messages_.push_back({first(*form, "To"), first(*form, "Body")});
  const std::size_t index = messages_.size();
  if (index == hold_at_) {
    held_ = true;
    cv_.notify_all();
    // Bounded, so a test that forgets release() still ends.
    cv_.wait_for(lock, std::chrono::seconds(60), [this] { return released_; });
  }
  return HttpResponse::json(201, {{"sid", fmt::format("SM{:032x}", index)}, {"status", "queued"}});
}

HttpReply twilio_incoming(int port, const std::string& message_sid, const std::string& from,
                          const std::string& body) {
  const std::vector<std::pair<std::string, std::string>> fields{{"AccountSid", kCrashTwilioAccount},
                                                                {"MessageSid", message_sid},
                                                                {"From", from},
                                                                {"To", "+32460000000"},
                                                                {"Body", body}};
  FormFields params;
  for (const auto& [k, v] : fields) params.emplace(k, v);
  return http_call(
      port, "POST", "/webhooks/twilio", form_encode(fields),
      {{"Content-Type", "application/x-www-form-urlencoded"},
       {"X-Twilio-Signature", twilio_signature(kCrashTwilioToken, kCrashTwilioUrl, params)}});
}

std::int64_t sql_number(const std::string& db, const std::string& sql) {
  std::int64_t n = -1;
  const bool done = each_row(db, sql, [&](sqlite3_stmt* s) {
    if (n == -1) n = sqlite3_column_int64(s, 0);
  });
  return done ? n : -1;
}

std::vector<std::string> sql_texts(const std::string& db, const std::string& sql) {
  std::vector<std::string> out;
  each_row(db, sql, [&](sqlite3_stmt* s) {
    const unsigned char* text = sqlite3_column_text(s, 0);
    out.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
  });
  return out;
}

}  // namespace noodbel::testing_support
