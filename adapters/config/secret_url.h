// Whether a URL that carries a secret (a bot token in its path, a password in its query, a
// webhook that is itself the secret) may be used: https://, or plain http:// only to this
// machine. Used by the config loader and the slash adapter. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace noodbel {

// Whether `host`, as parse_url gives it (lower case, IPv6 without brackets), is this
// machine: "localhost", an IPv4 address in 127.0.0.0/8 (also IPv4-mapped, ::ffff:127.0.0.1),
// or ::1. A name that only starts
// like one ("127.0.0.1.evil.example", "localhost.evil.example") is not.
bool is_loopback_host(std::string_view host);

// Why `url` may not carry a secret, or nullopt: it must be https://, or http:// to a
// loopback host. `local_use` says what plain http is for ("a local Bot API emulator").
// The reason names the URL's scheme and host (and a port that is not the default), never
// its path or query; a URL parse_url refuses gets parse_url's reason.
std::optional<std::string> cleartext_secret_url(std::string_view url, std::string_view local_use);

// "http://api.example.org", "http://[fe80::1]:8081": the scheme, host and a port that is not
// the scheme's default, for messages (no path or query: they may hold a secret). A URL
// parse_url refuses gives "".
std::string url_origin(std::string_view url);

}  // namespace noodbel
