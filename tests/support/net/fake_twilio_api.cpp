#include "support/net/fake_twilio_api.h"

#include <chrono>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace noodbel::testing_support {
namespace {

std::string first(const FormFields& form, const std::string& name) {
  const auto it = form.find(name);
  return it == form.end() ? std::string() : it->second;
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

std::vector<TwilioSms> FakeTwilioApi::messages() const {
  const std::lock_guard lock(mu_);
  return messages_;
}

std::map<std::string, int> FakeTwilioApi::per_number(const std::string& needle) const {
  std::map<std::string, int> out;
  for (const TwilioSms& m : messages()) {
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
  const std::size_t index = messages_.size() + 1;
  messages_.push_back({fmt::format("SM{:032x}", index), first(*form, "To"), first(*form, "Body")});
  if (index == hold_at_) {
    held_ = true;
    cv_.notify_all();
    // Bounded, so a test that forgets release() still ends.
    cv_.wait_for(lock, std::chrono::seconds(60), [this] { return released_; });
  }
  return HttpResponse::json(201, {{"sid", messages_[index - 1].sid}, {"status", "queued"}});
}

}  // namespace noodbel::testing_support
