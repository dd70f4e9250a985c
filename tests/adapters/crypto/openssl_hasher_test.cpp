#include "adapters/crypto/openssl_hasher.h"

#include <gtest/gtest.h>

#include "bot/linking.h"

namespace noodbel {
namespace {

TEST(OpenSslHasher, GivesLowerCaseHexSha256) {
  const OpenSslHasher hasher;
  EXPECT_EQ(hasher.sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hasher.sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(OpenSslHasher, HashesLinkCodesToSixtyFourDistinctHexDigits) {
  const OpenSslHasher hasher;
  EXPECT_EQ(link_code_hash(hasher, "AB3DEF7G").size(), 64u);
  EXPECT_NE(link_code_hash(hasher, "AB3DEF7G"), link_code_hash(hasher, "AB3DEF7H"));
}

}  // namespace
}  // namespace noodbel
