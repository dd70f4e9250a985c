// StubBotApi: a scripted Telegram Bot API on loopback, built on the project's HttpServer
// (https://core.telegram.org/bots/api shapes). Records every call; answers from per-method
// scripts (first in, first out), else with a plausible success. Test-only; thread-safe.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/http/server.h"

namespace noodbel::telegram::testing_support {

inline constexpr const char* kToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

struct StubCall {
  std::string method;
  std::string token;
  nlohmann::json params;
};

struct StubReply {
  int status = 200;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::function<void()> before;  // runs on the server thread before answering (may block)

  static StubReply ok(const nlohmann::json& result);
  // {"ok": false, "error_code": code, "description": ..., "parameters": {"retry_after": n}}
  static StubReply error(int code, const std::string& description,
                         std::optional<int> retry_after = std::nullopt);
};

class StubBotApi {
 public:
  StubBotApi();
  ~StubBotApi();

  std::string base_url() const;  // "http://127.0.0.1:PORT"
  // The next call of `method` gets `reply` (replies queue up per method).
  void script(const std::string& method, StubReply reply);
  // Calls seen so far, of one method or of all when empty.
  std::vector<StubCall> calls(const std::string& method = "") const;
  // Blocks until `method` was called at least `count` times or 5 s passed; false on timeout.
  bool wait_for_calls(const std::string& method, std::size_t count) const;

 private:
  HttpResponse handle(const HttpRequest& request);
  StubReply default_reply(const StubCall& call);

  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::vector<StubCall> calls_;                          // GUARDED_BY(mu_)
  std::map<std::string, std::deque<StubReply>> script_;  // GUARDED_BY(mu_)
  std::int64_t next_message_id_ = 100;                   // GUARDED_BY(mu_)
  std::unique_ptr<HttpServer> server_;
};

}  // namespace noodbel::telegram::testing_support
