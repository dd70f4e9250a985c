#include "adapters/app/metrics_access.h"

#include "adapters/config/secret_url.h"
#include "adapters/crypto/secrets.h"

namespace noodbel {

std::optional<std::string> metrics_refusal(const HttpRequest& request, std::string_view token) {
  if (token.empty()) {
    if (is_loopback_host(request.remote_address)) return std::nullopt;
    return "GET /metrics is answered only to clients on this machine: to read it from "
           "elsewhere, set [http] metrics_token (or NOODBEL_METRICS_TOKEN) and send "
           "\"Authorization: Bearer <token>\"";
  }
  const std::optional<std::string> given = request.header("authorization");
  if (!given) return "GET /metrics needs \"Authorization: Bearer <[http] metrics_token>\"";
  if (!secrets_equal(*given, "Bearer " + std::string(token))) {
    return "GET /metrics: the bearer token is not [http] metrics_token";
  }
  return std::nullopt;
}

}  // namespace noodbel
