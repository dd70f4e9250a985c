#include "adapters/app/metrics_access.h"

#include <gtest/gtest.h>

#include <string>

namespace noodbel {
namespace {

constexpr std::string_view kToken = "c0ffee-metrics-token-0123456789";

HttpRequest from(std::string remote, std::string authorization = "") {
  HttpRequest r;
  r.method = "GET";
  r.path = "/metrics";
  r.remote_address = std::move(remote);
  if (!authorization.empty()) r.headers["authorization"] = std::move(authorization);
  return r;
}

TEST(MetricsAccess, WithoutATokenOnlyThisMachineMayRead) {
  for (const char* local : {"127.0.0.1", "127.0.0.53", "::1", "::ffff:127.0.0.1"}) {
    EXPECT_FALSE(metrics_refusal(from(local), "").has_value()) << local;
  }
  for (const char* remote : {"10.0.0.5", "192.168.1.20", "2001:db8::1", "::ffff:10.0.0.5", ""}) {
    const std::optional<std::string> why = metrics_refusal(from(remote), "");
    ASSERT_TRUE(why.has_value()) << remote;
    EXPECT_NE(why->find("[http] metrics_token"), std::string::npos) << *why;
    EXPECT_NE(why->find("NOODBEL_METRICS_TOKEN"), std::string::npos) << *why;
  }
}

TEST(MetricsAccess, WithATokenOnlyItsBearerMayReadFromAnywhereEvenThisMachine) {
  EXPECT_FALSE(metrics_refusal(from("10.0.0.5", "Bearer " + std::string(kToken)), kToken));
  EXPECT_FALSE(metrics_refusal(from("127.0.0.1", "Bearer " + std::string(kToken)), kToken));
  const std::optional<std::string> missing = metrics_refusal(from("127.0.0.1"), kToken);
  ASSERT_TRUE(missing.has_value());
  EXPECT_NE(missing->find("Authorization: Bearer"), std::string::npos) << *missing;
  const std::string token(kToken);
  for (const std::string& wrong :
       {std::string("Bearer nope"), token, "Basic " + token, "Bearer " + token + "x"}) {
    const std::optional<std::string> why = metrics_refusal(from("10.0.0.5", wrong), kToken);
    ASSERT_TRUE(why.has_value()) << wrong;
    EXPECT_EQ(why->find(kToken), std::string::npos) << "never echo the token: " << *why;
  }
}

}  // namespace
}  // namespace noodbel
