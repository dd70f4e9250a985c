#include "adapters/http/router.h"

#include <stdexcept>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace noodbel {
namespace {

HttpRequest request(std::string method, std::string path) {
  HttpRequest r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.target = r.path;
  return r;
}

HttpResponse ok_text(std::string text) { return HttpResponse::text(200, std::move(text)); }

TEST(Router, CallsTheHandlerOfAnExactPath) {
  Router router;
  router.add("GET", "/healthz", [](const HttpRequest&, const PathParams&) { return ok_text("ok"); });
  const HttpResponse r = router.handle(request("GET", "/healthz"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "ok");
}

TEST(Router, UnknownPathIs404Json) {
  Router router;
  router.add("GET", "/healthz", [](const HttpRequest&, const PathParams&) { return ok_text("ok"); });
  const HttpResponse r = router.handle(request("GET", "/nope"));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_NE(nlohmann::json::parse(r.body)["error"].get<std::string>().find("/nope"),
            std::string::npos);
}

TEST(Router, KnownPathWithOtherMethodIs405WithAllowHeader) {
  Router router;
  const auto h = [](const HttpRequest&, const PathParams&) { return ok_text("x"); };
  router.add("POST", "/webhooks/kannel", h);
  router.add("GET", "/webhooks/kannel", h);
  const HttpResponse r = router.handle(request("DELETE", "/webhooks/kannel"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("Allow"), "GET, POST");
  EXPECT_NE(r.body.find("DELETE"), std::string::npos);
}

TEST(Router, FillsPathParams) {
  Router router;
  router.add("GET", "/board/{code}/events", [](const HttpRequest&, const PathParams& p) {
    return ok_text("events " + p.at("code"));
  });
  router.add("GET", "/board/{code}", [](const HttpRequest&, const PathParams& p) {
    return ok_text("board " + p.at("code"));
  });
  EXPECT_EQ(router.handle(request("GET", "/board/K42")).body, "board K42");
  EXPECT_EQ(router.handle(request("GET", "/board/K42/events")).body, "events K42");
  EXPECT_EQ(router.handle(request("GET", "/board/")).status, 404);  // empty segment
  EXPECT_EQ(router.handle(request("GET", "/board/K42/x")).status, 404);
}

TEST(Router, LiteralRouteWinsOverParameterRoute) {
  Router router;
  router.add("GET", "/board/{code}", [](const HttpRequest&, const PathParams&) { return ok_text("param"); });
  router.add("GET", "/board/help", [](const HttpRequest&, const PathParams&) { return ok_text("literal"); });
  EXPECT_EQ(router.handle(request("GET", "/board/help")).body, "literal");
  EXPECT_EQ(router.route_label("/board/help"), "/board/help");
  EXPECT_EQ(router.route_label("/board/K1"), "/board/{code}");
  EXPECT_EQ(router.route_label("/elsewhere"), "unmatched");
}

TEST(Router, ThrowingHandlerGives500WithGenericBody) {
  Router router;
  router.add("POST", "/slash", [](const HttpRequest&, const PathParams&) -> HttpResponse {
    throw std::runtime_error("secret detail from the body");
  });
  const HttpResponse r = router.handle(request("POST", "/slash"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
  EXPECT_EQ(r.content_type, "application/json");
}

TEST(Router, NonStandardExceptionAlsoGives500) {
  Router router;
  router.add("GET", "/x", [](const HttpRequest&, const PathParams&) -> HttpResponse { throw 42; });
  EXPECT_EQ(router.handle(request("GET", "/x")).status, 500);
}

}  // namespace
}  // namespace noodbel
