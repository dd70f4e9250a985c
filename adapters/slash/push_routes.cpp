#include "adapters/slash/push_routes.h"

namespace noodbel {
namespace {

class StorePushRoutes final : public PushRoutes {
 public:
  explicit StorePushRoutes(store::Store& store) : store_(store) {}

  Result<std::optional<store::ResponseUrl>> take_response_url(const std::string& user,
                                                              UnixTime now) override {
    return store::take_response_url(store_, user, now);
  }

  Status forget_response_url(const std::string& user, const std::string& url) override {
    return store::forget_response_url(store_, user, url);
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
  store::Store& store_;
};

}  // namespace

std::unique_ptr<PushRoutes> make_push_routes(store::Store& store) {
  return std::make_unique<StorePushRoutes>(store);
}

}  // namespace noodbel
