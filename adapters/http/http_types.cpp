#include "adapters/http/http_types.h"


#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "bot/text/ascii.h"

namespace noodbel {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && lower_ascii(a) == lower_ascii(b);
}

// Splits "a=1&b=2" into decoded pairs; `what` names the input in error messages.
Result<FormFields> parse_pairs(std::string_view s, std::string_view what) {
  FormFields out;
  while (!s.empty()) {
    const std::size_t amp = s.find('&');
    const std::string_view pair = s.substr(0, amp);
    s = amp == std::string_view::npos ? std::string_view{} : s.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    const std::string_view raw_name = pair.substr(0, eq);
    const std::string_view raw_value =
        eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    auto name = percent_decode(raw_name, true);
    auto value = percent_decode(raw_value, true);
    if (!name.ok() || !value.ok()) {
      const Error& e = name.ok() ? value.error() : name.error();
      return Error::Invalid(fmt::format("bad {} parameter '{}': {}", what, raw_name, e.message));
    }
    out.emplace(std::move(name).value(), std::move(value).value());
  }
  return out;
}

// Field by field, so members added later keep their defaults (no aggregate order).
HttpResponse make_response(int status, std::string content_type, std::string body) {
  HttpResponse r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

}  // namespace

std::optional<std::string> HttpRequest::query_param(std::string_view name) const {
  const auto it = query.lower_bound(std::string(name));  // the first of equal keys
  if (it == query.end() || it->first != name) return std::nullopt;
  return it->second;
}

std::optional<std::string> HttpRequest::header(std::string_view name) const {
  const auto it = headers.find(lower_ascii(name));
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

HttpResponse HttpResponse::json(int status, const nlohmann::json& body) {
  // Replace invalid UTF-8 instead of throwing: a response must always be produced.
  return make_response(status, "application/json",
                       body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

HttpResponse HttpResponse::text(int status, std::string body) {
  return make_response(status, "text/plain; charset=utf-8", std::move(body));
}

HttpResponse HttpResponse::html(int status, std::string body) {
  return make_response(status, "text/html; charset=utf-8", std::move(body));
}

HttpResponse HttpResponse::events(EventStreamStart start) {
  HttpResponse r = make_response(200, "text/event-stream", {});
  r.event_stream = std::move(start);
  r.headers.emplace_back("Cache-Control", "no-store");
  r.headers.emplace_back("X-Accel-Buffering", "no");  // tell a reverse proxy not to buffer
  return r;
}

HttpResponse HttpResponse::error_json(int status, std::string_view message) {
  return json(status, nlohmann::json{{"error", message}});
}

HttpResponse& HttpResponse::with_header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

std::optional<std::string> HttpResponse::header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (equals_ignore_case(n, name)) return v;
  }
  return std::nullopt;
}

Result<std::string> percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (c != '%') {
      out.push_back(c);
    } else {
      const int hi = i + 1 < s.size() ? hex_value(s[i + 1]) : -1;
      const int lo = i + 2 < s.size() ? hex_value(s[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        return Error::Invalid(fmt::format(
            "bad percent-encoding at position {}: '%' must be followed by two hex digits", i));
      }
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    }
  }
  return out;
}

Result<ParsedTarget> parse_target(std::string_view target) {
  const std::size_t q = target.find('?');
  const std::string_view raw_path = target.substr(0, q);
  std::string_view raw_query =
      q == std::string_view::npos ? std::string_view{} : target.substr(q + 1);
  raw_query = raw_query.substr(0, raw_query.find('#'));
  if (raw_path.empty() || raw_path.front() != '/') {
    return Error::Invalid(fmt::format("request target must start with '/', got '{}'", raw_path));
  }
  auto path = percent_decode(raw_path, false);
  if (!path.ok()) return Error::Invalid("bad request path: " + path.error().message);
  if (path->find('\0') != std::string::npos) {
    return Error::Invalid("bad request path: it may not contain %00");
  }
  auto query = parse_pairs(raw_query, "query");
  if (!query.ok()) return query.error();
  return ParsedTarget{std::move(path).value(), std::move(query).value()};
}

Result<FormFields> parse_form(std::string_view body) { return parse_pairs(body, "form"); }

std::string path_for_log(std::string_view path) {
  constexpr std::size_t kSecretLength = 16;
  std::string out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? path.size() : slash;
    const std::string_view segment = path.substr(start, end - start);
    out += segment.size() >= kSecretLength ? std::string_view("\u2026") : segment;
    if (slash == std::string_view::npos) break;
    out += '/';
    start = slash + 1;
  }
  return out;
}

}  // namespace noodbel
