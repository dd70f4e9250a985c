// Integration: the real TwilioSender and HttpClient against a stub of Twilio's Messages
// endpoint on 127.0.0.1 that answers 400 with code 21610 (unsubscribed). The Dispatcher
// hands the crisis call to the family's next contact, the sandbox, which gets it.
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "adapters/dispatch/dispatcher.h"
#include "adapters/http/client.h"
#include "adapters/http/router.h"
#include "adapters/http/server.h"
#include "adapters/sandbox/sandbox_channel.h"
#include "adapters/twilio/twilio_sender.h"
#include "store/store.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"

namespace noodbel {

using ::noodbel::testing_support::must;
namespace {

constexpr UnixTime kStart = 1'760'000'000;
constexpr std::string_view kAccount = "AC0123456789abcdef0123456789abcdef";

// Answers every send like Twilio does for a recipient who texted STOP; counts the sends.
class UnsubscribedTwilio {
 public:
  UnsubscribedTwilio() {
    router_.add("POST", "/2010-04-01/Accounts/{sid}/Messages.json",
                [this](const HttpRequest& r, const PathParams&) {
                  const auto form = parse_form(r.body);
                  const std::lock_guard lock(mutex_);
                  if (form.ok() && form->count("To") == 1) to_.push_back(form->find("To")->second);
                  return HttpResponse::json(
                      400, {{"code", 21610},
                            {"message", "Attempt to send to unsubscribed recipient"},
                            {"more_info", "https://www.twilio.com/docs/errors/21610"},
                            {"status", 400}});
                });
    server_ = std::make_unique<HttpServer>(HttpServerOptions{},
                                           [this](const HttpRequest& r) { return router_.handle(r); });
  }
  Status start() { return server_->start(); }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(server_->port()); }
  std::vector<std::string> to() const {
    const std::lock_guard lock(mutex_);
    return to_;
  }

 private:
  Router router_;
  std::unique_ptr<HttpServer> server_;
  mutable std::mutex mutex_;
  std::vector<std::string> to_;  // GUARDED_BY(mutex_)
};

TEST(TwilioFailover, AnUnsubscribedNumberHandsTheCallToTheFamilysNextContact) {
  UnsubscribedTwilio twilio;
  const Status started = twilio.start();
  ASSERT_TRUE(started.ok()) << started.error().message;
  auto opened = store::Store::open(":memory:", ::noodbel::testing_support::wall_clock());
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  auto store = std::move(opened).value();
  ManualClock clock(kStart);

  Family f;
  f.id = "F0012";
  f.service = "oost-vlaanderen";
  f.display_name = "Familie Peeters";
  f.postcode = "9000";
  f.contacts = {{Channel::kSms, "+32470000012"}, {Channel::kSandbox, "F0012"}};
  ASSERT_TRUE(store->transaction([&](Repository& repo) -> Status {
    repo.upsert_family(f);
    repo.enqueue({"F0012", Channel::kSms, "+32470000012", "Crisisoproep K42: 4 jaar, Gent", 0, 42},
                 clock.now());
    return Ok();
  }).ok());

  TwilioConfig config;
  config.enabled = true;
  config.account_sid = std::string(kAccount);
  config.auth_token = "0123456789abcdef0123456789abcdef";
  config.from = "+32460000000";
  config.api_base_url = twilio.base_url();
  const auto client = make_http_client();
  std::vector<std::string> observed;
  Dispatcher dispatcher(*store, clock, DispatcherOptions{},
                        [&](Channel c, const std::string& s) {
                          observed.push_back(std::string(to_string(c)) + ":" + s);
                        });
  dispatcher.add_channel(std::make_unique<TwilioSender>(config, *client));
  auto sandbox_owned = std::make_unique<SandboxChannel>(clock);
  SandboxChannel& sandbox = *sandbox_owned;
  dispatcher.add_channel(std::move(sandbox_owned));

  EXPECT_EQ(dispatcher.run_once(Channel::kSms), 1);
  EXPECT_EQ(twilio.to(), std::vector<std::string>{"+32470000012"});
  EXPECT_EQ(dispatcher.run_once(Channel::kSandbox), 1);

  const auto messages = sandbox.messages_since(0);
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0].person_id, "F0012");
  EXPECT_EQ(messages[0].text, "Crisisoproep K42: 4 jaar, Gent");
  const auto rows = must(store->outbox_for("F0012", 10));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].state, OutboxState::kFailed);
  EXPECT_EQ(rows[0].last_error.rfind("failover to sandbox: twilio HTTP 400 code 21610", 0), 0u)
      << rows[0].last_error;
  EXPECT_EQ(rows[1].state, OutboxState::kSent);
  EXPECT_EQ(observed, (std::vector<std::string>{"sms:failover", "sandbox:sent"}));
  EXPECT_EQ(dispatcher.run_once(Channel::kSms), 0);  // never retried on SMS
  EXPECT_EQ(twilio.to().size(), 1u);
}

}  // namespace
}  // namespace noodbel
