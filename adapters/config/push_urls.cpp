#include "adapters/config/push_urls.h"

#include <algorithm>
#include <cctype>

#include "adapters/http/client.h"

namespace noodbel {
namespace {

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace

std::optional<std::string> bad_push_url(std::string_view url) {
  const Result<Url> parsed = parse_url(url);
  if (!parsed.ok()) {
    return parsed.error().message + " (copy the whole webhook URL from Slack or Mattermost)";
  }
  if (url.find('#') != std::string_view::npos) return std::string("must not hold a fragment (#)");
  if (parsed->scheme == "https") return std::nullopt;
  if (is_loopback(parsed->host)) return std::nullopt;
  return std::string("must start with https://: a webhook URL is a secret and is sent only "
                     "over TLS (plain http:// is allowed to 127.0.0.1 and ::1 only)");
}

std::string slash_webhook_env(std::string_view service_id) {
  std::string name = "NOODBEL_SLASH_WEBHOOK_";
  for (const char c : service_id) {
    const bool plain = std::isalnum(static_cast<unsigned char>(c)) != 0;
    name.push_back(plain ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : '_');
  }
  return name;
}

bool is_caseworker_id(std::string_view id) {
  return id.size() == 4 && id[0] == 'C' &&
         std::all_of(id.begin() + 1, id.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace noodbel
