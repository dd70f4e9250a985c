// ResponseUrlStore: the port of the slash sender's push routes (adapters/slash/push_routes)
// for the response_urls a slash request left (store/response_urls.h). store::Store
// implements it. Thread-safe implementations.
#pragma once

#include <optional>
#include <string_view>

#include "bot/clock.h"
#include "bot/result.h"
#include "store/response_urls.h"

namespace noodbel::store {

class ResponseUrlStore {
 public:
  virtual ~ResponseUrlStore() = default;

  // Takes one use of the user's response_url and returns it (with the uses left after this
  // one); nothing when none is unexpired at `now` with a use left. A storage failure is an
  // Error and takes nothing.
  virtual Result<std::optional<ResponseUrl>> take_response_url(std::string_view user_id,
                                                               UnixTime now) = 0;
  // Forgets the user's response_url when it is still `url`; a newer one stays. Forgetting
  // what is not stored is ok. A storage failure is an Error.
  virtual Status forget_response_url(std::string_view user_id, std::string_view url) = 0;
};

}  // namespace noodbel::store
