#include "support/net/fake_slack.h"

#include <chrono>

#include <gtest/gtest.h>

namespace noodbel::testing_support {

FakeSlack::FakeSlack() {
  HttpServerOptions o;
  o.threads = 1;
  server_ = std::make_unique<HttpServer>(o, [this](const HttpRequest& r) { return handle(r); });
  const Status started = server_->start();
  EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error().message);
}

FakeSlack::~FakeSlack() {
  server_->stop();
  server_->wait();
}

std::string FakeSlack::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(server_->port()) + path;
}

void FakeSlack::script(const std::string& path, FakeSlackReply reply) {
  const std::lock_guard lock(mu_);
  script_[path].push_back(std::move(reply));
}

std::vector<FakeSlackPost> FakeSlack::posts(const std::string& path) const {
  const std::lock_guard lock(mu_);
  std::vector<FakeSlackPost> out;
  for (const FakeSlackPost& p : posts_) {
    if (path.empty() || p.path == path) out.push_back(p);
  }
  return out;
}

bool FakeSlack::wait_for_posts(std::size_t count, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, timeout, [&] { return posts_.size() >= count; });
}

HttpResponse FakeSlack::handle(const HttpRequest& request) {
  FakeSlackReply reply;
  {
    const std::lock_guard lock(mu_);
    if (request.method != "POST") return HttpResponse::text(405, "method_not_allowed");
    posts_.push_back({request.path, request.header("content-type").value_or(""),
                      nlohmann::json::parse(request.body, nullptr, false)});
    auto& queue = script_[request.path];
    if (!queue.empty()) {
      reply = std::move(queue.front());
      queue.pop_front();
    }
  }
  cv_.notify_all();
  HttpResponse response = HttpResponse::text(reply.status, reply.body);
  response.headers = reply.headers;
  return response;
}

}  // namespace noodbel::testing_support
