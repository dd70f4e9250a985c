// SignedLinks: Links (bot/links.h) signed with HMAC-SHA256 under the server secret, and
// the checks of GET /board/{code}?t= and GET /digest/{date}?t=. A token is
// "<subject>.<expires unix>.<base64url mac>"; the mac covers the kind, the path values,
// the subject and the expiry, and for a board the call's identity (its row id and creation
// time), so a link opens only the call it was made for, never a later call that reuses the
// code. Immutable after construction: thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/http/http_config.h"
#include "adapters/web/web_config.h"
#include "bot/links.h"
#include "bot/result.h"

namespace noodbel {

// Why a token was refused (for the 403 page and the rejection metrics). kUnknownCall: no
// call has the link's code (any more), so the link cannot be checked against one.
enum class LinkCheck { kValid, kMalformed, kBadSignature, kExpired, kUnknownCall };
// "valid", "malformed", "bad_signature", "expired", "unknown_call"
std::string_view to_string(LinkCheck c);

struct BoardAccess {
  LinkCheck check = LinkCheck::kMalformed;
  std::string caseworker_id;  // when valid
  UnixTime expires_at = 0;
  std::int64_t call_id = 0;  // the call the link was made for, when valid
  UnixTime call_created_at = 0;
  // Whether `call` is the call this access was granted for (the code may lead elsewhere later).
  bool is_for(const Call& call) const {
    return check == LinkCheck::kValid && call.id == call_id && call.created_at == call_created_at;
  }
};

class SignedLinks final : public Links {
 public:
  // base_url: "https://noodbel.example.be" (no trailing slash needed); secret: HMAC key.
  SignedLinks(std::string base_url, std::string secret, int board_link_hours,
              int digest_link_days);
  // From [web] (base URL http://{http.address}:{http.port} when web.public_url is empty); an
  // empty secret becomes 32 random bytes (links die at restart).
  static SignedLinks from_config(const WebConfig& web, const HttpConfig& http);
  // The same secret and validity under another base URL (e.g. once the port is bound).
  SignedLinks rebased(std::string base_url) const;

  std::string board_url(const Call& call, std::string_view caseworker_id,
                        UnixTime now) const override;
  std::string digest_url(std::string_view date, std::string_view service,
                         UnixTime now) const override;
  int board_link_hours() const override { return board_link_hours_; }

  std::string board_token(const Call& call, std::string_view caseworker_id,
                          UnixTime expires_at) const;
  std::string digest_token(std::string_view date, std::string_view service,
                           UnixTime expires_at) const;

  // `call`: the call the link's code leads to now (the latest call with that code).
  BoardAccess check_board(const Call& call, std::string_view token, UnixTime now) const;
  LinkCheck check_digest(std::string_view date, std::string_view service,
                         std::string_view token, UnixTime now) const;

 private:
  std::string mac(std::string_view message) const;  // base64url, no padding
  std::string base_url_;
  std::string secret_;
  int board_link_hours_;
  int digest_link_days_;
};

}  // namespace noodbel
