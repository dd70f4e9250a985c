#include "adapters/web/signed_links.h"

#include <string>

#include <gtest/gtest.h>

namespace noodbel {
namespace {

constexpr UnixTime kNow = 1795400000;
const std::string kSecret = "0123456789abcdef0123456789abcdef";

SignedLinks links() { return SignedLinks("https://noodbel.example.be/", kSecret, 12, 7); }

// The token of a board URL ("…/board/K42?t=TOKEN").
std::string token_of(const std::string& url) { return url.substr(url.find("?t=") + 3); }

TEST(SignedLinks, BoardUrlCarriesAValidTokenForItsCaseworker) {
  const std::string url = links().board_url("K42", "C001", kNow);
  EXPECT_EQ(url.rfind("https://noodbel.example.be/board/K42?t=C001.", 0), 0u) << url;
  const BoardAccess a = links().check_board("K42", token_of(url), kNow + 60);
  EXPECT_EQ(a.check, LinkCheck::kValid);
  EXPECT_EQ(a.caseworker_id, "C001");
  EXPECT_EQ(a.expires_at, kNow + 12 * 3600);
}

TEST(SignedLinks, TamperedTokenIsABadSignature) {
  std::string token = token_of(links().board_url("K42", "C001", kNow));
  token.back() = token.back() == 'A' ? 'B' : 'A';
  const BoardAccess a = links().check_board("K42", token, kNow);
  EXPECT_EQ(a.check, LinkCheck::kBadSignature);
  EXPECT_TRUE(a.caseworker_id.empty());
}

TEST(SignedLinks, LongerExpiryWrittenIntoTheTokenIsABadSignature) {
  const std::string token = links().board_token("K42", "C001", kNow + 10);
  const std::string mac = token.substr(token.rfind('.'));
  EXPECT_EQ(links().check_board("K42", "C001." + std::to_string(kNow + 99999) + mac, kNow).check,
            LinkCheck::kBadSignature);
}

TEST(SignedLinks, TokenOfAnotherCodeIsRefused) {
  const std::string token = token_of(links().board_url("K42", "C001", kNow));
  EXPECT_EQ(links().check_board("K43", token, kNow).check, LinkCheck::kBadSignature);
}

TEST(SignedLinks, TokenMovedToAnotherCaseworkerIsRefused) {
  const std::string token = token_of(links().board_url("K42", "C001", kNow));
  const std::string other = "C002" + token.substr(token.find('.'));
  const BoardAccess a = links().check_board("K42", other, kNow);
  EXPECT_EQ(a.check, LinkCheck::kBadSignature);
  EXPECT_TRUE(a.caseworker_id.empty());
}

TEST(SignedLinks, TokenOfAnotherSecretIsRefused) {
  const SignedLinks other("https://x", std::string(40, 'z'), 12, 7);
  const std::string token = token_of(other.board_url("K42", "C001", kNow));
  EXPECT_EQ(links().check_board("K42", token, kNow).check, LinkCheck::kBadSignature);
}

TEST(SignedLinks, ExpiredTokenIsRefusedAtItsExpiryAndAfter) {
  const std::string token = token_of(links().board_url("K42", "C001", kNow));
  EXPECT_EQ(links().check_board("K42", token, kNow + 12 * 3600 - 1).check, LinkCheck::kValid);
  const BoardAccess at = links().check_board("K42", token, kNow + 12 * 3600);
  EXPECT_EQ(at.check, LinkCheck::kExpired);
  EXPECT_TRUE(at.caseworker_id.empty());
  EXPECT_EQ(links().check_board("K42", token, kNow + 30 * 86400).check, LinkCheck::kExpired);
}

TEST(SignedLinks, MalformedTokensAreRefusedAsMalformed) {
  for (const std::string bad : {"", "abc", "C001.", "C001..mac", ".123.mac", "C001.12x.mac",
                                "C001.-5.mac", "C001.123.", "a.b.123.mac", "C001.0.mac"}) {
    EXPECT_EQ(links().check_board("K42", bad, kNow).check, LinkCheck::kMalformed) << bad;
  }
}

TEST(SignedLinks, RebasedLinksKeepTheSecret) {
  const SignedLinks moved = links().rebased("http://127.0.0.1:5555");
  const std::string url = moved.board_url("K42", "C001", kNow);
  EXPECT_EQ(url.rfind("http://127.0.0.1:5555/board/K42?t=", 0), 0u) << url;
  EXPECT_EQ(links().check_board("K42", token_of(url), kNow).check, LinkCheck::kValid);
}

TEST(SignedLinks, DigestTokensCheckDateServiceAndExpiry) {
  const std::string url = links().digest_url("2026-11-23", "limburg", kNow);
  EXPECT_NE(url.find("/digest/2026-11-23?service=limburg&t=d."), std::string::npos) << url;
  const std::string token = token_of(url.substr(url.find("&t=") + 1).insert(0, "?"));
  EXPECT_EQ(links().check_digest("2026-11-23", "limburg", token, kNow), LinkCheck::kValid);
  EXPECT_EQ(links().check_digest("2026-11-24", "limburg", token, kNow), LinkCheck::kBadSignature);
  EXPECT_EQ(links().check_digest("2026-11-23", "", token, kNow), LinkCheck::kBadSignature);
  EXPECT_EQ(links().check_digest("2026-11-23", "limburg", token, kNow + 7 * 86400),
            LinkCheck::kExpired);
  EXPECT_EQ(links().check_digest("2026-11-23", "limburg", "C001.1.x", kNow), LinkCheck::kMalformed);
}

TEST(SignedLinks, NamesEveryCheckForMetrics) {
  EXPECT_EQ(to_string(LinkCheck::kValid), "valid");
  EXPECT_EQ(to_string(LinkCheck::kMalformed), "malformed");
  EXPECT_EQ(to_string(LinkCheck::kBadSignature), "bad_signature");
  EXPECT_EQ(to_string(LinkCheck::kExpired), "expired");
}

}  // namespace
}  // namespace noodbel
