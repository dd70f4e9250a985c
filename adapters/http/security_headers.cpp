#include "adapters/http/security_headers.h"

#include <string>

namespace noodbel {

std::string_view content_security_policy(PagePolicy policy) {
  switch (policy) {
    case PagePolicy::kStatic:
      return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
             "frame-ancestors 'none'";
    case PagePolicy::kLive:
      return "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
             "connect-src 'self'; img-src data:; frame-ancestors 'none'";
    case PagePolicy::kSandbox:
      return "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
             "connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
  }
  return content_security_policy(PagePolicy::kStatic);
}

HttpResponse& with_page_policy(HttpResponse& r, PagePolicy policy) {
  return r.with_header("Content-Security-Policy", std::string(content_security_policy(policy)));
}

void add_security_headers(HttpResponse& r) {
  const auto add = [&r](std::string_view name, std::string_view value) {
    if (!r.header(name)) r.with_header(std::string(name), std::string(value));
  };
  add("X-Content-Type-Options", "nosniff");
  add("Referrer-Policy", "no-referrer");
  add("X-Frame-Options", "DENY");
  if (r.content_type.starts_with("text/html")) {
    add("Content-Security-Policy", content_security_policy(PagePolicy::kStatic));
  }
}

}  // namespace noodbel
