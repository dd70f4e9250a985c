#include "adapters/telegram/telegram_worker.h"

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "stub_bot_api.h"

namespace noodbel::telegram {
namespace {

using nlohmann::json;
using testing_support::kToken;
using testing_support::StubBotApi;
using testing_support::StubReply;

constexpr UnixTime kNow = 1'760'000'000;

json text_update(std::int64_t update_id, const std::string& text) {
  return {{"update_id", update_id},
          {"message",
           {{"message_id", update_id * 10},
            {"from", {{"id", 42}, {"is_bot", false}, {"first_name", "An"}}},
            {"chat", {{"id", 42}, {"type", "private"}}},
            {"date", kNow},
            {"text", text}}}};
}

json press(std::int64_t update_id, const std::string& id, const std::string& data) {
  return {{"update_id", update_id},
          {"callback_query",
           {{"id", id},
            {"from", {{"id", 42}, {"is_bot", false}, {"first_name", "An"}}},
            {"message", {{"message_id", 77}, {"chat", {{"id", 42}, {"type", "private"}}}, {"date", kNow}}},
            {"chat_instance", "1"},
            {"data", data}}}};
}

class TelegramWorkerTest : public ::testing::Test {
 protected:
  std::unique_ptr<TelegramWorker> make(WorkerOptions options = {}, TelegramWorker::Setup setup = {},
                                       TelegramWorker::Setup extras = {}) {
    options.poll_timeout = std::chrono::seconds(1);
    return std::make_unique<TelegramWorker>(
        TelegramApi(*client_, stub_.base_url(), kToken), std::move(setup), std::move(extras),
        [this](const InboundMessage& m) -> Result<InboundOutcome> {
          const std::lock_guard lock(mu_);
          if (fail_provider_ids_.count(m.provider_id)) return Error::Unavailable("database is locked");
          delivered_.push_back(m);
          return InboundOutcome::kHandled;
        },
        clock_, options);
  }

  std::vector<InboundMessage> delivered() {
    const std::lock_guard lock(mu_);
    return delivered_;
  }

  StubBotApi stub_;
  std::unique_ptr<HttpClient> client_ = make_http_client();
  ManualClock clock_{kNow};
  std::mutex mu_;
  std::vector<InboundMessage> delivered_;    // GUARDED_BY(mu_)
  std::set<std::string> fail_provider_ids_;  // GUARDED_BY(mu_)
};

TEST_F(TelegramWorkerTest, DeliversEachUpdateAndAsksForTheNextOffset) {
  stub_.script("getUpdates", StubReply::ok(json::array({text_update(5, "ja"), text_update(6, "nee")})));
  auto worker = make();
  EXPECT_EQ(worker->next_offset(), 0);
  ASSERT_TRUE(worker->poll_once().ok());
  EXPECT_EQ(worker->next_offset(), 7);
  ASSERT_TRUE(worker->poll_once().ok());
  const auto calls = stub_.calls("getUpdates");
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].params["offset"], 0);
  EXPECT_EQ(calls[1].params["offset"], 7);
  EXPECT_EQ(calls[1].params["timeout"], 1);
  EXPECT_EQ(calls[1].params["allowed_updates"], json({"message", "callback_query"}));
  const auto messages = delivered();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0].provider_id, "tg:5");
  EXPECT_EQ(messages[0].text, "ja");
  EXPECT_EQ(messages[1].provider_id, "tg:6");
  EXPECT_EQ(messages[1].address, "42");
}

TEST_F(TelegramWorkerTest, AButtonPressIsDeliveredThenAnswered) {
  stub_.script("getUpdates", StubReply::ok(json::array({press(9, "cbq-9", "a:K42:yes")})));
  auto worker = make();
  ASSERT_TRUE(worker->poll_once().ok());
  ASSERT_EQ(delivered().size(), 1u);
  EXPECT_EQ(delivered()[0].text, "ja K42");
  EXPECT_EQ(delivered()[0].reply_to, "tg:42:77");
  const auto answers = stub_.calls("answerCallbackQuery");
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].params["callback_query_id"], "cbq-9");
  EXPECT_EQ(worker->next_offset(), 10);
}

TEST_F(TelegramWorkerTest, AFailedAnswerToAPressDoesNotStopTheRound) {
  stub_.script("getUpdates", StubReply::ok(json::array({press(9, "cbq-9", "a:K42:yes"), text_update(10, "ok")})));
  stub_.script("answerCallbackQuery", StubReply::error(400, "Bad Request: query is too old"));
  auto worker = make();
  ASSERT_TRUE(worker->poll_once().ok());
  EXPECT_EQ(delivered().size(), 2u);
  EXPECT_EQ(worker->next_offset(), 11);
}

