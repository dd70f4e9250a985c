// A Beast translation unit (only adapters/http/ includes Beast). The streaming GET runs
// Beast's asynchronous operations on its own io_context, driven by the calling thread in
// 50 ms slices so that `cancel` is honoured promptly; beast::tcp_stream's expires_after
// gives the connect and idle timeouts. Plain HTTP: signal-cli's daemon is on loopback.
#include "adapters/http/event_stream.h"

#include <array>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>

#include "adapters/http/client.h"

namespace noodbel {

// ---- SseParser ----

void SseParser::feed(std::string_view bytes, const OnEvent& on_event) {
  for (const char c : bytes) {
    if (after_cr_) {
      after_cr_ = false;
      if (c == '\n') continue;  // the LF of a CRLF split across chunks or not
    }
    if (c == '\r' || c == '\n') {
      after_cr_ = c == '\r';
      line(line_, on_event);
      line_.clear();
      continue;
    }
    if (line_.size() >= max_bytes_) {
      overflow_ = true;
      line_.clear();
    }
    line_.push_back(c);
  }
}

void SseParser::reset_event() {
  data_.clear();
  has_data_ = false;
  type_.clear();
  overflow_ = false;
}

void SseParser::line(std::string_view text, const OnEvent& on_event) {
  if (text.empty()) {
    if (overflow_) {
      ++dropped_;
    } else if (has_data_) {
      SseEvent event;
      event.type = type_.empty() ? "message" : type_;
      event.data = data_.substr(0, data_.size() - 1);  // without the last "\n"
      event.id = last_id_;
      on_event(event);
    }
    return reset_event();
  }
  if (overflow_ || text.front() == ':') return;  // skipping an oversized event, or a comment
  const std::size_t colon = text.find(':');
  const std::string_view field = text.substr(0, colon);
  std::string_view value = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (field == "data") {
    data_.append(value);
    data_.push_back('\n');
    has_data_ = true;
    if (data_.size() > max_bytes_) {
      overflow_ = true;
      data_.clear();
    }
  } else if (field == "event") {
    type_ = value;
  } else if (field == "id") {
    if (value.find('\0') == std::string_view::npos) last_id_ = value;
  } else if (field == "retry") {
    int ms = 0;
    bool digits = !value.empty() && value.size() <= 9;
    for (const char c : value) {
      digits = digits && c >= '0' && c <= '9';
      if (digits) ms = ms * 10 + (c - '0');
    }
    if (digits) retry_ms_ = ms;
  }
}

// ---- read_event_stream ----

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr auto kSlice = std::chrono::milliseconds(50);
constexpr std::uint32_t kHeaderLimit = 16 * 1024;

// Runs `ioc` until the pending operation set `done`; on cancel, closes the stream so the
// operation ends with operation_aborted. True when cancelled.
bool run_until(net::io_context& ioc, const bool& done, const std::atomic<bool>* cancel,
               beast::tcp_stream& stream) {
  bool cancelled = false;
  ioc.restart();
  while (!done) {
    ioc.run_for(kSlice);
    if (!done && !cancelled && cancel != nullptr && cancel->load()) {
      cancelled = true;
      stream.cancel();
      beast::error_code ignored;
      stream.socket().close(ignored);
    }
  }
  return cancelled;
}

std::string describe(const beast::error_code& ec, bool cancelled, std::chrono::milliseconds timeout) {
  if (cancelled) return "cancelled";
  if (ec == beast::error::timeout) return fmt::format("nothing received for {} ms", timeout.count());
  return ec.message();
}

class StreamReader {
 public:
  StreamReader(const EventStreamRequest& request, const EventStreamHandlers& handlers, Url url)
      : request_(request), handlers_(handlers), url_(std::move(url)), stream_(ioc_) {}

  Status run() {
    if (Status s = connect(); !s.ok()) return s;
    if (Status s = write_request(); !s.ok()) return s;
    if (Status s = read_header(); !s.ok()) return s;
    if (handlers_.on_open) handlers_.on_open();
    return read_body();
  }

  ~StreamReader() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

 private:
  std::string where() const { return fmt::format("{}:{}", url_.host, url_.port); }

  Status failed(std::string_view step, const beast::error_code& ec, bool cancelled,
                std::chrono::milliseconds timeout) const {
    return Error::Unavailable(fmt::format("event stream {} {}: {}", where(), step,
                                          describe(ec, cancelled, timeout)));
  }

