#include "adapters/http/retry_after.h"

#include <gtest/gtest.h>

namespace noodbel {
namespace {

TEST(RetryAfterSeconds, ReadsWholeSecondsOnly) {
  ClientResponse r;
  EXPECT_EQ(retry_after_seconds(r), std::nullopt);
  r.headers["retry-after"] = " 30 ";
  EXPECT_EQ(retry_after_seconds(r), 30);
  r.headers["retry-after"] = "Wed, 21 Oct 2015 07:28:00 GMT";
  EXPECT_EQ(retry_after_seconds(r), std::nullopt);
  r.headers["retry-after"] = "-5";
  EXPECT_EQ(retry_after_seconds(r), std::nullopt);
  r.headers["retry-after"] = "99999999999";
  EXPECT_EQ(retry_after_seconds(r), 24 * 3600);
}

}  // namespace
}  // namespace noodbel