TEST_F(TelegramWorkerTest, AnUpdateThatCouldNotBeStoredComesAgain) {
  {
    const std::lock_guard lock(mu_);
    fail_provider_ids_.insert("tg:6");
  }
  stub_.script("getUpdates",
               StubReply::ok(json::array({text_update(5, "a"), text_update(6, "b"), text_update(7, "c")})));
  auto worker = make();
  const Status first = worker->poll_once();
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(first.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(first.error().message.find("update 6"), std::string::npos) << first.error().message;
  EXPECT_EQ(worker->next_offset(), 6);
  EXPECT_EQ(delivered().size(), 1u);
  ASSERT_TRUE(worker->poll_once().ok());
  EXPECT_EQ(stub_.calls("getUpdates")[1].params["offset"], 6);
}

TEST_F(TelegramWorkerTest, MalformedAndIgnoredUpdatesAreSkipped) {
  stub_.script("getUpdates", StubReply::ok(json::parse(R"([
      {"update_id": 20, "message": {"message_id": "x"}},
      {"update_id": 21, "edited_message": {"message_id": 1}},
      {"update_id": 22, "message": {"message_id": 1, "chat": {"id": -5, "type": "group"}, "text": "hi"}}
  ])")));
  auto worker = make();
  ASSERT_TRUE(worker->poll_once().ok());
  EXPECT_TRUE(delivered().empty());
  EXPECT_EQ(worker->next_offset(), 23);
}

TEST_F(TelegramWorkerTest, AFloodWaitIsAnErrorCarryingRetryAfter) {
  stub_.script("getUpdates", StubReply::error(429, "Too Many Requests: retry after 4", 4));
  auto worker = make();
  const Status s = worker->poll_once();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::kUnavailable);
  EXPECT_EQ(worker->retry_after(), 4);
  EXPECT_EQ(worker->next_offset(), 0);
}

TEST_F(TelegramWorkerTest, BackoffDoublesUpToTheCapWithSomeJitter) {
  WorkerOptions o;
  o.backoff_base = std::chrono::milliseconds(1000);
  o.backoff_cap = std::chrono::milliseconds(8000);
  auto worker = make(o);
  for (const auto& [failures, base] : std::vector<std::pair<int, long>>{{1, 1000}, {2, 2000}, {3, 4000}, {4, 8000}, {9, 8000}}) {
    const auto d = worker->backoff(failures).count();
    EXPECT_GE(d, base) << failures;
    EXPECT_LE(d, base + base / 5) << failures;
  }
}

TEST_F(TelegramWorkerTest, TheThreadRunsSetupThenPollsAndStopEndsALongPollPromptly) {
  // Shared with the stub server's thread, which may still be waking from the gate (or answer
  // a later poll) after this test body has returned: owned by both, never a stack reference.
  struct Gate {
    std::mutex mu;
    std::condition_variable cv;
    bool release = false;
  };
  const auto gate = std::make_shared<Gate>();
  // The first getUpdates hangs like a long poll with no news.
  StubReply hanging = StubReply::ok(json::array());
  hanging.before = [gate] {
    std::unique_lock lock(gate->mu);
    gate->cv.wait_for(lock, std::chrono::seconds(5), [&gate] { return gate->release; });
  };
  stub_.script("getUpdates", hanging);
  std::atomic<int> setups{0};
  WorkerOptions o;
  o.polling = true;
  auto worker = make(o, [&]() -> Status {
    ++setups;
    return Ok();
  });
  worker->start();
  ASSERT_TRUE(stub_.wait_for_calls("getUpdates", 1));
  const auto started = std::chrono::steady_clock::now();
  worker->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
  EXPECT_EQ(setups.load(), 1);
  {
    const std::lock_guard lock(gate->mu);
    gate->release = true;
  }
  gate->cv.notify_all();
}

TEST_F(TelegramWorkerTest, SetupIsRetriedUntilItSucceedsAndWebhookModeThenEnds) {
  std::mutex mu;
  std::condition_variable cv;
  int setups = 0;
  WorkerOptions o;
  o.polling = false;
  o.backoff_base = std::chrono::milliseconds(1);
  o.backoff_cap = std::chrono::milliseconds(2);
  auto worker = make(o, [&]() -> Status {
    const std::lock_guard lock(mu);
    ++setups;
    cv.notify_all();
    return setups < 3 ? Status(Error::Unavailable("setWebhook: 502 Bad Gateway")) : Ok();
  });
  worker->start();
  {
    std::unique_lock lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(5), [&] { return setups >= 3; }));
  }
  worker->stop();
  const std::lock_guard lock(mu);
  EXPECT_EQ(setups, 3);  // no more attempts after the first success
  EXPECT_TRUE(stub_.calls("getUpdates").empty());
}

TEST_F(TelegramWorkerTest, FailingExtrasDoNotHoldUpPollingAndAreRetried) {
  std::mutex mu;
  std::condition_variable cv;
  int extras = 0;
  WorkerOptions o;
  o.polling = true;
  o.backoff_base = std::chrono::milliseconds(1);
  o.backoff_cap = std::chrono::milliseconds(2);
  stub_.script("getUpdates", StubReply::ok(json::array({text_update(5, "ja")})));
  auto worker = make(o, {}, [&]() -> Status {
    const std::lock_guard lock(mu);
    ++extras;
    cv.notify_all();
    return extras < 2 ? Status(Error::Unavailable("setMyCommands: 500 Internal Server Error")) : Ok();
  });
  worker->start();
  ASSERT_TRUE(stub_.wait_for_calls("getUpdates", 2));
  {
    std::unique_lock lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(5), [&] { return extras >= 2; }));
  }
  worker->stop();
  EXPECT_EQ(delivered().size(), 1u);  // polled although the first extras attempt failed
  const std::lock_guard lock(mu);
  EXPECT_EQ(extras, 2);  // not again after it succeeded
}

}  // namespace
}  // namespace noodbel::telegram
