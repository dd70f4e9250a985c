#include "adapters/http/security_headers_support.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace noodbel::testing {
namespace {

std::size_t count_of(const HttpResponse& r, std::string_view name) {
  const auto same = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  };
  return static_cast<std::size_t>(
      std::count_if(r.headers.begin(), r.headers.end(), [&](const auto& h) {
        return std::equal(h.first.begin(), h.first.end(), name.begin(), name.end(), same);
      }));
}

void expect_once(const HttpResponse& r, std::string_view name, std::string_view value,
                 std::vector<std::string>& problems) {
  const std::size_t n = count_of(r, name);
  if (n == 0) return problems.push_back(fmt::format("{}: missing", name));
  if (n > 1) problems.push_back(fmt::format("{}: sent {} times", name, n));
  if (!value.empty() && r.header(name) != std::string(value)) {
    problems.push_back(fmt::format("{}: is '{}', not '{}'", name, *r.header(name), value));
  }
}

}  // namespace

std::vector<std::string> security_header_problems(const HttpResponse& r) {
  std::vector<std::string> problems;
  expect_once(r, "X-Content-Type-Options", "nosniff", problems);
  expect_once(r, "Referrer-Policy", "no-referrer", problems);
  expect_once(r, "X-Frame-Options", "DENY", problems);
  if (!r.content_type.starts_with("text/html")) return problems;
  expect_once(r, "Content-Security-Policy", "", problems);
  const std::string csp = r.header("Content-Security-Policy").value_or("");
  for (std::string_view directive : {"default-src 'none'", "frame-ancestors 'none'"}) {
    if (csp.find(directive) == std::string::npos) {
      problems.push_back(fmt::format("Content-Security-Policy: lacks {}", directive));
    }
  }
  return problems;
}

Result<std::vector<HttpRequest>> requests_for_every_route(const Router& router,
                                                          const PathParams& params,
                                                          std::string_view query) {
  std::vector<HttpRequest> out;
  for (const RouteName& route : router.routes()) {
    std::string path;
    for (std::size_t at = 0; at < route.pattern.size();) {
      const std::size_t open = route.pattern.find('{', at);
      path += route.pattern.substr(at, open - at);
      if (open == std::string::npos) break;
      const std::size_t close = route.pattern.find('}', open);
      const std::string name = route.pattern.substr(open + 1, close - open - 1);
      const auto value = params.find(name);
      if (value == params.end()) {
        return Error::Invalid(
            fmt::format("route {} {} has a parameter '{}' the test does not "
                        "fill: add it to the test's params",
                        route.method, route.pattern, name));
      }
      path += value->second;
      at = close + 1;
    }
    HttpRequest r;
    r.method = route.method;
    r.path = path;
    r.target = query.empty() ? path : path + "?" + std::string(query);
    const Result<ParsedTarget> parsed = parse_target(r.target);
    if (!parsed.ok()) return parsed.error();
    r.query = parsed->query;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> security_header_problems_on_every_route(const Router& router,
                                                                 const PathParams& params,
                                                                 std::string_view query) {
  const Result<std::vector<HttpRequest>> requests = requests_for_every_route(router, params, query);
  if (!requests.ok()) return {requests.error().message};
  std::vector<std::string> problems;
  for (const HttpRequest& r : *requests) {
    for (const std::string& p : security_header_problems(router.handle(r))) {
      problems.push_back(fmt::format("{} {}: {}", r.method, r.target, p));
    }
  }
  return problems;
}

}  // namespace noodbel::testing
