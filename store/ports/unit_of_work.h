// UnitOfWork: the port through which adapters run the core's Repository in one
// transaction (the inbound pipeline, slash, Telegram, digest, CLI). store::Store
// implements it; tests wrap it (tests/support/store/fault_injecting_store.h).
// Thread-safe implementations; never called from inside fn (that is an Error).
#pragma once

#include <functional>

#include "bot/repository.h"
#include "bot/result.h"
#include "store/channel_state.h"

namespace noodbel::store {

class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;

  // Runs fn with a Repository bound to one write transaction: commits when fn returns ok;
  // rolls back, storing nothing, when fn returns an Error (that Error is returned), when fn
  // throws (an Internal Error) or when storage fails (an Error; kUnavailable when retrying
  // later may succeed: busy, disk full, I/O). Never half-stored.
  virtual Status transaction(const std::function<Status(Repository&)>& fn) = 0;
  // The same, and when fn succeeded also writes `state` in that transaction before it
  // commits: both are stored or neither is.
  virtual Status transaction(const std::function<Status(Repository&)>& fn,
                             const ChannelState& state) = 0;
};

}  // namespace noodbel::store
