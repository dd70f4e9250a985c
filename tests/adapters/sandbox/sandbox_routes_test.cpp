#include "adapters/sandbox/sandbox_routes.h"

#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "adapters/http/security_headers_support.h"

namespace noodbel {
namespace {

using nlohmann::json;

constexpr UnixTime kNow = 1'760'000'000;

class SandboxRoutesTest : public ::testing::Test {
 protected:
  SandboxRoutesTest() {
    SandboxDeps deps{
        [] {
          return std::vector<SandboxPerson>{
              {"C001", "caseworker", "An Consulent", "caseworker · oost-vlaanderen"},
              {"F0001", "family", "Gezin Peeters", "9000 · 30 km · nl"}};
        },
        [this](const InboundMessage& m) -> Status {
          delivered_.push_back(m);
          return deliver_result_;
        },
        clock_, "<html>sandbox</html>"};
    add_sandbox_routes(router_, channel_, std::move(deps));
  }

  HttpResponse call(std::string method, std::string path, std::string body = "",
                    FormFields query = {}) {
    HttpRequest r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.target = r.path;
    r.query = std::move(query);
    r.body = std::move(body);
    r.headers["content-type"] = "application/json";
    return router_.handle(r);
  }

  HttpResponse send(const json& body) { return call("POST", "/sandbox/api/send", body.dump()); }

  static std::string error_of(const HttpResponse& r) {
    return json::parse(r.body).value("error", std::string("(no error field)"));
  }

  ManualClock clock_{kNow};
  SandboxChannel channel_{clock_};
  Router router_;
  std::vector<InboundMessage> delivered_;
  Status deliver_result_ = Ok();
};

TEST_F(SandboxRoutesTest, ValidMessageIsDeliveredLoggedAndAccepted) {
  const HttpResponse r = send({{"from", "F0001"}, {"text", "ja"}});
  EXPECT_EQ(r.status, 202);
  const auto log_before_reply = channel_.messages_since(0);
  ASSERT_EQ(log_before_reply.size(), 1u);
  EXPECT_EQ(json::parse(r.body), json({{"ok", true}, {"seq", log_before_reply[0].seq}}));
  ASSERT_EQ(delivered_.size(), 1u);
  const InboundMessage& m = delivered_[0];
  EXPECT_EQ(m.channel, Channel::kSandbox);
  EXPECT_EQ(m.address, "F0001");
  EXPECT_EQ(m.text, "ja");
  EXPECT_EQ(m.received_at, kNow);
  EXPECT_EQ(m.provider_id.rfind("sb-", 0), 0u);
  const auto log = channel_.messages_since(0);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].direction, "in");
  EXPECT_EQ(log[0].person_id, "F0001");
}

TEST_F(SandboxRoutesTest, EveryMessageGetsItsOwnProviderId) {
  ASSERT_EQ(send({{"from", "F0001"}, {"text", "ja"}}).status, 202);
  ASSERT_EQ(send({{"from", "F0001"}, {"text", "ja"}}).status, 202);
  ASSERT_EQ(delivered_.size(), 2u);
  EXPECT_NE(delivered_[0].provider_id, delivered_[1].provider_id);
}

TEST_F(SandboxRoutesTest, UnknownPersonIs404AndNotDelivered) {
  const HttpResponse r = send({{"from", "F9999"}, {"text", "ja"}});
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(error_of(r),
            "unknown sandbox person 'F9999': pick one of the listed families or caseworkers");
  EXPECT_TRUE(delivered_.empty());
  EXPECT_TRUE(channel_.messages_since(0).empty());
}

TEST_F(SandboxRoutesTest, MalformedJsonIs400WithAnExample) {
  const HttpResponse r = call("POST", "/sandbox/api/send", "{\"from\": \"F0001\", ");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(error_of(r).find("JSON object"), std::string::npos);
  EXPECT_TRUE(delivered_.empty());
  EXPECT_EQ(call("POST", "/sandbox/api/send", "[1,2]").status, 400);
}

