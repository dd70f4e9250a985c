// LiveLinks: the Links (bot/links.h) of a running service. Its base URL may become known
// only once the HTTP server has bound its port (http.port = 0 and no web.public_url);
// the secret stays the same. Thread-safe: readers get an immutable SignedLinks snapshot.
#pragma once

#include <memory>
#include <string>

#include "adapters/web/signed_links.h"
#include "bot/sync/mutex.h"

namespace noodbel {

class LiveLinks final : public Links {
 public:
  // Draws a random secret when none is set. Both must outlive this object.
  LiveLinks(const WebConfig& web, const HttpConfig& http);

  // Uses http://{http.address}:{port} unless web.public_url is set.
  void set_bound_port(int port);
  // The current signer (its base URL may change once, at start).
  std::shared_ptr<const SignedLinks> current() const;
  // Checks board and digest tokens (same secret; its base URL is not used). Lives as long
  // as this object.
  const SignedLinks& checker() const { return checker_; }

  std::string board_url(const Call& call, std::string_view caseworker_id,
                        UnixTime now) const override;
  std::string digest_url(std::string_view date, std::string_view service,
                         UnixTime now) const override;
  int board_link_hours() const override;

 private:
  const WebConfig& web_;
  const HttpConfig& http_;
  const SignedLinks checker_;
  mutable Mutex mutex_;
  std::shared_ptr<const SignedLinks> links_ GUARDED_BY(mutex_);
};

}  // namespace noodbel
