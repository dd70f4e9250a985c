// RateLimitsPort: message counters for the throttle (bot/throttle.h) — counts only, never
// message content or an unknown sender's address. One role of the unit of work
// (bot/repository.h). Not thread-safe; throws only on storage failure.
#pragma once

#include <cstdint>
#include <string_view>

#include "bot/types.h"

namespace noodbel {

class RateLimitsPort {
 public:
  virtual ~RateLimitsPort() = default;

  // Counts one message of a person in the fixed window starting at `window_start` and
  // forgets every earlier window (of anyone). Returns the count in this window, this one
  // included (1 for the first message of a window).
  virtual int count_message(std::string_view person_id, UnixTime window_start) = 0;
  // Counts one message from an unknown sender, keyed by a hash of its address (never the
  // address itself) per channel. A window of `window_seconds` starts at `now` with the
  // first message; windows that ended (started `window_seconds` or more before `now`) are
  // forgotten, for every sender. Returns the count in the current window, this one included.
  virtual int count_unknown_sender(Channel channel, std::string_view address_hash,
                                   UnixTime now, std::int64_t window_seconds) = 0;
};

}  // namespace noodbel
