// The security headers of every response of Noodbel's HTTP server, and the
// Content-Security-Policy of each kind of HTML page: the one place they are written.
// Router::handle adds them to every response, so a new route cannot forget them; a page
// route names the policy it needs with with_page_policy(). Pure; thread-safe.
#pragma once

#include <string_view>

#include "adapters/http/http_types.h"

namespace noodbel {

// What an HTML page may load and run. Every policy denies everything it does not name
// (default-src 'none') and being framed by any site (frame-ancestors 'none').
enum class PagePolicy {
  kStatic,   // HTML, an inline <style> and inline SVG, no script: the digest, error pages;
             // the policy of an HTML response that names none
  kLive,     // plus inline script that reads this server's event stream: the board
  kSandbox,  // plus fetch() to this server and its images: the sandbox practice page
};

std::string_view content_security_policy(PagePolicy policy);

// Sets r's Content-Security-Policy to that of `policy`; returns r for chaining.
HttpResponse& with_page_policy(HttpResponse& r, PagePolicy policy);

// Adds to r each header it lacks of the set every response carries:
// X-Content-Type-Options: nosniff; Referrer-Policy: no-referrer (board and digest links
// carry their token in the URL, a referrer would hand it on); X-Frame-Options: DENY; and,
// for an HTML response that named no policy, the kStatic Content-Security-Policy.
void add_security_headers(HttpResponse& r);

}  // namespace noodbel
