// InstantReplies: the port of channels that answer within the request (slash-commands,
// adapters/slash/slash_routes): takes the queued replies to one address for the HTTP
// response. store::Store implements it. Thread-safe implementations.
#pragma once

#include <string>
#include <vector>

#include "bot/clock.h"
#include "bot/result.h"
#include "bot/types.h"

namespace noodbel::store {

class InstantReplies {
 public:
  virtual ~InstantReplies() = default;

  // Takes every pending row for (channel, address), oldest first, marked sent at `now`
  // (attempts + 1) in one step. Rows already claimed by the dispatcher are left alone.
  // A storage failure is an Error and takes nothing: the rows stay queued.
  virtual Result<std::vector<OutboxItem>> take_outbox_for(Channel channel,
                                                          const std::string& address,
                                                          UnixTime now) = 0;
};

}  // namespace noodbel::store
