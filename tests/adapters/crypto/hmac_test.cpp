#include "adapters/crypto/hmac.h"

#include <gtest/gtest.h>

#include <string>

#include "adapters/crypto/secrets.h"

namespace noodbel {
namespace {

// RFC 2202 and RFC 4231, test case 2 of each.
constexpr std::string_view kKey = "Jefe";
constexpr std::string_view kData = "what do ya want for nothing?";

TEST(HmacSha1, MatchesTheRfc2202TestVector) {
  const Result<std::string> mac = hmac_sha1(kKey, kData);
  ASSERT_TRUE(mac.ok()) << mac.error().message;
  EXPECT_EQ(mac->size(), 20U);
  EXPECT_EQ(to_hex(*mac), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
}

TEST(HmacSha256, MatchesTheRfc4231TestVector) {
  const Result<std::string> mac = hmac_sha256(kKey, kData);
  ASSERT_TRUE(mac.ok()) << mac.error().message;
  EXPECT_EQ(mac->size(), 32U);
  EXPECT_EQ(to_hex(*mac), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(HmacSha256, AcceptsAnEmptyKeyAndMessage) {
  const Result<std::string> mac = hmac_sha256("", "");
  ASSERT_TRUE(mac.ok()) << mac.error().message;
  EXPECT_EQ(to_hex(*mac), "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST(HmacSha256, KeepsBytesAfterAZeroByteOfTheKeyAndMessage) {
  const std::string key("k\0a", 3);
  const std::string message("m\0a", 3);
  EXPECT_NE(to_hex(*hmac_sha256(key, message)), to_hex(*hmac_sha256("k", message)));
  EXPECT_NE(to_hex(*hmac_sha256(key, message)), to_hex(*hmac_sha256(key, "m")));
}

}  // namespace
}  // namespace noodbel
