// Fuzz target: GET|POST /webhooks/kannel/{secret} (adapters/kannel/kannel_routes.h) through
// the Router, and decode_kannel_text / content_type_charset (adapters/kannel/kannel_text.h)
// directly for every coding and charset Kannel may announce.
// Input lines: 1 = method and optional remote address ("POST 127.0.0.1"); 2 = the request
// target ("/webhooks/kannel/SECRET?type=mo&from=..."); 3 = Content-Type; 4 =
// X-Kannel-Coding; the rest = the body.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/router.h"
#include "adapters/kannel/kannel_routes.h"
#include "adapters/kannel/kannel_sender.h"
#include "adapters/kannel/kannel_text.h"
#include "bot/clock.h"
#include "fuzz_support.h"

using namespace noodbel;

namespace {

constexpr std::string_view kSecret = "kannel-secret-0123456789";

struct Harness {
  KannelConfig config;
  ManualClock clock{1795435200};
  std::vector<InboundMessage> delivered;
  std::vector<std::string> marked;
  Router router;

  Harness() {
    config.enabled = true;
    config.webhook_secret = std::string(kSecret);
    add_kannel_routes(router,
                      KannelDeps{config, clock,
                                 [this](const InboundMessage& m) -> Result<InboundOutcome> {
                                   delivered.push_back(m);
                                   return InboundOutcome::kHandled;
                                 },
                                 [this](const std::string& id, OutboxState, UnixTime) -> Status {
                                   marked.push_back(id);
                                   return Ok();
                                 }});
  }
};

Harness& harness() {
  static Harness* h = [] {
    fuzz::quiet_logs();
    return new Harness();
  }();
  return *h;
}

bool one_of(int status, std::initializer_list<int> allowed) {
  for (const int s : allowed) {
    if (s == status) return true;
  }
  return false;
}

void check_decoding(std::string_view bytes, std::string_view coding, std::string_view charset) {
  const Result<std::string> text = decode_kannel_text(bytes, coding, charset);
  if (!text.ok()) {
    FUZZ_CHECK(text.error().kind == ErrorKind::kInvalidInput && !text.error().message.empty());
    return;
  }
  FUZZ_CHECK(fuzz::utf8_ok(*text));
  FUZZ_CHECK(text->size() <= bytes.size() * 3);  // a WINDOWS-1252 byte -> at most 3 bytes
}

void check_text_decoders(std::string_view bytes, std::string_view header_charset,
                         std::string_view header_coding) {
  for (const std::string_view coding : {"", "0", "2"}) {
    for (const std::string_view charset :
         {"", "UTF-8", "us-ascii", "ISO-8859-1", "windows-1252", "UTF-16BE", "UCS-2"}) {
      check_decoding(bytes, coding, charset);
    }
  }
  check_decoding(bytes, header_coding, header_charset);
  // Differential checks against the harness's own rules.
  FUZZ_CHECK(decode_kannel_text(bytes, "0", "utf-8").ok() == fuzz::utf8_ok(bytes));
  const Result<std::string> latin1 = decode_kannel_text(bytes, "0", "latin1");
  FUZZ_CHECK(latin1.ok() && latin1->size() >= bytes.size() && latin1->size() <= 2 * bytes.size());
  FUZZ_CHECK(decode_kannel_text(bytes, "2", "").ok() == (bytes.size() % 2 == 0));
  FUZZ_CHECK(!decode_kannel_text(bytes, "1", "").ok());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest = fuzz::as_view(data, size);
  std::string_view first = fuzz::take_line(rest);
  const std::string_view target = fuzz::take_line(rest);
  const std::string_view content_type = fuzz::take_line(rest);
  const std::string_view coding = fuzz::take_line(rest);
  const std::string_view body = rest;

  const std::size_t space = first.find(' ');
  const std::string method(first.substr(0, space));
  const std::string remote(space == std::string_view::npos ? std::string_view("127.0.0.1")
                                                           : first.substr(space + 1));

  const std::string charset = content_type_charset(content_type);
  FUZZ_CHECK(content_type.find(charset) != std::string_view::npos);
  check_text_decoders(body, charset, coding);

  const Result<ParsedTarget> parsed = parse_target(target);
  if (!parsed.ok()) return 0;  // the server answers 400 before any route sees it
  HttpRequest request;
  request.method = method;
  request.target = std::string(target);
  request.path = parsed->path;
  request.query = parsed->query;
  if (!content_type.empty()) request.headers["content-type"] = std::string(content_type);
  if (!coding.empty()) request.headers["x-kannel-coding"] = std::string(coding);
  request.body = std::string(body);
  request.remote_address = remote;

  Harness& h = harness();
  h.delivered.clear();
  h.marked.clear();
  const HttpResponse response = h.router.handle(request);

  FUZZ_CHECK(one_of(response.status, {200, 400, 403, 404, 405, 413}));
  FUZZ_CHECK(h.delivered.size() + h.marked.size() <= 1);
  const bool right_secret = request.path.find(kSecret) != std::string::npos;
  const bool allowed = kannel_source_allowed(remote, h.config.allowed_sources);
  if (!right_secret || !allowed) {
    // Wrong secret or source: nothing reaches the pipeline or the outbox.
    FUZZ_CHECK(h.delivered.empty() && h.marked.empty());
    FUZZ_CHECK(response.status != 200);
  }
  for (const InboundMessage& m : h.delivered) {
    FUZZ_CHECK(response.status == 200);
    FUZZ_CHECK(m.channel == Channel::kSms);
    FUZZ_CHECK(m.provider_id.rfind(kKannelIdPrefix, 0) == 0);
    FUZZ_CHECK(m.address.size() > 1 && m.address[0] == '+');
    FUZZ_CHECK(fuzz::utf8_ok(m.text));
  }
  for (const std::string& id : h.marked) {
    FUZZ_CHECK(response.status == 200);
    FUZZ_CHECK(id.rfind(kKannelIdPrefix, 0) == 0);
  }
  return 0;
}
