#include "adapters/slash/push_routes.h"

namespace noodbel {
namespace {

class StorePushRoutes final : public PushRoutes {
 public:
  StorePushRoutes(store::UnitOfWork& store, store::ResponseUrlStore& urls)
      : store_(store), urls_(urls) {}

  Result<std::optional<store::ResponseUrl>> take_response_url(const std::string& user,
                                                              UnixTime now) override {
    return urls_.take_response_url(user, now);
  }

  Status forget_response_url(const std::string& user, const std::string& url) override {
    return urls_.forget_response_url(user, url);
  }

  Result<std::optional<std::string>> service_of(const std::string& caseworker_id) override {
    std::optional<std::string> service;
    const Status s = store_.transaction([&](Repository& repo) -> Status {
      if (auto c = repo.caseworker(caseworker_id)) service = c->service;
      return Ok();
    });
    if (!s.ok()) return s.error();
    return service;
  }

 private:
  store::UnitOfWork& store_;
  store::ResponseUrlStore& urls_;
};

}  // namespace

std::unique_ptr<PushRoutes> make_push_routes(store::UnitOfWork& store,
                                             store::ResponseUrlStore& urls) {
  return std::make_unique<StorePushRoutes>(store, urls);
}

}  // namespace noodbel
