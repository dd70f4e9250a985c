// Test support for the security headers (adapters/http/security_headers.h): what a response
// lacks of the full set, and a request for every route of a Router, so that the page tests
// walk every route and a route added later is checked without being listed anywhere.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/router.h"
#include "bot/result.h"

namespace noodbel::testing {

// One line per header of the full set that `r` lacks, has twice or has with a weak value
// ("X-Frame-Options: missing"); empty when the set is complete. HTML responses must also
// carry a Content-Security-Policy that denies by default and forbids framing.
std::vector<std::string> security_header_problems(const HttpResponse& r);

// A request for every route of `router`: its method, its pattern with each {name} replaced
// by params.at(name), and `query` ("t=...", may be empty) as the query string. A route
// with a parameter `params` lacks is an Error naming the route and the parameter.
Result<std::vector<HttpRequest>> requests_for_every_route(const Router& router,
                                                          const PathParams& params,
                                                          std::string_view query);

// security_header_problems() of router.handle() of every request requests_for_every_route()
// makes, each line prefixed with "METHOD target: "; a parameter `params` lacks is a line too.
std::vector<std::string> security_header_problems_on_every_route(const Router& router,
                                                                 const PathParams& params,
                                                                 std::string_view query);

}  // namespace noodbel::testing
