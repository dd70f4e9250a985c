// The Dispatcher's options as the Config sets them, for the composition root (Service) and
// tests. Thread-safe.
#pragma once

#include "adapters/config/config.h"
#include "adapters/dispatch/dispatcher_options.h"

namespace noodbel {

// [dispatch] for retries and failover; rates from [telegram] (overall and per chat),
// [sms], [signal] and [slash] (overall: at most that many pushes per second to all
// webhooks together); the sandbox is unlimited. Slash rows wait kSlashHoldSeconds.
DispatcherOptions dispatcher_options(const Config& config);

}  // namespace noodbel
