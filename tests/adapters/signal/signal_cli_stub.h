// SignalCliStub: starts tests/support/signal_cli_stub.py (a stub of signal-cli's HTTP
// daemon) on a free loopback port and drives it over its /stub/ control endpoints.
// Test-only; one test thread.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <regex>
#include <string>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/http_client.h"
#include "support/process.h"
#include "support/paths/source_paths.h"

namespace noodbel::testing_support {

// Polls `done` (bounded: a real process on the other side) until it holds or 10 s passed.
inline bool eventually(const std::function<bool()>& done,
                       std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // bounded poll
  }
  return true;
}

class SignalCliStub {
 public:
  // Starts the stub; port() is 0 when it did not come up (a test failure is added).
  SignalCliStub() {
    dir_ = make_temp_dir("signal-stub");
    process_ = std::make_unique<BackgroundProcess>(
        "/usr/bin/python3",
        std::vector<std::string>{noodbel::testing::source_path("/tests/support/signal_cli_stub.py"), "--port",
                                 "0"},
        dir_);
    const std::string out = process_->wait_for_output("listening on", 15000);
    std::smatch m;
    if (!std::regex_search(out, m, std::regex("127\\.0\\.0\\.1:(\\d+)"))) {
      ADD_FAILURE() << "signal-cli stub did not start: " << process_->stderr_text();
      return;
    }
    port_ = std::stoi(m[1]);
  }
  ~SignalCliStub() {
    if (process_) process_->terminate(5000);
  }

  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  // A text message from `number` over the event stream; quote_id quotes the bot's message.
  void push_text(const std::string& number, std::int64_t timestamp, const std::string& text,
                 std::optional<std::int64_t> quote_id = std::nullopt, int split = 0) {
    nlohmann::json data{{"timestamp", timestamp}, {"message", text}};
    if (quote_id) data["quote"] = {{"id", *quote_id}, {"author", "+32470999999"}, {"text", "..."}};
    push({{"envelope",
           {{"source", number}, {"sourceNumber", number}, {"sourceUuid", "uuid-" + number},
            {"sourceDevice", 1}, {"timestamp", timestamp}, {"dataMessage", data}}},
          {"split", split}});
  }
  void push(const nlohmann::json& body) { control("POST", "/stub/push", body); }
  // The next send to `recipient` fails like this (see signal_cli_stub.py /stub/fail).
  void fail(const nlohmann::json& spec) { control("POST", "/stub/fail", spec); }
  void drop_streams() { control("POST", "/stub/drop", nlohmann::json::object()); }
  nlohmann::json sends() const { return control("GET", "/stub/sends"); }
  nlohmann::json state() const { return control("GET", "/stub/state"); }

 private:
  nlohmann::json control(const std::string& method, const std::string& path,
                         const nlohmann::json& body = nullptr) const {
    const HttpReply r = http_call(port_, method, path, body.is_null() ? "" : body.dump(),
                                  {{"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, 200) << path;
    return nlohmann::json::parse(r.body, nullptr, false);
  }

  std::string dir_;
  std::unique_ptr<BackgroundProcess> process_;
  int port_ = 0;
};

}  // namespace noodbel::testing_support
