#include "adapters/http/http_types.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "bot/text_normalize.h"

namespace noodbel {
namespace {

TEST(PercentDecode, DecodesEscapesAndKeepsPlusInPaths) {
  auto r = percent_decode("/a%20b+c%C3%A9", false);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "/a b+c\xC3\xA9");
}

TEST(PercentDecode, TurnsPlusIntoSpaceForFormData) {
  auto r = percent_decode("x+y%2Bz", true);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "x y+z");
}

TEST(PercentDecode, RejectsTruncatedOrNonHexEscapesWithThePosition) {
  for (const char* bad : {"abc%", "abc%4", "a%zz", "%g0"}) {
    auto r = percent_decode(bad, true);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
    EXPECT_NE(r.error().message.find("two hex digits"), std::string::npos);
  }
  EXPECT_NE(percent_decode("ab%zz", false).error().message.find("position 2"), std::string::npos);
}

TEST(ParseTarget, SplitsPathAndDecodedQuery) {
  auto r = parse_target("/board/K%2042?t=abc%3D&x=1&x=2&flag&q=a+b#frag");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->path, "/board/K 42");
  EXPECT_EQ(r->query.count("x"), 2u);
  EXPECT_EQ(r->query.find("t")->second, "abc=");
  EXPECT_EQ(r->query.find("flag")->second, "");
  EXPECT_EQ(r->query.find("q")->second, "a b");
}

TEST(ParseTarget, RejectsTargetsThatDoNotStartWithSlash) {
  auto r = parse_target("http://example.org/x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("must start with '/'"), std::string::npos);
}

TEST(ParseTarget, RejectsEncodedNulAndBadEscapes) {
  EXPECT_FALSE(parse_target("/a%00b").ok());
  auto bad_query = parse_target("/a?name=%G1");
  ASSERT_FALSE(bad_query.ok());
  EXPECT_NE(bad_query.error().message.find("query parameter 'name'"), std::string::npos);
}

TEST(ParseForm, DecodesTwilioStyleBodies) {
  auto r = parse_form("From=%2B32470123456&Body=ja+hoor%21&Empty=&NoValue");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->find("From")->second, "+32470123456");
  EXPECT_EQ(r->find("Body")->second, "ja hoor!");
  EXPECT_EQ(r->find("Empty")->second, "");
  EXPECT_EQ(r->find("NoValue")->second, "");
  EXPECT_EQ(r->size(), 4u);
}

TEST(ParseForm, ReportsTheBadParameter) {
  auto r = parse_form("a=1&Body=50%");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("form parameter 'Body'"), std::string::npos);
}

TEST(HttpRequest, HeaderLookupIgnoresCaseAndQueryParamReturnsFirst) {
  HttpRequest req;
  req.headers["content-type"] = "application/json";
  req.query = {{"since", "4"}, {"since", "9"}};
  EXPECT_EQ(req.header("Content-Type"), "application/json");
  EXPECT_EQ(req.header("x-missing"), std::nullopt);
  EXPECT_EQ(req.query_param("since"), "4");
  EXPECT_EQ(req.query_param("nope"), std::nullopt);
}

TEST(HttpResponse, ErrorJsonEscapesTheMessage) {
  const HttpResponse r = HttpResponse::error_json(400, "bad \"quote\"");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"], "bad \"quote\"");
}

TEST(HttpResponse, FactoriesSetContentTypes) {
  EXPECT_EQ(HttpResponse::text(200, "x").content_type, "text/plain; charset=utf-8");
  EXPECT_EQ(HttpResponse::html(200, "x").content_type, "text/html; charset=utf-8");
  HttpResponse r = HttpResponse::json(201, {{"ok", true}});
  r.with_header("X-A", "1");
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.body, R"({"ok":true})");
  EXPECT_EQ(r.header("x-a"), "1");
}

TEST(HttpResponse, JsonWithInvalidUtf8IsReplacedNotThrown) {
  const HttpResponse r = HttpResponse::json(200, {{"t", std::string("a\xFF")}});
  EXPECT_TRUE(is_valid_utf8(r.body));
}

// Issue 13: the Kannel webhook secret is a path segment; the server's own log lines name the
// path of a request whose handler threw, and must not write the secret.
TEST(PathForLog, HidesEverySegmentLongEnoughToBeASecret) {
  EXPECT_EQ(path_for_log("/webhooks/kannel/5b1f0c9e7d2a43b8a6e1d0f9c8b7a6e5"),
            "/webhooks/kannel/\u2026");
  EXPECT_EQ(path_for_log("/webhooks/kannel/0123456789abcdef/x"), "/webhooks/kannel/\u2026/x");
  EXPECT_EQ(path_for_log("/board/K42/events"), "/board/K42/events");
  EXPECT_EQ(path_for_log("/digest/2026-11-23"), "/digest/2026-11-23");
  EXPECT_EQ(path_for_log("/webhooks/kannel/0123456789abcde"), "/webhooks/kannel/0123456789abcde");
  EXPECT_EQ(path_for_log("/"), "/");
  EXPECT_EQ(path_for_log(""), "");
}

}  // namespace
}  // namespace noodbel
