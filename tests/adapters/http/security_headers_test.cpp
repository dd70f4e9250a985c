// The security headers every response of the Router carries, and the page policies.
#include "adapters/http/security_headers.h"

#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "adapters/http/router.h"
#include "adapters/http/security_headers_support.h"

namespace noodbel {
namespace {

using noodbel::testing::security_header_problems;

// A router with a JSON, a text, a bare HTML, a live page and a throwing route.
Router sample_router() {
  Router router;
  router.add("GET", "/json", [](const HttpRequest&, const PathParams&) {
    return HttpResponse::json(200, {{"ok", true}});
  });
  router.add("GET", "/text",
             [](const HttpRequest&, const PathParams&) { return HttpResponse::text(200, "ok"); });
  router.add("GET", "/bare/{id}", [](const HttpRequest&, const PathParams&) {
    return HttpResponse::html(200, "<p>no policy named</p>");
  });
  router.add("GET", "/live", [](const HttpRequest&, const PathParams&) {
    HttpResponse r = HttpResponse::html(200, "<p>live</p>");
    return with_page_policy(r, PagePolicy::kLive);
  });
  router.add("POST", "/throws", [](const HttpRequest&, const PathParams&) -> HttpResponse {
    throw std::runtime_error("boom");
  });
  return router;
}

HttpResponse get(const Router& router, std::string method, std::string path) {
  HttpRequest r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.target = r.path;
  return router.handle(r);
}

TEST(SecurityHeaders, EveryResponseOfTheRouterCarriesTheFullSetAlsoErrorsItMakesItself) {
  const Router router = sample_router();
  const std::vector<std::pair<std::string, std::string>> requests{
      {"GET", "/json"},    {"GET", "/text"},    {"GET", "/bare/1"}, {"GET", "/live"},
      {"POST", "/throws"}, {"GET", "/no-such"}, {"POST", "/json"}};
  for (const auto& [method, path] : requests) {
    const HttpResponse r = get(router, method, path);
    EXPECT_EQ(security_header_problems(r), std::vector<std::string>{}) << method << " " << path;
    EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
    EXPECT_EQ(r.header("Referrer-Policy"), "no-referrer");
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
  }
}

TEST(SecurityHeaders, AnHtmlResponseThatNamesNoPolicyGetsTheStrictStaticOne) {
  const HttpResponse r = get(sample_router(), "GET", "/bare/1");
  EXPECT_EQ(r.header("Content-Security-Policy"),
            std::string(content_security_policy(PagePolicy::kStatic)));
  EXPECT_FALSE(get(sample_router(), "GET", "/json").header("Content-Security-Policy").has_value())
      << "a policy is for pages";
}

TEST(SecurityHeaders, APagesOwnPolicyIsKeptAndSentOnce) {
  const HttpResponse r = get(sample_router(), "GET", "/live");
  EXPECT_EQ(r.header("Content-Security-Policy"),
            std::string(content_security_policy(PagePolicy::kLive)));
  EXPECT_EQ(security_header_problems(r), std::vector<std::string>{});
}

TEST(SecurityHeaders, EveryPolicyDeniesByDefaultAndForbidsFraming) {
  for (const PagePolicy p : {PagePolicy::kStatic, PagePolicy::kLive, PagePolicy::kSandbox}) {
    const std::string csp(content_security_policy(p));
    EXPECT_EQ(csp.rfind("default-src 'none'; ", 0), 0u) << csp;
    EXPECT_NE(csp.find("; frame-ancestors 'none'"), std::string::npos) << csp;
  }
}

TEST(SecurityHeaders, TheStaticPolicyAllowsInlineStyleButNoScriptAndNoConnections) {
  const std::string csp(content_security_policy(PagePolicy::kStatic));
  EXPECT_EQ(csp,
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            "frame-ancestors 'none'");
  EXPECT_EQ(csp.find("script-src"), std::string::npos);
  EXPECT_EQ(csp.find("connect-src"), std::string::npos);
}

TEST(SecurityHeaders, RequestsForEveryRouteFillEachParameterOrNameTheMissingOne) {
  const Router router = sample_router();
  const auto requests = noodbel::testing::requests_for_every_route(router, {{"id", "7"}}, "t=x");
  ASSERT_TRUE(requests.ok()) << requests.error().message;
  ASSERT_EQ(requests->size(), router.routes().size());
  EXPECT_EQ((*requests)[2].path, "/bare/7");
  EXPECT_EQ((*requests)[2].target, "/bare/7?t=x");
  EXPECT_EQ((*requests)[2].query_param("t"), "x");
  const auto missing = noodbel::testing::requests_for_every_route(router, {}, "");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("GET /bare/{id} has a parameter 'id'"), std::string::npos)
      << missing.error().message;
}

}  // namespace
}  // namespace noodbel
