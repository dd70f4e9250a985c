// Who may read GET /metrics ([http] metrics_token): with a token, whoever sends
// "Authorization: Bearer <token>"; without one, clients on this machine only. Used by the
// composition root for OpsDeps::metrics_refusal. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "adapters/http/http_types.h"

namespace noodbel {

// Why `request` may not read /metrics under `token` ("" = none configured), or nothing.
std::optional<std::string> metrics_refusal(const HttpRequest& request, std::string_view token);

}  // namespace noodbel
