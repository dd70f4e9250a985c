#include "adapters/crypto/secrets.h"

#include <gtest/gtest.h>

#include <string>

namespace noodbel {
namespace {

TEST(Sha256Hex, MatchesTheStandardTestVector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(SecretsEqual, ComparesWholeValuesWhateverTheirLength) {
  EXPECT_TRUE(secrets_equal("xr3j5x3p4pfk7k3kdgm1ejwqrc", "xr3j5x3p4pfk7k3kdgm1ejwqrc"));
  EXPECT_FALSE(secrets_equal("xr3j5x3p4pfk7k3kdgm1ejwqrc", "xr3j5x3p4pfk7k3kdgm1ejwqrd"));
  EXPECT_FALSE(secrets_equal("xr3j5x3p4pfk7k3kdgm1ejwqrc", "xr3j5x3p4pfk7k3kdgm1ejwqr"));
  EXPECT_FALSE(secrets_equal("", "xr3j5x3p4pfk7k3kdgm1ejwqrc"));
}

TEST(ToHex, WritesEachByteAsTwoLowerCaseDigits) {
  const unsigned char bytes[] = {0x00, 0x0f, 0xa0, 0xff};
  EXPECT_EQ(to_hex(bytes, sizeof bytes), "000fa0ff");
}

TEST(ToHex, ReadsTheBytesOfAStringIncludingZeroBytes) {
  EXPECT_EQ(to_hex(std::string("\x00\x0f\xa0\xff", 4)), "000fa0ff");
}

TEST(ConstantTimeEqual, IsTrueOnlyForTheSameBytes) {
  EXPECT_TRUE(constant_time_equal("v0=a2114d57b48eac39", "v0=a2114d57b48eac39"));
  EXPECT_TRUE(constant_time_equal("", ""));
  EXPECT_FALSE(constant_time_equal("v0=a2114d57b48eac39", "v0=a2114d57b48eac3a"));
  EXPECT_FALSE(constant_time_equal("v0=a2114d57b48eac39", "v0=a2114d57b48eac3"));
  EXPECT_FALSE(constant_time_equal(std::string("a\0b", 3), std::string("a\0c", 3)));
}

}  // namespace
}  // namespace noodbel
