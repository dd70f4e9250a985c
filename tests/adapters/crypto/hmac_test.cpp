#include "adapters/crypto/hmac.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "adapters/crypto/secrets.h"

namespace noodbel {
namespace {

// RFC 2202 and RFC 4231, test case 2 of each.
constexpr std::string_view kKey = "Jefe";
constexpr std::string_view kData = "what do ya want for nothing?";
// Test case 1 of both RFCs: twenty 0x0b bytes.
const std::string kKey1(20, '\x0b');
constexpr std::string_view kData1 = "Hi There";
constexpr std::string_view kSha1Case1 = "b617318655057264e28bc0b6fb378c8ef146be00";
constexpr std::string_view kSha1Case2 = "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79";
constexpr std::string_view kSha256Case1 =
    "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7";
constexpr std::string_view kSha256Case2 =
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
constexpr std::string_view kSha256Empty =
    "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad";

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

// Each thread keeps one context keyed with the last key: a changed key must re-key it, the
// same key must start a fresh message, and an empty key is a key, not "keep the last one".
TEST(HmacSha1, GivesEachKeysDigestWhenKeysAlternateOnOneThread) {
  EXPECT_EQ(to_hex(*hmac_sha1(kKey1, kData1)), kSha1Case1);
  EXPECT_EQ(to_hex(*hmac_sha1(kKey, kData)), kSha1Case2);
  EXPECT_EQ(to_hex(*hmac_sha1(kKey, kData)), kSha1Case2);
  EXPECT_EQ(to_hex(*hmac_sha1(kKey1, kData1)), kSha1Case1);
  EXPECT_EQ(to_hex(*hmac_sha1(kKey, kData)), kSha1Case2);
}

TEST(HmacSha256, GivesTheEmptyKeysDigestRightAfterAnotherKeysOnOneThread) {
  EXPECT_EQ(to_hex(*hmac_sha256(kKey, kData)), kSha256Case2);
  EXPECT_EQ(to_hex(*hmac_sha256("", "")), kSha256Empty);
  EXPECT_EQ(to_hex(*hmac_sha256("", "")), kSha256Empty);
  EXPECT_EQ(to_hex(*hmac_sha256(kKey, kData)), kSha256Case2);
}

TEST(HmacSha256, GivesTheRightDigestOnManyThreadsAtOnce) {
  constexpr int kThreads = 8;
  constexpr int kRounds = 500;
  std::vector<int> wrong(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &wrong] {
      for (int i = 0; i < kRounds; ++i) {
        const bool first = (i + t) % 2 == 0;
        const std::string mac =
            to_hex(*hmac_sha256(first ? std::string_view(kKey1) : kKey, first ? kData1 : kData));
        if (mac != (first ? kSha256Case1 : kSha256Case2)) ++wrong[static_cast<std::size_t>(t)];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong, std::vector<int>(kThreads, 0));
}

}  // namespace
}  // namespace noodbel
