// GET /digest/{date}?service=S&t=TOKEN: the HTML daily digest behind a signed link
// (adapters/web/signed_links.h). Call add_digest_routes() while building the Router; the
// handler is thread-safe (it only reads, through the store's thread-safe DigestReads port).
#pragma once

#include <functional>
#include <string_view>

#include "adapters/http/router.h"
#include "adapters/web/digest_source.h"
#include "adapters/web/signed_links.h"
#include "bot/clock.h"
#include "bot/config.h"
#include "bot/templates.h"

namespace noodbel {

struct DigestRouteDeps {
  const CoreConfig& config;  // services and the page language (default_language)
  const Templates& templates;
  const DigestSource& source;
  const SignedLinks& links;
  const Clock& clock;
  // Called with the LinkCheck name ("expired", "bad_signature", "malformed") of a refused
  // link, for the rejection metrics; may be empty.
  std::function<void(std::string_view reason)> on_refused;
};

// 200 HTML page (the service's digest with the Flanders-wide figures; no service: every
// service); 400 page for a date that is not YYYY-MM-DD; 403 page when the token is
// missing, wrong or expired; 404 page for a service that is not configured; 503 page
// when the store cannot be read now (unavailable: busy, disk full, I/O), 500 for any other
// failure, never a digest of empty figures. Every error page says what was wrong and what
// to do.
// Everything in `deps` must outlive the router.
void add_digest_routes(Router& router, DigestRouteDeps deps);

}  // namespace noodbel
