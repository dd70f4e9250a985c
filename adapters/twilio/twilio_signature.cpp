#include "adapters/twilio/twilio_signature.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "adapters/crypto/base64.h"
#include "adapters/crypto/hmac.h"
#include "adapters/crypto/secrets.h"
#include "adapters/http/client.h"

namespace noodbel {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs sorted_pairs(const FormFields& params, bool dedupe) {
  Pairs pairs(params.begin(), params.end());
  std::sort(pairs.begin(), pairs.end());
  if (dedupe) pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

std::string sign(std::string_view auth_token, std::string_view url, const Pairs& pairs) {
  std::string data(url);
  for (const auto& [name, value] : pairs) {
    data += name;
    data += value;
  }
  const Result<std::string> mac = hmac_sha1(auth_token, data);
  // Without a digest the signature is empty, which no request's signature equals.
  return mac.ok() ? base64(*mac) : std::string();
}

// "https://host:443/p?q" <-> "https://host/p?q"; nothing when the URL cannot be read.
std::optional<std::string> other_port_form(std::string_view url) {
  const Result<Url> parsed = parse_url(url);
  if (!parsed.ok()) return std::nullopt;
  const int default_port = parsed->scheme == "https" ? 443 : 80;
  if (parsed->port != default_port) return std::nullopt;
  const std::size_t host_start = url.find("://");
  if (host_start == std::string_view::npos) return std::nullopt;
  const std::size_t authority = host_start + 3;
  const std::size_t path = url.find_first_of("/?#", authority);
  const std::string_view host_port =
      url.substr(authority, path == std::string_view::npos ? url.size() - authority
                                                           : path - authority);
  const std::string_view rest = path == std::string_view::npos ? "" : url.substr(path);
  const std::string port_suffix = fmt::format(":{}", default_port);
  const bool has_port = host_port.size() > port_suffix.size() &&
                        host_port.substr(host_port.size() - port_suffix.size()) == port_suffix &&
                        host_port.back() != ']';
  const std::string_view scheme = url.substr(0, authority);
  if (has_port) {
    return fmt::format("{}{}{}", scheme, host_port.substr(0, host_port.size() - port_suffix.size()),
                       rest);
  }
  return fmt::format("{}{}{}{}", scheme, host_port, port_suffix, rest);
}

}  // namespace

std::string twilio_signature(std::string_view auth_token, std::string_view url,
                             const FormFields& params) {
  return sign(auth_token, url, sorted_pairs(params, true));
}

std::vector<std::string> twilio_url_variants(std::string_view url) {
  std::vector<std::string> urls{std::string(url)};
  if (auto other = other_port_form(url)) urls.push_back(std::move(*other));
  return urls;
}

bool twilio_signature_valid(std::string_view auth_token, std::string_view url,
                            const FormFields& params, std::string_view signature) {
  if (signature.empty() || auth_token.empty()) return false;
  std::vector<Pairs> forms{sorted_pairs(params, true)};
  if (Pairs all = sorted_pairs(params, false); all.size() != forms.front().size()) {
    forms.push_back(std::move(all));
  }
  bool valid = false;
  // Every candidate is computed and compared, so the time taken does not say which matched.
  for (const std::string& candidate : twilio_url_variants(url)) {
    for (const Pairs& pairs : forms) {
      valid = secrets_equal(sign(auth_token, candidate, pairs), signature) || valid;
    }
  }
  return valid;
}

}  // namespace noodbel
