#include "adapters/telegram/telegram_api.h"

#include <string>

#include <gtest/gtest.h>


namespace noodbel::telegram {
namespace {

using nlohmann::json;
using Kind = CallOutcome::Kind;
using namespace std::chrono_literals;

Result<ClientResponse> http(int status, std::string body,
                            std::map<std::string, std::string> headers = {}) {
  return ClientResponse{status, std::move(headers), std::move(body)};
}

std::string api_error(int code, const std::string& description) {
  return json{{"ok", false}, {"error_code", code}, {"description", description}}.dump();
}

TEST(Classify, SuccessCarriesTheResult) {
  const CallOutcome r = classify("getMe", http(200, R"({"ok": true, "result": {"id": 1}})"));
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.result["id"], 1);
}

TEST(Classify, SortsTelegramErrorsIntoTemporaryAndPermanent) {
  const std::vector<std::tuple<int, std::string, Kind>> cases{
      {429, "Too Many Requests: retry after 3", Kind::kTemporary},
      {500, "Internal Server Error", Kind::kTemporary},
      {502, "Bad Gateway", Kind::kTemporary},
      {401, "Unauthorized", Kind::kTemporary},
      {404, "Not Found", Kind::kTemporary},
      {409, "Conflict: terminated by other getUpdates request", Kind::kTemporary},
      {400, "Bad Request: chat not found", Kind::kPermanent},
      {403, "Forbidden: bot was blocked by the user", Kind::kPermanent},
      {403, "Forbidden: user is deactivated", Kind::kPermanent},
  };
  for (const auto& [code, description, kind] : cases) {
    const CallOutcome r = classify("sendMessage", http(code, api_error(code, description)));
    EXPECT_EQ(r.kind, kind) << code << " " << description;
    EXPECT_EQ(r.code, code);
    EXPECT_NE(r.error.find(description), std::string::npos) << r.error;
  }
}

TEST(Classify, RetryAfterComesFromParametersElseTheHeader) {
  const CallOutcome from_body = classify(
      "sendMessage",
      http(429, R"({"ok": false, "error_code": 429, "description": "x", "parameters": {"retry_after": 12}})",
           {{"retry-after", "99"}}));
  EXPECT_EQ(from_body.retry_after, 12);
  const CallOutcome from_header =
      classify("sendMessage", http(429, api_error(429, "x"), {{"retry-after", "5"}}));
  EXPECT_EQ(from_header.retry_after, 5);
  const CallOutcome html = classify("sendMessage", http(429, "<html>slow down</html>", {{"retry-after", "8"}}));
  EXPECT_EQ(html.kind, Kind::kTemporary);
  EXPECT_EQ(html.retry_after, 8);
  const CallOutcome bad_header = classify("sendMessage", http(429, api_error(429, "x"), {{"retry-after", "soon"}}));
  EXPECT_FALSE(bad_header.retry_after);
}

TEST(Classify, TransportFailuresAreTemporaryAndAMalformedUrlPermanent) {
  EXPECT_EQ(classify("sendMessage", Error::Unavailable("cannot connect to x:443: refused")).kind,
            Kind::kTemporary);
  EXPECT_EQ(classify("sendMessage", Error::Invalid("URL has no host name")).kind, Kind::kPermanent);
}

TEST(Classify, AnAnswerThatIsNotTheBotApiIsTemporary) {
  const CallOutcome r = classify("sendMessage", http(200, "<html>captive portal</html>"));
  EXPECT_EQ(r.kind, Kind::kTemporary);
  EXPECT_EQ(r.error, "sendMessage: HTTP 200 without a Bot API answer");
}

TEST(Classify, AVeryLongDescriptionIsCut) {
  const CallOutcome r = classify("sendMessage", http(400, api_error(400, std::string(5000, 'd'))));
  EXPECT_LT(r.error.size(), 300u);
}

TEST(ChatIdValue, NumbersAreSentAsNumbersAndNamesAsStrings) {
  EXPECT_EQ(chat_id_value("7012345678"), json(7012345678));
  EXPECT_EQ(chat_id_value("-1001234567890"), json(-1001234567890));
  EXPECT_EQ(chat_id_value("@noodbel_test"), json("@noodbel_test"));
  EXPECT_EQ(chat_id_value("12ab"), json("12ab"));
}

}  // namespace
}  // namespace noodbel::telegram
