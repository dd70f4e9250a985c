#include "adapters/config/secret_url.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <fmt/format.h>

#include "adapters/http/client.h"

namespace noodbel {
namespace {

std::string origin_of(const Url& url) {
  const bool v6 = url.host.find(':') != std::string::npos;
  const std::string host = v6 ? "[" + url.host + "]" : url.host;
  const int default_port = url.scheme == "https" ? 443 : 80;
  if (url.port == default_port) return fmt::format("{}://{}", url.scheme, host);
  return fmt::format("{}://{}:{}", url.scheme, host, url.port);
}

}  // namespace

bool is_loopback_host(std::string_view host) {
  if (host == "localhost") return true;
  const std::string text(host);
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) != 1) return false;
  // ::1, or an IPv4 loopback address as a dual-stack socket reports it (::ffff:127.0.0.1).
  return IN6_IS_ADDR_LOOPBACK(&v6) || (IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127);
}

std::optional<std::string> cleartext_secret_url(std::string_view url, std::string_view local_use) {
  const Result<Url> parsed = parse_url(url);
  if (!parsed.ok()) return parsed.error().message;
  if (parsed->scheme == "https" || is_loopback_host(parsed->host)) return std::nullopt;
  return fmt::format(
      "must start with https:// (or http:// to a loopback address, 127.0.0.1, "
      "::1 or localhost, for {}): it carries a secret; got {}",
      local_use, origin_of(*parsed));
}

std::string url_origin(std::string_view url) {
  const Result<Url> parsed = parse_url(url);
  return parsed.ok() ? origin_of(*parsed) : std::string();
}

}  // namespace noodbel