  Status connect() {
    tcp::resolver resolver(ioc_);
    beast::error_code ec;
    bool done = false;
    tcp::resolver::results_type endpoints;
    resolver.async_resolve(url_.host, std::to_string(url_.port),
                           [&](beast::error_code e, tcp::resolver::results_type r) {
                             ec = e;
                             endpoints = std::move(r);
                             done = true;
                           });
    bool cancelled = run_until(ioc_, done, request_.cancel, stream_);
    if (cancelled) resolver.cancel();
    if (ec || cancelled) return failed("resolve", ec, cancelled, request_.connect_timeout);
    done = false;
    stream_.expires_after(request_.connect_timeout);
    stream_.async_connect(endpoints, [&](beast::error_code e, const tcp::endpoint&) {
      ec = e;
      done = true;
    });
    cancelled = run_until(ioc_, done, request_.cancel, stream_);
    if (ec || cancelled) return failed("connect", ec, cancelled, request_.connect_timeout);
    return Ok();
  }

  Status write_request() {
    http::request<http::empty_body> req{http::verb::get, url_.target, 11};
    req.set(http::field::host, fmt::format("{}:{}", url_.host, url_.port));
    req.set(http::field::user_agent, "noodbel/" NOODBEL_VERSION);
    req.set(http::field::accept, "text/event-stream");
    req.set(http::field::cache_control, "no-cache");
    for (const auto& [name, value] : request_.headers) req.set(name, value);
    beast::error_code ec;
    bool done = false;
    stream_.expires_after(request_.connect_timeout);
    http::async_write(stream_, req, [&](beast::error_code e, std::size_t) {
      ec = e;
      done = true;
    });
    const bool cancelled = run_until(ioc_, done, request_.cancel, stream_);
    if (ec || cancelled) return failed("write", ec, cancelled, request_.connect_timeout);
    return Ok();
  }

  Status read_header() {
    parser_.header_limit(kHeaderLimit);
    parser_.body_limit(boost::none);  // a stream has no end; events are limited by SseParser
    beast::error_code ec;
    bool done = false;
    stream_.expires_after(request_.idle_timeout);
    http::async_read_header(stream_, buffer_, parser_, [&](beast::error_code e, std::size_t) {
      ec = e;
      done = true;
    });
    const bool cancelled = run_until(ioc_, done, request_.cancel, stream_);
    if (ec || cancelled) return failed("read header", ec, cancelled, request_.idle_timeout);
    const unsigned status = parser_.get().result_int();
    if (status != 200) {
      return Error::Unavailable(fmt::format("event stream {} answered HTTP {}", where(), status));
    }
    return Ok();
  }

  Status read_body() {
    std::array<char, 8192> chunk{};
    while (!parser_.is_done()) {
      parser_.get().body().data = chunk.data();
      parser_.get().body().size = chunk.size();
      beast::error_code ec;
      bool done = false;
      stream_.expires_after(request_.idle_timeout);
      http::async_read_some(stream_, buffer_, parser_, [&](beast::error_code e, std::size_t) {
        ec = e;
        done = true;
      });
      const bool cancelled = run_until(ioc_, done, request_.cancel, stream_);
      const std::size_t got = chunk.size() - parser_.get().body().size;
      if (got > 0 && handlers_.on_bytes && !handlers_.on_bytes(std::string_view(chunk.data(), got))) {
        return Ok();
      }
      if (ec == http::error::need_buffer) ec = {};
      if (cancelled) return failed("read", ec, true, request_.idle_timeout);
      if (ec == http::error::end_of_stream || ec == net::error::eof) return Ok();
      if (ec) return failed("read", ec, false, request_.idle_timeout);
    }
    return Ok();
  }

  const EventStreamRequest& request_;
  const EventStreamHandlers& handlers_;
  const Url url_;
  net::io_context ioc_;  // declared before the stream bound to it
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::response_parser<http::buffer_body> parser_;
};

}  // namespace

Status read_event_stream(const EventStreamRequest& request, const EventStreamHandlers& handlers) {
  Result<Url> url = parse_url(request.url);
  if (!url.ok()) return url.error();
  if (url->scheme != "http") {
    return Error::Invalid("event stream URL must start with http:// (signal-cli's daemon on "
                          "loopback speaks plain HTTP)");
  }
  StreamReader reader(request, handlers, std::move(url).value());
  return reader.run();
}

}  // namespace noodbel
