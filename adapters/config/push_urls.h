// Checks of the [slash] push URLs (incoming webhooks), shared by the TOML loader and the
// environment overrides. Error texts never repeat a URL's path or query: they are the
// secret. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace noodbel {

// Why `url` cannot take pushes, or nullopt: it must be an absolute https:// URL (http://
// only to a loopback host, for tests and local relays) without a fragment.
std::optional<std::string> bad_push_url(std::string_view url);

// The environment variable that supplies a service's webhook:
// "oost-vlaanderen" -> "NOODBEL_SLASH_WEBHOOK_OOST_VLAANDEREN" (letters and digits upper
// case, every other character "_").
std::string slash_webhook_env(std::string_view service_id);

// Whether `id` is a caseworker id as the importer writes it: "C" and 3 digits ("C006").
bool is_caseworker_id(std::string_view id);

}  // namespace noodbel
