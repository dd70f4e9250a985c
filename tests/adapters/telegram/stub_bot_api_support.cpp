#include "stub_bot_api.h"

#include <chrono>

#include <gtest/gtest.h>

namespace noodbel::telegram::testing_support {

using nlohmann::json;

StubReply StubReply::ok(const json& result) {
  return {200, json{{"ok", true}, {"result", result}}.dump(), {}, {}};
}

StubReply StubReply::error(int code, const std::string& description, std::optional<int> retry_after) {
  json body{{"ok", false}, {"error_code", code}, {"description", description}};
  if (retry_after) body["parameters"] = {{"retry_after", *retry_after}};
  return {code, body.dump(), {}, {}};
}

StubBotApi::StubBotApi() {
  HttpServerOptions o;
  o.threads = 2;
  o.body_limit = 1024 * 1024;
  server_ = std::make_unique<HttpServer>(o, [this](const HttpRequest& r) { return handle(r); });
  const Status started = server_->start();
  EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error().message);
}

StubBotApi::~StubBotApi() {
  server_->stop();
  server_->wait();
}

std::string StubBotApi::base_url() const {
  return "http://127.0.0.1:" + std::to_string(server_->port());
}

void StubBotApi::script(const std::string& method, StubReply reply) {
  const std::lock_guard lock(mu_);
  script_[method].push_back(std::move(reply));
}

std::vector<StubCall> StubBotApi::calls(const std::string& method) const {
  const std::lock_guard lock(mu_);
  std::vector<StubCall> out;
  for (const StubCall& c : calls_) {
    if (method.empty() || c.method == method) out.push_back(c);
  }
  return out;
}

bool StubBotApi::wait_for_calls(const std::string& method, std::size_t count) const {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, std::chrono::seconds(5), [&] {
    std::size_t n = 0;
    for (const StubCall& c : calls_) n += c.method == method ? 1 : 0;
    return n >= count;
  });
}

StubReply StubBotApi::default_reply(const StubCall& call) {
  if (call.method == "sendMessage") {
    const json chat_id = call.params.value("chat_id", json(0));
    return StubReply::ok({{"message_id", next_message_id_++},
                          {"from", {{"id", 123456789}, {"is_bot", true}, {"first_name", "Noodbel"}}},
                          {"chat", {{"id", chat_id}, {"type", "private"}}},
                          {"date", 1760000000},
                          {"text", call.params.value("text", "")}});
  }
  if (call.method == "getUpdates") return StubReply::ok(json::array());
  return StubReply::ok(true);
}

HttpResponse StubBotApi::handle(const HttpRequest& request) {
  // "/bot<token>/<method>"
  const std::string& path = request.path;
  const std::size_t slash = path.rfind('/');
  if (path.rfind("/bot", 0) != 0 || slash < 4) {
    return HttpResponse::json(404, {{"ok", false}, {"error_code", 404}, {"description", "Not Found"}});
  }
  StubCall call{path.substr(slash + 1), path.substr(4, slash - 4),
                json::parse(request.body.empty() ? "{}" : request.body, nullptr, false)};
  StubReply reply;
  {
    const std::lock_guard lock(mu_);
    auto& queue = script_[call.method];
    if (call.token != kToken) {
      reply = StubReply::error(401, "Unauthorized");
    } else if (!queue.empty()) {
      reply = std::move(queue.front());
      queue.pop_front();
    } else {
      reply = default_reply(call);
    }
    calls_.push_back(call);
  }
  cv_.notify_all();
  if (reply.before) reply.before();
  HttpResponse response = HttpResponse::text(reply.status, reply.body);
  response.content_type = "application/json";
  response.headers = reply.headers;
  return response;
}

}  // namespace noodbel::telegram::testing_support
