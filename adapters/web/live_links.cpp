#include "adapters/web/live_links.h"

#include <fmt/format.h>

namespace noodbel {
namespace {

// web.public_url, else http://{http.address}:{port} ([v6] in brackets).
std::string base_url(const WebConfig& web, const HttpConfig& http, int port) {
  if (!web.public_url.empty()) return web.public_url;
  const std::string& a = http.address;
  return a.find(':') == std::string::npos ? fmt::format("http://{}:{}", a, port)
                                          : fmt::format("http://[{}]:{}", a, port);
}

}  // namespace

LiveLinks::LiveLinks(const WebConfig& web, const HttpConfig& http)
    : web_(web),
      http_(http),
      checker_(SignedLinks::from_config(web, http)),
      links_(
          std::make_shared<const SignedLinks>(checker_.rebased(base_url(web, http, http.port)))) {}

void LiveLinks::set_bound_port(int port) {
  if (!web_.public_url.empty()) return;
  auto rebased = std::make_shared<const SignedLinks>(checker_.rebased(base_url(web_, http_, port)));
  const MutexLock lock(mutex_);
  links_ = std::move(rebased);
}

std::shared_ptr<const SignedLinks> LiveLinks::current() const {
  const MutexLock lock(mutex_);
  return links_;
}

std::string LiveLinks::board_url(const Call& call, std::string_view caseworker_id,
                                 UnixTime now) const {
  return current()->board_url(call, caseworker_id, now);
}

std::string LiveLinks::digest_url(std::string_view date, std::string_view service,
                                  UnixTime now) const {
  return current()->digest_url(date, service, now);
}

int LiveLinks::board_link_hours() const { return checker_.board_link_hours(); }

}  // namespace noodbel
