#include "adapters/web/signed_links.h"

#include <cctype>
#include <charconv>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

#include "adapters/crypto/base64.h"
#include "adapters/crypto/hmac.h"
#include "adapters/crypto/openssl_random.h"
#include "adapters/crypto/secrets.h"

namespace noodbel {
namespace {

// Unreserved characters pass; everything else is %XX.
std::string percent_encode(std::string_view s) {
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += ch;
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

std::string random_secret() {
  const Result<std::string> bytes = random_bytes(32);
  if (!bytes.ok()) {
    throw std::runtime_error("cannot draw a random web secret (OpenSSL RAND_bytes failed)");
  }
  return base64url(*bytes);
}

// "<subject>.<expires>.<mac>" split at its last two dots (a subject holds no dot).
struct Parts {
  std::string_view subject;
  UnixTime expires_at = 0;
  std::string_view mac;
};

std::optional<Parts> split_token(std::string_view token) {
  const auto last = token.rfind('.');
  if (last == std::string_view::npos || last == 0) return std::nullopt;
  const auto middle = token.rfind('.', last - 1);
  if (middle == std::string_view::npos) return std::nullopt;
  Parts p;
  p.subject = token.substr(0, middle);
  p.mac = token.substr(last + 1);
  const std::string_view expiry = token.substr(middle + 1, last - middle - 1);
  const auto [end, ec] = std::from_chars(expiry.data(), expiry.data() + expiry.size(), p.expires_at);
  if (ec != std::errc() || end != expiry.data() + expiry.size() || p.expires_at <= 0) {
    return std::nullopt;
  }
  if (p.mac.empty() || p.subject.find('.') != std::string_view::npos) return std::nullopt;
  return p;
}

std::string base_without_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

std::string_view to_string(LinkCheck c) {
  switch (c) {
    case LinkCheck::kValid: return "valid";
    case LinkCheck::kMalformed: return "malformed";
    case LinkCheck::kBadSignature: return "bad_signature";
    case LinkCheck::kExpired: return "expired";
    case LinkCheck::kUnknownCall:
      return "unknown_call";
  }
  return "malformed";
}

SignedLinks::SignedLinks(std::string base_url, std::string secret, int board_link_hours,
                         int digest_link_days)
    : base_url_(base_without_slash(std::move(base_url))),
      secret_(std::move(secret)),
      board_link_hours_(board_link_hours),
      digest_link_days_(digest_link_days) {}

SignedLinks SignedLinks::from_config(const WebConfig& web, const HttpConfig& http) {
  std::string base = web.public_url;
  if (base.empty()) base = fmt::format("http://{}:{}", http.address, http.port);
  std::string secret = web.secret.empty() ? random_secret() : web.secret;
  return SignedLinks(std::move(base), std::move(secret), web.board_link_hours,
                     web.digest_link_days);
}

SignedLinks SignedLinks::rebased(std::string base_url) const {
  return SignedLinks(std::move(base_url), secret_, board_link_hours_, digest_link_days_);
}

std::string SignedLinks::mac(std::string_view message) const {
  const Result<std::string> digest = hmac_sha256(secret_, message);
  // Without a digest the mac is empty: a token with an empty mac is refused as malformed.
  return digest.ok() ? base64url(*digest) : std::string();
}

std::string SignedLinks::board_token(const Call& call, std::string_view caseworker_id,
                                     UnixTime expires_at) const {
  // The code alone is reused after [calls] code_reuse_days; its row id and creation time
  // together name one call.
  const std::string message = fmt::format("board\n{}\n{}:{}\n{}\n{}", call.code, call.id,
                                          call.created_at, caseworker_id, expires_at);
  return fmt::format("{}.{}.{}", caseworker_id, expires_at, mac(message));
}

std::string SignedLinks::digest_token(std::string_view date, std::string_view service,
                                      UnixTime expires_at) const {
  const std::string message = fmt::format("digest\n{}\n{}\n{}", date, service, expires_at);
  return fmt::format("d.{}.{}", expires_at, mac(message));
}

std::string SignedLinks::board_url(const Call& call, std::string_view caseworker_id,
                                   UnixTime now) const {
  const UnixTime expires = now + static_cast<UnixTime>(board_link_hours_) * 3600;
  return fmt::format("{}/board/{}?t={}", base_url_, percent_encode(call.code),
                     board_token(call, caseworker_id, expires));
}

std::string SignedLinks::digest_url(std::string_view date, std::string_view service,
                                    UnixTime now) const {
  const UnixTime expires = now + static_cast<UnixTime>(digest_link_days_) * 86400;
  const std::string token = digest_token(date, service, expires);
  if (service.empty()) return fmt::format("{}/digest/{}?t={}", base_url_, date, token);
  return fmt::format("{}/digest/{}?service={}&t={}", base_url_, date, percent_encode(service),
                     token);
}

BoardAccess SignedLinks::check_board(const Call& call, std::string_view token, UnixTime now) const {
  BoardAccess access;
  const auto parts = split_token(token);
  if (!parts || parts->subject.empty()) return access;
  if (!constant_time_equal(board_token(call, parts->subject, parts->expires_at), token)) {
    access.check = LinkCheck::kBadSignature;
    return access;
  }
  access.expires_at = parts->expires_at;
  access.check = now >= parts->expires_at ? LinkCheck::kExpired : LinkCheck::kValid;
  if (access.check == LinkCheck::kValid) {
    access.caseworker_id = std::string(parts->subject);
    access.call_id = call.id;
    access.call_created_at = call.created_at;
  }
  return access;
}

LinkCheck SignedLinks::check_digest(std::string_view date, std::string_view service,
                                    std::string_view token, UnixTime now) const {
  const auto parts = split_token(token);
  if (!parts || parts->subject != "d") return LinkCheck::kMalformed;
  if (!constant_time_equal(digest_token(date, service, parts->expires_at), token))
    return LinkCheck::kBadSignature;
  return now >= parts->expires_at ? LinkCheck::kExpired : LinkCheck::kValid;
}

}  // namespace noodbel
