#include "adapters/slash/slash_auth.h"

#include <charconv>

#include <fmt/format.h>

#include "adapters/crypto/hmac.h"
#include "adapters/crypto/secrets.h"
#include "bot/text/ascii.h"

namespace noodbel {
namespace {

constexpr std::string_view kSignatureHeader = "x-slack-signature";
constexpr std::string_view kTimestampHeader = "x-slack-request-timestamp";
constexpr std::size_t kProviderSignatureHex = 16;
constexpr std::size_t kBodyHashHex = 32;

Result<UnixTime> parse_timestamp(std::string_view raw) {
  UnixTime ts = 0;
  const auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), ts);
  if (!all_digits(raw) || ec != std::errc() || end != raw.data() + raw.size()) {
    return Error::Forbidden(
        "X-Slack-Request-Timestamp must be the Unix time in whole seconds, as Slack sends it");
  }
  return ts;
}

Result<SlashAuth> verify_slack(const HttpRequest& request, std::string_view secret,
                               UnixTime now) {
  if (secret.empty()) {
    return Error::Forbidden(
        "Slack requests are not accepted here: no [slash] signing_secret is configured "
        "(or NOODBEL_SLACK_SIGNING_SECRET)");
  }
  const auto signature = request.header(kSignatureHeader);
  const auto raw_ts = request.header(kTimestampHeader);
  if (!signature || !raw_ts) {
    return Error::Forbidden(
        "a Slack request needs both X-Slack-Signature and X-Slack-Request-Timestamp headers");
  }
  const Result<UnixTime> ts = parse_timestamp(*raw_ts);
  if (!ts.ok()) return ts.error();
  if (*ts < now - kSlackMaxSkewSeconds || *ts > now + kSlackMaxSkewSeconds) {
    return Error::Forbidden(fmt::format(
        "X-Slack-Request-Timestamp is more than {} seconds from this server's clock: a "
        "replayed request, or a clock that is off (check NTP)",
        kSlackMaxSkewSeconds));
  }
  const std::string expected = slack_signature(secret, *raw_ts, request.body);
  const bool same = !expected.empty() && constant_time_equal(*signature, expected);
  if (!same) {
    return Error::Forbidden(
        "X-Slack-Signature does not match the body: check the signing secret in [slash] "
        "(Slack: Basic Information > Signing Secret)");
  }
  return SlashAuth{SlashProvider::kSlack,
                   fmt::format("slack:{}:{}", *raw_ts,
                               std::string_view(expected).substr(3, kProviderSignatureHex))};
}

// The token of "Authorization: Token abc" (scheme case-insensitive), if present.
std::optional<std::string> authorization_token(const HttpRequest& request) {
  const auto header = request.header("authorization");
  constexpr std::string_view kScheme = "token ";
  if (!header || header->size() <= kScheme.size()) return std::nullopt;
  if (lower_ascii(std::string_view(*header).substr(0, kScheme.size())) != kScheme) {
    return std::nullopt;
  }
  return header->substr(kScheme.size());
}

std::optional<std::string> first(const FormFields& form, const std::string& name) {
  const auto it = form.find(name);
  if (it == form.end()) return std::nullopt;
  return it->second;
}

Result<SlashAuth> verify_mattermost(const HttpRequest& request, const Result<FormFields>& form,
                                    std::string_view token) {
  const std::optional<std::string> from_header = authorization_token(request);
  const std::optional<std::string> from_form =
      form.ok() ? first(*form, "token") : std::optional<std::string>{};
  if (!from_header && !from_form) {
    return Error::Forbidden(
        "missing credentials: Slack signs requests with X-Slack-Signature and "
        "X-Slack-Request-Timestamp; Mattermost sends Authorization: Token ... and a token field");
  }
  if (token.empty()) {
    return Error::Forbidden(
        "Mattermost requests are not accepted here: no [slash] mattermost_token is configured "
        "(or NOODBEL_MATTERMOST_TOKEN)");
  }
  const bool header_ok = from_header && secrets_equal(*from_header, token);
  const bool form_ok = from_form && secrets_equal(*from_form, token);
  if (!header_ok && !form_ok) {
    return Error::Forbidden(
        "the Mattermost token does not match: check [slash] mattermost_token against the "
        "slash command's token in Mattermost");
  }
  const std::optional<std::string> trigger =
      form.ok() ? first(*form, "trigger_id") : std::optional<std::string>{};
  if (trigger && !trigger->empty()) {
    return SlashAuth{SlashProvider::kMattermost, "mattermost:" + *trigger};
  }
  return SlashAuth{SlashProvider::kMattermost,
                   "mattermost:body:" + sha256_hex(request.body).substr(0, kBodyHashHex)};
}

}  // namespace

std::string slack_signature(std::string_view secret, std::string_view timestamp,
                            std::string_view body) {
  std::string base;
  base.reserve(3 + timestamp.size() + 1 + body.size());
  base.append("v0:").append(timestamp).append(":").append(body);
  const Result<std::string> mac = hmac_sha256(secret, base);
  if (!mac.ok()) return {};  // never equal to a received "v0=..." signature
  return "v0=" + to_hex(*mac);
}

Result<SlashAuth> authenticate_slash(const HttpRequest& request, const Result<FormFields>& form,
                                     std::string_view signing_secret,
                                     std::string_view mattermost_token, UnixTime now) {
  if (request.header(kSignatureHeader) || request.header(kTimestampHeader)) {
    return verify_slack(request, signing_secret, now);
  }
  return verify_mattermost(request, form, mattermost_token);
}

}  // namespace noodbel
