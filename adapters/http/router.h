// Router: maps (method, path) to a handler; patterns may hold `{name}` segments
// ("/board/{code}"). Pure, no Beast: the server calls handle() for every request, and every
// response it returns carries the security headers (adapters/http/security_headers.h).
// Add all routes before serving; afterwards handle() is const and thread-safe.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/http_types.h"

namespace noodbel {

// Values of the `{name}` segments of the matched pattern, percent-decoded.
using PathParams = std::map<std::string, std::string, std::less<>>;
using RouteHandler = std::function<HttpResponse(const HttpRequest&, const PathParams&)>;

// A registered route: "GET", "/board/{code}".
struct RouteName {
  std::string method;
  std::string pattern;
};

class Router {
 public:
  // Registers a handler. A pattern's segments are literals or `{name}` (one whole
  // segment each). When several patterns match, the one with fewer parameters wins.
  void add(std::string method, std::string path_pattern, RouteHandler handler);

  // Unknown path -> 404 JSON; known path, other method -> 405 with `Allow`;
  // a handler that throws -> 500 with a generic body (logged without bodies). Every
  // response gets what it lacks of the security headers (add_security_headers()).
  HttpResponse handle(const HttpRequest& request) const;

  // Every route added, in the order added (tests walk them all).
  std::vector<RouteName> routes() const;

  // The pattern that matches `path` (for metrics labels), or "unmatched".
  std::string route_label(std::string_view path) const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;
    int params = 0;
    RouteHandler handler;
  };
  HttpResponse dispatch(const HttpRequest& request) const;
  static bool match(const Route& route, const std::vector<std::string>& path_segments,
                    PathParams* params);
  // Best route per method among those that match, plus all allowed methods.
  const Route* find(const HttpRequest& request, PathParams* params,
                    std::vector<std::string>* allowed) const;

  std::vector<Route> routes_;
};

}  // namespace noodbel