TEST_F(SandboxRoutesTest, MissingOrEmptyFieldsAre400AndNameTheField) {
  const HttpResponse no_from = send({{"text", "ja"}});
  EXPECT_EQ(no_from.status, 400);
  EXPECT_NE(error_of(no_from).find("\"from\""), std::string::npos);
  const HttpResponse blank_text = send({{"from", "F0001"}, {"text", "  \n"}});
  EXPECT_EQ(blank_text.status, 400);
  EXPECT_NE(error_of(blank_text).find("\"text\""), std::string::npos);
  const HttpResponse number_text = send({{"from", "F0001"}, {"text", 42}});
  EXPECT_EQ(number_text.status, 400);
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(SandboxRoutesTest, TextOverTheLimitIs400) {
  EXPECT_EQ(send({{"from", "F0001"}, {"text", std::string(kSandboxMaxTextBytes, 'a')}}).status, 202);
  const HttpResponse r = send({{"from", "F0001"}, {"text", std::string(kSandboxMaxTextBytes + 1, 'a')}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(error_of(r).find("2000 bytes"), std::string::npos);
  EXPECT_EQ(delivered_.size(), 1u);
}

TEST_F(SandboxRoutesTest, InvalidUtf8Is400) {
  const HttpResponse r =
      call("POST", "/sandbox/api/send", "{\"from\": \"F0001\", \"text\": \"ja\xFF\"}");
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(SandboxRoutesTest, NonJsonContentTypeIs415) {
  HttpRequest r;
  r.method = "POST";
  r.path = "/sandbox/api/send";
  r.body = R"({"from": "F0001", "text": "ja"})";
  r.headers["content-type"] = "text/plain";
  const HttpResponse res = router_.handle(r);
  EXPECT_EQ(res.status, 415);
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(SandboxRoutesTest, PipelineErrorIsPassedOnAndTheLogEntryRemoved) {
  deliver_result_ = Error::Unavailable("database is busy");
  const HttpResponse r = send({{"from", "C001"}, {"text", "/bord K42"}});
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(error_of(r).find("database is busy"), std::string::npos);
  EXPECT_EQ(delivered_.size(), 1u);
  EXPECT_TRUE(channel_.messages_since(0).empty());

  deliver_result_ = Error::NotFound("no such sender");
  EXPECT_EQ(send({{"from", "C001"}, {"text", "x"}}).status, 404);
}

TEST_F(SandboxRoutesTest, MessagesListsTheLogSinceASeq) {
  OutboxItem out;
  out.message.address = "F0001";
  out.message.text = "Nieuwe crisisoproep";
  (void)channel_.send(out);
  ASSERT_EQ(send({{"from", "F0001"}, {"text", "ja"}}).status, 202);

  const json all = json::parse(call("GET", "/sandbox/api/messages", "", {{"since", "0"}}).body);
  ASSERT_EQ(all["messages"].size(), 2u);
  EXPECT_EQ(all["messages"][0]["direction"], "out");
  EXPECT_EQ(all["messages"][0]["text"], "Nieuwe crisisoproep");
  EXPECT_EQ(all["messages"][1]["direction"], "in");
  EXPECT_EQ(all["next"], 2);
  EXPECT_EQ(all["reset"], false);

  const json later = json::parse(call("GET", "/sandbox/api/messages", "", {{"since", "1"}}).body);
  ASSERT_EQ(later["messages"].size(), 1u);
  EXPECT_EQ(later["messages"][0]["seq"], 2);
}

TEST_F(SandboxRoutesTest, MessagesWithABadSinceIs400) {
  const HttpResponse r = call("GET", "/sandbox/api/messages", "", {{"since", "abc"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(error_of(r).find("'since'"), std::string::npos);
  EXPECT_EQ(call("GET", "/sandbox/api/messages", "", {{"since", "-1"}}).status, 400);
}

TEST_F(SandboxRoutesTest, SinceBeyondTheLogMeansTheServerRestarted) {
  const json r = json::parse(call("GET", "/sandbox/api/messages", "", {{"since", "99"}}).body);
  EXPECT_EQ(r["reset"], true);
  EXPECT_EQ(r["next"], 0);
}

TEST_F(SandboxRoutesTest, EveryRouteAnswersWithTheFullSecurityHeaderSet) {
  EXPECT_EQ(noodbel::testing::security_header_problems_on_every_route(router_, {}, ""),
            std::vector<std::string>{});
  EXPECT_TRUE(delivered_.empty()) << "the empty send is refused";
}

TEST_F(SandboxRoutesTest, PeopleAndPageAreServed) {
  const json people = json::parse(call("GET", "/sandbox/api/people").body);
  ASSERT_EQ(people["people"].size(), 2u);
  EXPECT_EQ(people["people"][1]["id"], "F0001");
  EXPECT_EQ(people["people"][1]["kind"], "family");
  const HttpResponse page = call("GET", "/sandbox");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body, "<html>sandbox</html>");
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_TRUE(page.header("Content-Security-Policy").has_value());
}

}  // namespace
}  // namespace noodbel
