#include "adapters/crypto/openssl_random.h"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <string>

#include "bot/linking.h"

namespace noodbel {
namespace {

TEST(OpenSslRandom, FillsEveryByteAndDiffersEachTime) {
  const OpenSslRandom random;
  std::array<unsigned char, 32> a{};
  std::array<unsigned char, 32> b{};
  ASSERT_TRUE(random.fill(a).ok());
  ASSERT_TRUE(random.fill(b).ok());
  EXPECT_NE(a, b);
  EXPECT_TRUE(random.fill(std::span<unsigned char>()).ok());
}

TEST(RandomBytes, GivesAsManyBytesAsAskedAndDiffersEachTime) {
  const Result<std::string> a = random_bytes(32);
  const Result<std::string> b = random_bytes(32);
  ASSERT_TRUE(a.ok()) << a.error().message;
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(a->size(), 32U);
  EXPECT_NE(*a, *b);
  EXPECT_EQ(random_bytes(0)->size(), 0U);
}

TEST(OpenSslRandom, GivesTwoHundredDistinctWellFormedLinkCodes) {
  const OpenSslRandom random;
  std::set<std::string> seen;
  while (seen.size() < 200) {
    const Result<std::string> code = random_link_code(random);
    ASSERT_TRUE(code.ok()) << code.error().message;
    EXPECT_EQ(normalize_link_code(*code), *code);
    ASSERT_TRUE(seen.insert(*code).second) << "drawn twice: " << *code;
  }
}

}  // namespace
}  // namespace noodbel
