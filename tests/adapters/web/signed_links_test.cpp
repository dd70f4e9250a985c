#include "adapters/web/signed_links.h"

#include <cstdint>
#include <string>
#include <utility>

#include <gtest/gtest.h>

namespace noodbel {
namespace {

constexpr UnixTime kNow = 1795400000;
const std::string kSecret = "0123456789abcdef0123456789abcdef";

SignedLinks links() { return SignedLinks("https://noodbel.example.be/", kSecret, 12, 7); }

Call call(std::string code, std::int64_t id, UnixTime created_at) {
  Call c;
  c.code = std::move(code);
  c.id = id;
  c.created_at = created_at;
  return c;
}
Call k42() { return call("K42", 7, kNow - 3600); }

// The token of a board URL ("…/board/K42?t=TOKEN").
std::string token_of(const std::string& url) { return url.substr(url.find("?t=") + 3); }

TEST(SignedLinks, BoardUrlCarriesAValidTokenForItsCaseworker) {
  const std::string url = links().board_url(k42(), "C001", kNow);
  EXPECT_EQ(url.rfind("https://noodbel.example.be/board/K42?t=C001.", 0), 0u) << url;
  const BoardAccess a = links().check_board(k42(), token_of(url), kNow + 60);
  EXPECT_EQ(a.check, LinkCheck::kValid);
  EXPECT_EQ(a.caseworker_id, "C001");
  EXPECT_EQ(a.expires_at, kNow + 12 * 3600);
}

TEST(SignedLinks, TamperedTokenIsABadSignature) {
  std::string token = token_of(links().board_url(k42(), "C001", kNow));
  token.back() = token.back() == 'A' ? 'B' : 'A';
  const BoardAccess a = links().check_board(k42(), token, kNow);
  EXPECT_EQ(a.check, LinkCheck::kBadSignature);
  EXPECT_TRUE(a.caseworker_id.empty());
}

TEST(SignedLinks, LongerExpiryWrittenIntoTheTokenIsABadSignature) {
  const std::string token = links().board_token(k42(), "C001", kNow + 10);
  const std::string mac = token.substr(token.rfind('.'));
  EXPECT_EQ(links().check_board(k42(), "C001." + std::to_string(kNow + 99999) + mac, kNow).check,
            LinkCheck::kBadSignature);
}

TEST(SignedLinks, TokenOfAnotherCodeIsRefused) {
  const std::string token = token_of(links().board_url(k42(), "C001", kNow));
  EXPECT_EQ(links().check_board(call("K43", 7, kNow - 3600), token, kNow).check,
            LinkCheck::kBadSignature);
}

// Codes are reused after [calls] code_reuse_days: a link that is still valid must not open
// the later call that got the same code, nor a call that got the same row id again (SQLite
// may reuse the highest row id after it was deleted).
TEST(SignedLinks, TokenOfAnEarlierCallWithTheSameCodeIsRefused) {
  const std::string token = token_of(links().board_url(k42(), "C001", kNow));
  EXPECT_EQ(links().check_board(call("K42", 9, kNow + 40 * 86400), token, kNow).check,
            LinkCheck::kBadSignature);
  EXPECT_EQ(links().check_board(call("K42", 7, kNow + 60), token, kNow).check,
            LinkCheck::kBadSignature);
  EXPECT_EQ(links().check_board(k42(), token, kNow).check, LinkCheck::kValid);
}

TEST(SignedLinks, AValidAccessIsForItsOwnCallOnly) {
  const BoardAccess a =
      links().check_board(k42(), token_of(links().board_url(k42(), "C001", kNow)), kNow);
  EXPECT_TRUE(a.is_for(k42()));
  EXPECT_FALSE(a.is_for(call("K42", 9, kNow + 40 * 86400)));
  EXPECT_FALSE(a.is_for(call("K42", 7, kNow + 60)));
  BoardAccess expired = a;
  expired.check = LinkCheck::kExpired;
  EXPECT_FALSE(expired.is_for(k42()));
}

TEST(SignedLinks, TokenMovedToAnotherCaseworkerIsRefused) {
  const std::string token = token_of(links().board_url(k42(), "C001", kNow));
  const std::string other = "C002" + token.substr(token.find('.'));
  const BoardAccess a = links().check_board(k42(), other, kNow);
  EXPECT_EQ(a.check, LinkCheck::kBadSignature);
  EXPECT_TRUE(a.caseworker_id.empty());
}

TEST(SignedLinks, TokenOfAnotherSecretIsRefused) {
  const SignedLinks other("https://x", std::string(40, 'z'), 12, 7);
  const std::string token = token_of(other.board_url(k42(), "C001", kNow));
  EXPECT_EQ(links().check_board(k42(), token, kNow).check, LinkCheck::kBadSignature);
}

TEST(SignedLinks, ExpiredTokenIsRefusedAtItsExpiryAndAfter) {
  const std::string token = token_of(links().board_url(k42(), "C001", kNow));
  EXPECT_EQ(links().check_board(k42(), token, kNow + 12 * 3600 - 1).check, LinkCheck::kValid);
  const BoardAccess at = links().check_board(k42(), token, kNow + 12 * 3600);
  EXPECT_EQ(at.check, LinkCheck::kExpired);
  EXPECT_TRUE(at.caseworker_id.empty());
  EXPECT_EQ(links().check_board(k42(), token, kNow + 30 * 86400).check, LinkCheck::kExpired);
}

TEST(SignedLinks, MalformedTokensAreRefusedAsMalformed) {
  for (const std::string bad : {"", "abc", "C001.", "C001..mac", ".123.mac", "C001.12x.mac",
                                "C001.-5.mac", "C001.123.", "a.b.123.mac", "C001.0.mac"}) {
    EXPECT_EQ(links().check_board(k42(), bad, kNow).check, LinkCheck::kMalformed) << bad;
  }
}

TEST(SignedLinks, RebasedLinksKeepTheSecret) {
  const SignedLinks moved = links().rebased("http://127.0.0.1:5555");
  const std::string url = moved.board_url(k42(), "C001", kNow);
  EXPECT_EQ(url.rfind("http://127.0.0.1:5555/board/K42?t=", 0), 0u) << url;
  EXPECT_EQ(links().check_board(k42(), token_of(url), kNow).check, LinkCheck::kValid);
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
