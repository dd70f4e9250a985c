// The Retry-After header of a provider's answer, for the senders that sort a refusal into
// "try again later" (adapters/twilio, adapters/kannel, adapters/slash). Pure; thread-safe.
#pragma once

#include <optional>

#include "adapters/http/client.h"

namespace noodbel {

// The Retry-After header in whole seconds (only the delay-seconds form; an HTTP date or a
// bad value gives nothing). Capped at one day.
std::optional<int> retry_after_seconds(const ClientResponse& response);

}  // namespace noodbel
