// FakeSlack: a scripted Slack / Mattermost push endpoint on 127.0.0.1 (response_urls and
// incoming webhooks), built on the project's HttpServer. Records every POST; answers from
// per-path scripts (first in, first out), else 200 "ok" as both providers do. Test-only;
// thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/http/server.h"

namespace noodbel::testing_support {

struct FakeSlackPost {
  std::string path;
  std::string content_type;
  nlohmann::json body;  // discarded (is_discarded()) when the body was not JSON
};

struct FakeSlackReply {
  int status = 200;
  std::string body = "ok";
  std::vector<std::pair<std::string, std::string>> headers;
};

class FakeSlack {
 public:
  FakeSlack();
  ~FakeSlack();
  FakeSlack(const FakeSlack&) = delete;
  FakeSlack& operator=(const FakeSlack&) = delete;

  // "http://127.0.0.1:PORT" + path, e.g. url("/services/T0/B0/x").
  std::string url(const std::string& path) const;
  // The next POST to `path` gets `reply` (replies queue up per path).
  void script(const std::string& path, FakeSlackReply reply);
  // POSTs seen so far, to one path or to all when empty.
  std::vector<FakeSlackPost> posts(const std::string& path = "") const;
  // Blocks until at least `count` POSTs arrived (any path) or `timeout` passed; false on
  // timeout. A service's pushes wait kSlashHoldSeconds first: give them more than that.
  bool wait_for_posts(std::size_t count,
                      std::chrono::milliseconds timeout = std::chrono::seconds(5)) const;

 private:
  HttpResponse handle(const HttpRequest& request);

  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::vector<FakeSlackPost> posts_;                          // GUARDED_BY(mu_)
  std::map<std::string, std::deque<FakeSlackReply>> script_;  // GUARDED_BY(mu_)
  std::unique_ptr<HttpServer> server_;
};

}  // namespace noodbel::testing_support
