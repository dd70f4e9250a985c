#include "adapters/http/router.h"

#include <algorithm>
#include <exception>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/http/security_headers.h"
#include "bot/text/logfmt_value.h"

namespace noodbel {
namespace {

// "/board/K42/" -> {"board", "K42", ""}; "/" -> {""}.
std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  while (true) {
    const std::size_t slash = path.find('/');
    out.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool is_param(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::add(std::string method, std::string path_pattern, RouteHandler handler) {
  Route route{std::move(method), std::move(path_pattern), {}, 0, std::move(handler)};
  route.segments = split_path(route.pattern);
  route.params = static_cast<int>(std::count_if(route.segments.begin(), route.segments.end(),
                                                [](const auto& s) { return is_param(s); }));
  routes_.push_back(std::move(route));
}

bool Router::match(const Route& route, const std::vector<std::string>& path_segments,
                   PathParams* params) {
  if (route.segments.size() != path_segments.size()) return false;
  PathParams found;
  for (std::size_t i = 0; i < path_segments.size(); ++i) {
    const std::string& want = route.segments[i];
    if (is_param(want)) {
      if (path_segments[i].empty()) return false;
      found.emplace(want.substr(1, want.size() - 2), path_segments[i]);
    } else if (want != path_segments[i]) {
      return false;
    }
  }
  if (params != nullptr) *params = std::move(found);
  return true;
}

const Router::Route* Router::find(const HttpRequest& request, PathParams* params,
                                  std::vector<std::string>* allowed) const {
  const std::vector<std::string> segments = split_path(request.path);
  const Route* best = nullptr;
  for (const Route& route : routes_) {
    if (!match(route, segments, nullptr)) continue;
    allowed->push_back(route.method);
    if (route.method == request.method && (best == nullptr || route.params < best->params)) {
      best = &route;
    }
  }
  if (best != nullptr) match(*best, segments, params);
  std::sort(allowed->begin(), allowed->end());
  allowed->erase(std::unique(allowed->begin(), allowed->end()), allowed->end());
  return best;
}

HttpResponse Router::handle(const HttpRequest& request) const {
  HttpResponse response = dispatch(request);
  add_security_headers(response);
  return response;
}

std::vector<RouteName> Router::routes() const {
  std::vector<RouteName> out;
  for (const Route& route : routes_) out.push_back({route.method, route.pattern});
  return out;
}

HttpResponse Router::dispatch(const HttpRequest& request) const {
  PathParams params;
  std::vector<std::string> allowed;
  const Route* route = find(request, &params, &allowed);
  if (route == nullptr && allowed.empty()) {
    return HttpResponse::error_json(404, fmt::format("no such path: {}", request.path));
  }
  if (route == nullptr) {
    const std::string allow = fmt::format("{}", fmt::join(allowed, ", "));
    return HttpResponse::error_json(
               405, fmt::format("method {} is not allowed on {}; use {}", request.method,
                                request.path, allow))
        .with_header("Allow", allow);
  }
  try {
    return route->handler(request, params);
  } catch (const std::exception& e) {
    spdlog::error("event=http.handler_threw method={} route={} error={}",
                  logfmt_value(request.method), route->pattern, logfmt_value(e.what()));
  } catch (...) {
    spdlog::error("event=http.handler_threw method={} route={} error=unknown",
                  logfmt_value(request.method), route->pattern);
  }
  return HttpResponse::error_json(500, "internal server error; it has been logged");
}

std::string Router::route_label(std::string_view path) const {
  const std::vector<std::string> segments = split_path(path);
  const Route* best = nullptr;
  for (const Route& route : routes_) {
    if (match(route, segments, nullptr) && (best == nullptr || route.params < best->params)) {
      best = &route;
    }
  }
  return best == nullptr ? "unmatched" : best->pattern;
}

}  // namespace noodbel
