#include "adapters/web/live_links.h"

#include <string>

#include <gtest/gtest.h>

namespace noodbel {
namespace {

constexpr UnixTime kNow = 1795400000;

std::string token_of(const std::string& url) { return url.substr(url.find("?t=") + 3); }

Call k42() {
  Call c;
  c.code = "K42";
  c.id = 3;
  c.created_at = 1795390000;
  return c;
}

TEST(LiveLinks, WithoutPublicUrlTheLinksFollowTheBoundPort) {
  WebConfig web;
  HttpConfig http;
  http.address = "127.0.0.1";
  http.port = 0;
  web.secret = std::string(32, 's');
  LiveLinks links(web, http);
  links.set_bound_port(43123);
  const std::string url = links.board_url(k42(), "C001", kNow);
  EXPECT_EQ(url.rfind("http://127.0.0.1:43123/board/K42?t=", 0), 0u) << url;
  EXPECT_EQ(links.checker().check_board(k42(), token_of(url), kNow).check, LinkCheck::kValid);
}

TEST(LiveLinks, APublicUrlIsKeptAndARandomSecretStillChecksItsOwnLinks) {
  WebConfig web;
  HttpConfig http;
  web.public_url = "https://noodbel.example.be";
  LiveLinks links(web, http);  // no secret: a random one for this process
  links.set_bound_port(43123);
  const std::string url = links.board_url(k42(), "C001", kNow);
  EXPECT_EQ(url.rfind("https://noodbel.example.be/board/K42?t=", 0), 0u) << url;
  EXPECT_EQ(links.checker().check_board(k42(), token_of(url), kNow).check, LinkCheck::kValid);
  EXPECT_EQ(LiveLinks(web, http).checker().check_board(k42(), token_of(url), kNow).check,
            LinkCheck::kBadSignature);  // another start, another key
}

TEST(LiveLinks, IPv6AddressesAreBracketed) {
  WebConfig web;
  HttpConfig http;
  http.address = "::1";
  web.secret = std::string(32, 's');
  LiveLinks links(web, http);
  links.set_bound_port(8080);
  EXPECT_EQ(links.board_url(k42(), "C001", kNow).rfind("http://[::1]:8080/board/K42", 0), 0u);
}

}  // namespace
}  // namespace noodbel
