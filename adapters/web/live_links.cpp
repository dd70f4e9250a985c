#include "adapters/web/live_links.h"

#include <fmt/format.h>

namespace noodbel {
namespace {

// web.public_url, else http://{http.address}:{port} ([v6] in brackets).
std::string base_url(const Config& config, int port) {
  if (!config.web.public_url.empty()) return config.web.public_url;
  const std::string& a = config.http.address;
  return a.find(':') == std::string::npos ? fmt::format("http://{}:{}", a, port)
                                          : fmt::format("http://[{}]:{}", a, port);
}

}  // namespace

LiveLinks::LiveLinks(const Config& config)
    : config_(config),
      checker_(SignedLinks::from_config(config)),
      links_(std::make_shared<const SignedLinks>(checker_.rebased(base_url(config, config.http.port)))) {}

void LiveLinks::set_bound_port(int port) {
  if (!config_.web.public_url.empty()) return;
  auto rebased = std::make_shared<const SignedLinks>(checker_.rebased(base_url(config_, port)));
  const MutexLock lock(mutex_);
  links_ = std::move(rebased);
}

std::shared_ptr<const SignedLinks> LiveLinks::current() const {
  const MutexLock lock(mutex_);
  return links_;
}

std::string LiveLinks::board_url(std::string_view call_code, std::string_view caseworker_id,
                                 UnixTime now) const {
  return current()->board_url(call_code, caseworker_id, now);
}

std::string LiveLinks::digest_url(std::string_view date, std::string_view service,
                                  UnixTime now) const {
  return current()->digest_url(date, service, now);
}

}  // namespace noodbel
