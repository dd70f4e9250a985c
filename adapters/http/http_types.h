// HttpRequest / HttpResponse: plain values passed between the Beast server and the
// handlers (router, webhooks, sandbox), plus URL and form decoding. No Beast here.
// Thread-compatible value types; the free functions are pure and thread-safe.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "bot/result.h"

namespace noodbel {

// Decoded name/value pairs of a query string or an x-www-form-urlencoded body.
using FormFields = std::multimap<std::string, std::string>;

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as received: "/board/K42?t=abc%20d"
  std::string path;    // percent-decoded: "/board/K42"
  FormFields query;    // percent-decoded, '+' is a space
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string remote_address;  // peer IP address

  // The first value of a query parameter, if present.
  std::optional<std::string> query_param(std::string_view name) const;
  // A header value by case-insensitive name, if present.
  std::optional<std::string> header(std::string_view name) const;
};

// Where a streaming response (text/event-stream) writes its frames. The server hands one
// to HttpResponse::event_stream after writing the response header. Thread-safe: push()
// may be called from any thread; it never blocks (frames are queued, bounded).
class EventSink {
 public:
  virtual ~EventSink() = default;
  // Queues one complete server-sent-events frame ("event: x\ndata: y\n\n"). False when
  // the stream has ended (client gone, server stopping, queue full): drop the sink then.
  virtual bool push(std::string frame) = 0;
  virtual bool is_open() const = 0;
  // Ends the stream: queued frames may be dropped, the connection closes. Idempotent.
  virtual void close() = 0;
};
// Called once, on a server thread, when the stream is open; must return promptly and
// keep the sink to push later frames from other threads.
using EventStreamStart = std::function<void(std::shared_ptr<EventSink>)>;

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  // Set by a webhook route that refuses a request, for noodbel_webhook_rejections_total:
  // "bad_signature", "bad_secret", "malformed", "too_large", "source_not_allowed", ...
  std::optional<std::string> reject_reason;
  // Set: a server-sent-events stream (see events()); body is ignored.
  EventStreamStart event_stream;

  static HttpResponse json(int status, const nlohmann::json& body);
  static HttpResponse text(int status, std::string body);
  static HttpResponse html(int status, std::string body);
  // 200 text/event-stream kept open: the server writes the header, then frames pushed to
  // the sink it gives `start`, a keep-alive comment every ~15 s, until the client leaves
  // or the server stops. The connection counts against max_connections meanwhile.
  static HttpResponse events(EventStreamStart start);
  // {"error": message}: message says what was wrong and how to fix it.
  static HttpResponse error_json(int status, std::string_view message);

  // Adds a header; returns *this for chaining.
  HttpResponse& with_header(std::string name, std::string value);
  // A header value by case-insensitive name, if present.
  std::optional<std::string> header(std::string_view name) const;
};

struct ParsedTarget {
  std::string path;
  FormFields query;
};

// The path as the server may log it: every segment of 16 or more characters (a secret such
// as the Kannel webhook secret in /webhooks/kannel/{secret}) shown as "…".
std::string path_for_log(std::string_view path);

// Percent-decodes s; '+' becomes a space when plus_is_space (query and form data).
// A '%' not followed by two hex digits is an Error naming the position.
Result<std::string> percent_decode(std::string_view s, bool plus_is_space);
// "/a%20b?x=1&y=%C3%A9" -> {"/a b", {x:1, y:é}}. The path must start with '/' and
// may not decode to a NUL byte.
Result<ParsedTarget> parse_target(std::string_view target);
// application/x-www-form-urlencoded: "a=1&b=x+y&c" -> {a:1, b:"x y", c:""}.
Result<FormFields> parse_form(std::string_view body);

}  // namespace noodbel
