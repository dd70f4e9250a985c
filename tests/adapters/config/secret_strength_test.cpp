#include "adapters/config/secret_strength.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "adapters/config/load_config.h"

namespace noodbel {
namespace {

TEST(SecretStrength, RandomHexAndBase64AreNotWeak) {
  for (const char* secret : {"9c41e07a5b2fd836e1a0c7b49f25d38e6a1b0c4f7e92d5a3b8c6f01e4d7a92b5",
                             "cfd86f34765b74c2e9c538706776da83", "q8wz3kd5tnr2vb7xhm4pyc9fgj",
                             "Kvf7lxDiIieehGB25QUeHi6JE8XW-yayenQ8N"}) {
    EXPECT_FALSE(is_low_entropy(secret)) << secret;
  }
}

TEST(SecretStrength, AShortAlphabetIsWeak) {
  EXPECT_TRUE(is_low_entropy(std::string(40, 'k')));
  EXPECT_TRUE(is_low_entropy("abababababababababababababababab"));
  EXPECT_TRUE(is_low_entropy("secretsecretsecretsecretsecret12"));    // s e c r t 1 2: 7
  EXPECT_FALSE(is_low_entropy("secretsecretsecretsecretsecret123"));  // 8 distinct
}

TEST(SecretStrength, SixOfOneCharacterInARowIsWeak) {
  EXPECT_TRUE(is_low_entropy("9c41e07a5b2fd8000000c7b49f25d38e"));
  EXPECT_FALSE(is_low_entropy("9c41e07a5b2fd800000ac7b49f25d38e"));  // five
}

TEST(SecretStrength, ASimpleSequenceOfEightIsWeak) {
  EXPECT_TRUE(is_low_entropy("x9k2-01234567-q8wz"));
  EXPECT_TRUE(is_low_entropy("x9k2-hgfedcba-q8wz"));
  EXPECT_TRUE(is_low_entropy("load-test-auth-token-0123456789"));
  EXPECT_FALSE(is_low_entropy("x9k2-0123456-q8wz"));  // seven
}

TEST(SecretStrength, WeakSecretKeysNamesTheKeysNotTheValues) {
  Config c = default_config();
  c.web.secret = std::string(40, 'k');
  c.slash.signing_secret = "cfd86f34765b74c2e9c538706776da83";
  c.kannel.password = "pw";
  EXPECT_EQ(weak_secret_keys(c), (std::vector<std::string_view>{"web.secret", "kannel.password"}));
}

TEST(SecretStrength, UnsetSecretsAreNotWeak) {
  EXPECT_TRUE(weak_secret_keys(default_config()).empty());
}

TEST(SecretStrength, TheBotIdOfATelegramTokenIsPublicAndNotJudged) {
  Config c = default_config();
  c.telegram.token = "123456789:Kvf7lxDiIieehGB25QUeHi6JE8XW-yayenQ8N";
  EXPECT_TRUE(weak_secret_keys(c).empty());
  c.telegram.token = "73019462:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  EXPECT_EQ(weak_secret_keys(c), (std::vector<std::string_view>{"telegram.token"}));
}

TEST(SecretStrength, AWeakSecretLoadsAndIsOnlyWarnedAbout) {
  const auto c = parse_config("[web]\nsecret = \"" + std::string(40, 'k') + "\"\n", "t.toml");
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(weak_secret_keys(*c), (std::vector<std::string_view>{"web.secret"}));
}

}  // namespace
}  // namespace noodbel
