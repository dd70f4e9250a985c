// PushRoutes: what the slash sender needs from storage to choose where a push goes — the
// user's response_url (one use taken per push) and the service of a caseworker. A port, so
// tests can make storage fail on demand; make_push_routes() gives the one over the store ports.
// Thread-safe as long as the implementation is (the Store's is).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "bot/clock.h"
#include "bot/result.h"
#include "store/ports/response_url_store.h"
#include "store/ports/unit_of_work.h"
#include "store/response_urls.h"

namespace noodbel {

class PushRoutes {
 public:
  virtual ~PushRoutes() = default;
  // Takes one use of the user's response_url valid at `now` (store::ResponseUrlStore);
  // nothing when none is. A storage failure is an Error and takes nothing.
  virtual Result<std::optional<store::ResponseUrl>> take_response_url(const std::string& user,
                                                                      UnixTime now) = 0;
  // Forgets the user's response_url when it is still `url` (the provider refused it).
  virtual Status forget_response_url(const std::string& user, const std::string& url) = 0;
  // The service id of caseworker `caseworker_id`; nothing when there is no such caseworker.
  virtual Result<std::optional<std::string>> service_of(const std::string& caseworker_id) = 0;
};

// PushRoutes over the store ports (which must outlive it): response_urls from `urls`,
// caseworkers read in a transaction of `store`.
std::unique_ptr<PushRoutes> make_push_routes(store::UnitOfWork& store,
                                             store::ResponseUrlStore& urls);

}  // namespace noodbel
