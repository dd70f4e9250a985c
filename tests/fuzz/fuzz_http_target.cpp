// Fuzz target: request-target, query, form and percent decoding and UTF-8 validation
// (adapters/http/http_types.h), and route matching (adapters/http/router.h).
// Input: first line = the request target ("/board/K42?t=abc%20d"), the rest = a form body.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/http/http_types.h"
#include "adapters/http/router.h"
#include "bot/text/ascii.h"
#include "bot/text_normalize.h"
#include "fuzz_support.h"

using namespace noodbel;

namespace {

// Every byte as %XX: percent_decode must give the bytes back.
std::string encode_all(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    out += '%';
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

const Router& router() {
  static const Router* r = [] {
    fuzz::quiet_logs();
    auto* router = new Router();
    const auto echo = [](const HttpRequest&, const PathParams& params) {
      std::string joined;
      for (const auto& [name, value] : params) joined += name + "=" + value + ";";
      return HttpResponse::text(200, joined);
    };
    router->add("GET", "/board/{code}", echo);
    router->add("GET", "/board/{code}/events", echo);
    router->add("POST", "/webhooks/kannel/{secret}", echo);
    router->add("GET", "/healthz", echo);
    return router;
  }();
  return *r;
}

void check_fields(const FormFields& fields, std::string_view encoded) {
  std::size_t pairs = 1;
  for (const char c : encoded) pairs += c == '&' ? 1 : 0;
  FUZZ_CHECK(fields.size() <= pairs);
  for (const auto& [name, value] : fields) FUZZ_CHECK(name.size() + value.size() <= encoded.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view all = fuzz::as_view(data, size);
  std::string_view rest = all;
  const std::string_view target = fuzz::take_line(rest);
  const std::string_view body = rest;

  // UTF-8: the project's check agrees with the harness's own.
  FUZZ_CHECK(is_valid_utf8(all) == fuzz::utf8_ok(all));
  FUZZ_CHECK(lower_ascii(all).size() == all.size());

  for (const bool plus : {false, true}) {
    const Result<std::string> decoded = percent_decode(all, plus);
    if (decoded.ok()) {
      FUZZ_CHECK(decoded->size() <= all.size());
    } else {
      FUZZ_CHECK(decoded.error().kind == ErrorKind::kInvalidInput);
    }
    const Result<std::string> round = percent_decode(encode_all(all.substr(0, 256)), plus);
    FUZZ_CHECK(round.ok() && *round == all.substr(0, 256));
  }

  const Result<ParsedTarget> parsed = parse_target(target);
  if (parsed.ok()) {
    FUZZ_CHECK(!parsed->path.empty() && parsed->path.front() == '/');
    FUZZ_CHECK(parsed->path.find('\0') == std::string::npos);
    const std::size_t q = target.find('?');
    if (q != std::string_view::npos) check_fields(parsed->query, target.substr(q + 1));
    HttpRequest request;
    request.method = body.empty() ? "GET" : "POST";
    request.target = std::string(target);
    request.path = parsed->path;
    request.query = parsed->query;
    const HttpResponse response = router().handle(request);
    FUZZ_CHECK(response.status == 200 || response.status == 404 || response.status == 405);
    const std::string label = router().route_label(request.path);
    FUZZ_CHECK((response.status == 404) == (label == "unmatched"));
    for (const auto& [name, value] : request.query) {
      FUZZ_CHECK(request.query_param(name).has_value());
    }
  } else {
    FUZZ_CHECK(parsed.error().kind == ErrorKind::kInvalidInput && !parsed.error().message.empty());
  }

  const Result<FormFields> form = parse_form(body);
  if (form.ok()) check_fields(*form, body);
  return 0;
}
