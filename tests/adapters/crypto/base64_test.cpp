#include "adapters/crypto/base64.h"

#include <gtest/gtest.h>

#include <string>

namespace noodbel {
namespace {

// RFC 4648, section 10.
TEST(Base64, MatchesTheRfc4648TestVectorsWithPadding) {
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foo"), "Zm9v");
  EXPECT_EQ(base64("foob"), "Zm9vYg==");
  EXPECT_EQ(base64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
}

TEST(Base64, UsesPlusAndSlashForTheLastTwoDigits) {
  EXPECT_EQ(base64("\xfb\xff\xfe"), "+//+");
  EXPECT_EQ(base64(std::string("\0\0\0", 3)), "AAAA");
}

TEST(Base64Url, UsesDashAndUnderscoreAndNoPadding) {
  EXPECT_EQ(base64url("\xfb\xff\xfe"), "-__-");
  EXPECT_EQ(base64url("f"), "Zg");
  EXPECT_EQ(base64url("fo"), "Zm8");
  EXPECT_EQ(base64url("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64url(""), "");
}

}  // namespace
}  // namespace noodbel
