// The second and last translation unit that includes Beast (after server.cpp).
// A blocking client built on Beast's asynchronous operations: every connection owns an
// io_context that the calling thread runs until the current operation completes, so
// beast::tcp_stream's expires_after gives the connect / write / read timeouts and a
// cancel flag can end a long poll. TLS as in Beast's example/http/client/async-ssl:
// SNI, verify_peer and host-name verification, never switched off.
#include "adapters/http/client.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <functional>
#include <optional>
#include <unordered_map>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <fmt/format.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <spdlog/spdlog.h>

#include "adapters/http/http_types.h"
#include "bot/sync/mutex.h"
#include "bot/text/ascii.h"
#include "bot/text/logfmt_value.h"

namespace noodbel {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

constexpr auto kSlice = std::chrono::milliseconds(50);   // how often `cancel` is looked at
constexpr auto kIdleLimit = std::chrono::seconds(30);    // older idle connections are dropped
constexpr auto kShutdownTimeout = std::chrono::milliseconds(500);
constexpr std::uint32_t kHeaderLimit = 64 * 1024;
constexpr auto kNoDeadline = SteadyClock::time_point::max();
constexpr const char* kUserAgent = "noodbel/" NOODBEL_VERSION;

// Why run_until stopped waiting before the operation finished on its own.
enum class Interrupt { kNone, kCancelled, kDeadline };

bool is_token_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_token_char);
}

bool is_reg_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' || c == '_';
}

bool is_ip_literal(const std::string& host) {
  beast::error_code ec;
  net::ip::make_address(host, ec);
  return !ec;
}

std::string where(const Url& url) {
  return url.host.find(':') == std::string::npos ? fmt::format("{}:{}", url.host, url.port)
                                                 : fmt::format("[{}]:{}", url.host, url.port);
}

std::string host_header(const Url& url) {
  const bool default_port = (url.scheme == "http" && url.port == 80) ||
                            (url.scheme == "https" && url.port == 443);
  const std::string host = url.host.find(':') == std::string::npos ? url.host : "[" + url.host + "]";
  return default_port ? host : fmt::format("{}:{}", host, url.port);
}

std::string describe(const beast::error_code& ec, Interrupt why, std::chrono::milliseconds timeout) {
  if (why == Interrupt::kCancelled) return "cancelled";
  if (why == Interrupt::kDeadline || ec == beast::error::timeout) {
    return fmt::format("timed out after {} ms", timeout.count());
  }
  return ec.message();
}

Status check_request(const ClientRequest& r) {
  if (!is_token(r.method)) {
    return Error::Invalid(fmt::format("HTTP method '{}' is not a valid token (e.g. GET, POST)", r.method));
  }
  for (const auto& [name, value] : r.headers) {
    if (!is_token(name)) {
      return Error::Invalid(fmt::format("header name '{}' is not a valid HTTP token", name));
    }
    if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
      return Error::Invalid(fmt::format("header {} contains a line break or NUL byte", name));
    }
  }
  return Ok();
}

// One connection with its own io_context, used by one thread at a time.
class Connection {
 public:
  explicit Connection(ssl::context* tls) {
    if (tls != nullptr) {
      secure_.emplace(ioc_, *tls);
    } else {
      plain_.emplace(ioc_);
    }
  }

  net::io_context& ioc() { return ioc_; }
  bool is_secure() const { return secure_.has_value(); }
  beast::ssl_stream<beast::tcp_stream>& secure() { return *secure_; }
  beast::tcp_stream& lowest() { return secure_ ? beast::get_lowest_layer(*secure_) : *plain_; }
  beast::flat_buffer& buffer() { return buffer_; }

  // Calls f with the stream requests go through (TLS or plain).
  template <class F>
  void with_stream(F&& f) {
    if (secure_) {
      f(*secure_);
    } else {
      f(*plain_);
    }
  }

  // Runs the io_context until `done`. When `cancel` turns true or `deadline` passes,
  // `abort` is called once; the pending operation then ends with operation_aborted.
  Interrupt run_until(const bool& done, const std::atomic<bool>* cancel,
                      SteadyClock::time_point deadline, const std::function<void()>& abort) {
    Interrupt why = Interrupt::kNone;
    ioc_.restart();
    while (!done) {
      ioc_.run_for(kSlice);
      if (done || why != Interrupt::kNone) continue;
      if (cancel != nullptr && cancel->load()) {
        why = Interrupt::kCancelled;
      } else if (SteadyClock::now() >= deadline) {
        why = Interrupt::kDeadline;
      }
      if (why != Interrupt::kNone) abort();
    }
    return why;
  }

  // Closes the connection; for TLS, first a brief close_notify.
  void close() {
    if (secure_) {
      lowest().expires_after(kShutdownTimeout);
      bool done = false;
      beast::error_code ec;
      secure_->async_shutdown([&](beast::error_code e) {
        ec = e;
        done = true;
      });
      run_until(done, nullptr, kNoDeadline, [] {});
      // Many servers close the TCP connection without their own close_notify, which shows
      // up here as stream_truncated (or eof). The response was already read in full and
      // was length-delimited, so nothing could have been truncated: not an error.
      if (ec && ec != ssl::error::stream_truncated && ec != net::error::eof &&
          ec != beast::error::timeout) {
        spdlog::debug("event=http_client.tls_shutdown error={}", logfmt_value(ec.message()));
      }
    }
    beast::error_code ignored;
    lowest().socket().shutdown(tcp::socket::shutdown_both, ignored);
    lowest().close();
  }

  SteadyClock::time_point idle_since{};

 private:
  // Declared first: the streams below are bound to it and must be destroyed before it.
  net::io_context ioc_;
  std::optional<beast::tcp_stream> plain_;
  std::optional<beast::ssl_stream<beast::tcp_stream>> secure_;
  beast::flat_buffer buffer_;
};

// The outcome of one request/response exchange on a connection.
struct Exchange {
  Result<ClientResponse> response = Error::Internal("no exchange");
  bool keep_alive = false;
  bool stale = false;  // a reused connection the server had closed: retry on a new one
};

class BeastClient final : public HttpClient {
 public:
  explicit BeastClient(HttpClientOptions options)
      : options_(std::move(options)), tls_(ssl::context::tls_client) {
    // Not tlsv12_client: in Boost 1.74 that pins TLS 1.2 as the maximum too. TLS 1.2 is
    // the minimum, 1.3 is welcome.
    SSL_CTX_set_min_proto_version(tls_.native_handle(), TLS1_2_VERSION);
    tls_.set_verify_mode(ssl::verify_peer);
    beast::error_code ec;
    tls_.set_default_verify_paths(ec);
    if (ec) spdlog::warn("event=http_client.no_system_ca error={}", logfmt_value(ec.message()));
    if (!options_.ca_file.empty()) {
      tls_.load_verify_file(options_.ca_file, ec);
      if (ec) {
        tls_error_ = fmt::format("cannot load the CA file {}: {}; check http client ca_file",
                                 options_.ca_file, ec.message());
        spdlog::error("event=http_client.bad_ca_file error={}", logfmt_value(*tls_error_));
      }
    }
  }

  Result<ClientResponse> send(const ClientRequest& request) override {
    auto url = parse_url(request.url);
    if (!url.ok()) return url.error();
    if (Status s = check_request(request); !s.ok()) return s.error();
    if (url->scheme == "https" && tls_error_) return Error::Invalid(*tls_error_);
    const std::string key = fmt::format("{}://{}", url->scheme, where(*url));
    for (int attempt = 1;; ++attempt) {
      std::unique_ptr<Connection> c = take_idle(key);
      const bool reused = c != nullptr;
      if (!c) {
        auto opened = open(*url, request.cancel);
        if (!opened.ok()) return opened.error();
        c = std::move(opened).value();
      }
      Exchange x = exchange(*c, *url, request, reused);
      if (x.stale && attempt == 1) {
        spdlog::debug("event=http_client.stale_connection host={}", logfmt_value(where(*url)));
        continue;
      }
      if (x.response.ok()) {
        if (x.keep_alive) {
          give_back(key, std::move(c));
        } else {
          c->close();
        }
      }
      return std::move(x.response);
    }
  }

 private:
  Result<std::unique_ptr<Connection>> open(const Url& url, const std::atomic<bool>* cancel);
  Status handshake(Connection& c, const Url& url, const std::atomic<bool>* cancel,
                   SteadyClock::time_point deadline);
  Exchange exchange(Connection& c, const Url& url, const ClientRequest& r, bool reused);

  std::unique_ptr<Connection> take_idle(const std::string& key) {
    const auto now = SteadyClock::now();
    const MutexLock lock(mutex_);
    auto it = idle_.find(key);
    while (it != idle_.end() && !it->second.empty()) {
      std::unique_ptr<Connection> c = std::move(it->second.back());
      it->second.pop_back();
      if (now - c->idle_since < kIdleLimit) return c;
    }
    return nullptr;
  }

  void give_back(const std::string& key, std::unique_ptr<Connection> c) {
    c->idle_since = SteadyClock::now();
    const MutexLock lock(mutex_);
    auto& list = idle_[key];
    if (static_cast<int>(list.size()) < options_.max_idle_per_host) list.push_back(std::move(c));
  }

  // Constant after construction.
  const HttpClientOptions options_;
  ssl::context tls_;  // configured in the constructor; thread-safe to use afterwards
  std::optional<std::string> tls_error_;

  Mutex mutex_;
  // Idle keep-alive connections per "scheme://host:port", most recently used last.
  std::unordered_map<std::string, std::vector<std::unique_ptr<Connection>>> idle_
      GUARDED_BY(mutex_);
};

Result<std::unique_ptr<Connection>> BeastClient::open(const Url& url,
                                                      const std::atomic<bool>* cancel) {
  auto c = std::make_unique<Connection>(url.scheme == "https" ? &tls_ : nullptr);
  const auto timeout = options_.connect_timeout;
  const auto deadline = SteadyClock::now() + timeout;

  // The system resolver runs on a helper thread; a lookup already in progress when the
  // deadline passes ends only when getaddrinfo gives up (resolv.conf timeout).
  tcp::resolver resolver(c->ioc());
  tcp::resolver::results_type endpoints;
  beast::error_code ec;
  bool done = false;
  resolver.async_resolve(url.host, std::to_string(url.port), tcp::resolver::numeric_service,
                         [&](beast::error_code e, tcp::resolver::results_type results) {
                           ec = e;
                           endpoints = std::move(results);
                           done = true;
                         });
  Interrupt why = c->run_until(done, cancel, deadline, [&] { resolver.cancel(); });
  if (ec || why != Interrupt::kNone) {
    return Error::Unavailable(
        fmt::format("DNS lookup of {} failed: {}", url.host, describe(ec, why, timeout)));
  }

  c->lowest().expires_at(deadline);
  done = false;
  c->lowest().async_connect(endpoints, [&](beast::error_code e, const tcp::endpoint&) {
    ec = e;
    done = true;
  });
  why = c->run_until(done, cancel, kNoDeadline, [&] { c->lowest().cancel(); });
  if (ec || why != Interrupt::kNone) {
    return Error::Unavailable(
        fmt::format("cannot connect to {}: {}", where(url), describe(ec, why, timeout)));
  }
  if (c->is_secure()) {
    if (Status s = handshake(*c, url, cancel, deadline); !s.ok()) return s.error();
  }
  return c;
}

// SNI, then OpenSSL's own host-name (or IP) check as part of chain verification: the same
// X509_check_host that ssl::host_name_verification runs, but reported by OpenSSL with a
// precise reason ("hostname mismatch") instead of a generic verify failure.
Status BeastClient::handshake(Connection& c, const Url& url, const std::atomic<bool>* cancel,
                              SteadyClock::time_point deadline) {
  SSL* ssl_handle = c.secure().native_handle();
  const bool ip = is_ip_literal(url.host);
  // SNI carries host names only, never IP addresses (RFC 6066).
  if (!ip && SSL_set_tlsext_host_name(ssl_handle, url.host.c_str()) != 1) {
    return Error::Invalid(fmt::format("cannot use '{}' as a TLS server name", url.host));
  }
  X509_VERIFY_PARAM* param = SSL_get0_param(ssl_handle);
  X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
  const int set = ip ? X509_VERIFY_PARAM_set1_ip_asc(param, url.host.c_str())
                     : X509_VERIFY_PARAM_set1_host(param, url.host.c_str(), url.host.size());
  if (set != 1) {
    return Error::Invalid(fmt::format("cannot verify certificates for host '{}'", url.host));
  }
  c.secure().set_verify_mode(ssl::verify_peer);

  c.lowest().expires_at(deadline);
  beast::error_code ec;
  bool done = false;
  c.secure().async_handshake(ssl::stream_base::client, [&](beast::error_code e) {
    ec = e;
    done = true;
  });
  const Interrupt why = c.run_until(done, cancel, kNoDeadline, [&] { c.lowest().cancel(); });
  if (!ec && why == Interrupt::kNone) return Ok();
  std::string reason = describe(ec, why, options_.connect_timeout);
  if (const long verify = SSL_get_verify_result(ssl_handle); verify != X509_V_OK) {
    reason = fmt::format("certificate verify failed: {}", X509_verify_cert_error_string(verify));
  }
  return Error::Unavailable(fmt::format("TLS handshake with {} failed: {}", where(url), reason));
}

// How one asynchronous step on a connection ended.
struct StepEnd {
  beast::error_code ec;
  Interrupt why = Interrupt::kNone;
  bool failed() const { return ec || why != Interrupt::kNone; }
};

// The Beast request for `r`: HTTP/1.1, keep-alive, Host and User-Agent set.
http::request<http::string_body> build_request(const Url& url, const ClientRequest& r,
                                               http::verb verb) {
  http::request<http::string_body> req;
  req.version(11);
  if (verb == http::verb::unknown) {
    req.method_string(r.method);
  } else {
    req.method(verb);
  }
  req.target(url.target);
  req.set(http::field::host, host_header(url));
  req.set(http::field::user_agent, kUserAgent);
  for (const auto& [name, value] : r.headers) req.set(name, value);
  req.keep_alive(true);
  req.body() = r.body;
  req.prepare_payload();
  return req;
}

StepEnd write_request(Connection& c, http::request<http::string_body>& req,
                      const std::atomic<bool>* cancel, std::chrono::milliseconds timeout) {
  StepEnd end;
  bool done = false;
  c.lowest().expires_after(timeout);
  c.with_stream([&](auto& stream) {
    http::async_write(stream, req, [&](beast::error_code e, std::size_t) {
      end.ec = e;
      done = true;
    });
  });
  end.why = c.run_until(done, cancel, kNoDeadline, [&] { c.lowest().cancel(); });
  return end;
}

// Reads the header first, then the body: Boost 1.74's parser loses the body_limit error
// when it parses a Content-Length header and its body in one go (eager mode).
StepEnd read_response(Connection& c, http::response_parser<http::string_body>& parser,
                      const std::atomic<bool>* cancel, std::chrono::milliseconds timeout,
                      std::size_t max_bytes) {
  StepEnd end;
  for (const bool header : {true, false}) {
    if (!header && (end.failed() || parser.is_done())) break;
    c.lowest().expires_after(timeout);
    bool done = false;
    c.with_stream([&](auto& stream) {
      const auto on_read = [&](beast::error_code e, std::size_t) {
        end.ec = e;
        done = true;
      };
      if (header) {
        http::async_read_header(stream, c.buffer(), parser, on_read);
      } else {
        http::async_read(stream, c.buffer(), parser, on_read);
      }
    });
    end.why = c.run_until(done, cancel, kNoDeadline, [&] { c.lowest().cancel(); });
    if (!end.failed() && header && parser.is_header_done()) {
      const auto length = parser.content_length();
      if (length && *length > max_bytes) end.ec = http::error::body_limit;
    }
  }
  return end;
}

// Status, headers (lower-case names; repeated ones joined with ", ") and body.
ClientResponse to_client_response(http::response<http::string_body>& res) {
  ClientResponse out;
  out.status = static_cast<int>(res.result_int());
  for (const auto& field : res) {
    const std::string name = lower_ascii(std::string_view(field.name_string().data(), field.name_string().size()));
    const std::string value(field.value().data(), field.value().size());
    auto [it, inserted] = out.headers.emplace(name, value);
    if (!inserted) it->second += ", " + value;
  }
  out.body = std::move(res.body());
  return out;
}

// A write that failed. On a reused connection a plain error (not a timeout or a cancel)
// means the server had closed it: stale.
Exchange write_failed(const Url& url, const StepEnd& written, bool reused,
                      std::chrono::milliseconds timeout) {
  Exchange x;
  x.stale = reused && written.why == Interrupt::kNone && written.ec != beast::error::timeout;
  x.response = Error::Unavailable(fmt::format("sending the request to {} failed: {}", where(url),
                                              describe(written.ec, written.why, timeout)));
  return x;
}

// A read that failed; `fresh_read`: nothing of a response arrived on a reused connection.
// A TLS peer that closes without close_notify before an EOF-delimited body ended gives
// stream_truncated here: the body may be cut short by an attacker, so it is an error.
Exchange read_failed(const Url& url, const StepEnd& read, bool fresh_read,
                     std::chrono::milliseconds timeout, std::size_t max_bytes) {
  Exchange x;
  if (read.ec == http::error::body_limit) {
    x.response = Error::Unavailable(fmt::format(
        "the response from {} is larger than the limit of {} bytes", where(url), max_bytes));
    return x;
  }
  x.stale = fresh_read && read.why == Interrupt::kNone && read.ec != beast::error::timeout;
  x.response = Error::Unavailable(fmt::format("reading the response from {} failed: {}", where(url),
                                              describe(read.ec, read.why, timeout)));
  return x;
}

Exchange BeastClient::exchange(Connection& c, const Url& url, const ClientRequest& r, bool reused) {
  const auto timeout = r.io_timeout.count() > 0 ? r.io_timeout : options_.io_timeout;
  const http::verb verb = http::string_to_verb(r.method);
  http::request<http::string_body> req = build_request(url, r, verb);
  const StepEnd written = write_request(c, req, r.cancel, timeout);
  if (written.failed()) return write_failed(url, written, reused, timeout);

  http::response_parser<http::string_body> parser;
  parser.body_limit(options_.max_response_bytes);
  parser.header_limit(kHeaderLimit);
  if (verb == http::verb::head) parser.skip(true);
  const StepEnd read = read_response(c, parser, r.cancel, timeout, options_.max_response_bytes);
  if (read.failed()) {
    return read_failed(url, read, reused && !parser.got_some(), timeout,
                       options_.max_response_bytes);
  }
  Exchange x;
  x.keep_alive = parser.get().keep_alive() && parser.is_done() && c.buffer().size() == 0;
  x.response = to_client_response(parser.get());
  return x;
}

}  // namespace

std::unique_ptr<HttpClient> make_http_client(HttpClientOptions options) {
  return std::make_unique<BeastClient>(std::move(options));
}

namespace {

// Refuses spaces and control characters anywhere in a URL.
Status check_url_chars(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
      return Error::Invalid("URL contains a space or control character; percent-encode it");
    }
  }
  return Ok();
}

// "HTTPS" in "HTTPS://x" -> "https"; any scheme but http and https is refused. `sep` is
// where "://" starts.
Result<std::string> url_scheme(std::string_view text, std::size_t sep) {
  std::string scheme = lower_ascii(text.substr(0, sep));
  if (scheme != "http" && scheme != "https") {
    return Error::Invalid(fmt::format("URL scheme '{}' is not supported; use http:// or https://",
                                      text.substr(0, std::min<std::size_t>(sep, 16))));
  }
  return scheme;
}

// The host and the port text of a URL's authority.
struct Authority {
  std::string_view host;
  std::optional<std::string_view> port;
};

// "[::1]:8080": an IPv6 address in brackets, then optionally ":port".
Result<Authority> bracketed_authority(std::string_view authority) {
  const std::size_t close = authority.find(']');
  if (close == std::string_view::npos) {
    return Error::Invalid(fmt::format("URL host '{}' opens '[' without closing ']'", authority));
  }
  Authority a{authority.substr(1, close - 1), std::nullopt};
  const std::string_view after = authority.substr(close + 1);
  if (!after.empty() && after.front() != ':') {
    return Error::Invalid(fmt::format("URL host '{}': only ':port' may follow ']'", authority));
  }
  if (!after.empty()) a.port = after.substr(1);
  const bool ipv6_chars = std::all_of(a.host.begin(), a.host.end(), [](char ch) {
    return std::isxdigit(static_cast<unsigned char>(ch)) != 0 || ch == ':' || ch == '.';
  });
  if (!ipv6_chars || !is_ip_literal(std::string(a.host))) {
    return Error::Invalid(fmt::format("URL host '[{}]' is not an IPv6 address", a.host));
  }
  return a;
}

// "host" or "host:port": a registered name or an IPv4 address.
Result<Authority> plain_authority(std::string_view authority) {
  Authority a{authority, std::nullopt};
  if (const std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    a.host = authority.substr(0, colon);
    a.port = authority.substr(colon + 1);
  }
  if (!std::all_of(a.host.begin(), a.host.end(), is_reg_name_char)) {
    return Error::Invalid(fmt::format(
        "URL host '{}' may only hold letters, digits, '-', '.' and '_' (IPv6 in [brackets])",
        a.host));
  }
  return a;
}

// "8080" -> 8080; a port is a whole number from 1 to 65535.
Result<int> url_port(std::string_view text) {
  int port = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (ec != std::errc() || ptr != text.data() + text.size() || port < 1 || port > 65535) {
    return Error::Invalid(fmt::format("URL port '{}' must be a number from 1 to 65535", text));
  }
  return port;
}

// Path and query without the fragment, at least "/": "?a=1#x" -> "/?a=1".
std::string url_target(std::string_view tail) {
  tail = tail.substr(0, tail.find('#'));
  return tail.empty() || tail.front() == '?' ? "/" + std::string(tail) : std::string(tail);
}

}  // namespace

Result<Url> parse_url(std::string_view text) {
  if (Status s = check_url_chars(text); !s.ok()) return s.error();
  const std::size_t sep = text.find("://");
  if (sep == std::string_view::npos) {
    return Error::Invalid("URL must start with http:// or https://");
  }
  Result<std::string> scheme = url_scheme(text, sep);
  if (!scheme.ok()) return scheme.error();
  Url url;
  url.scheme = std::move(scheme).value();
  url.port = url.scheme == "https" ? 443 : 80;
  const std::string_view rest = text.substr(sep + 3);
  const std::size_t end = rest.find_first_of("/?#");
  const std::string_view authority = rest.substr(0, end);
  if (authority.find('@') != std::string_view::npos) {
    return Error::Invalid(
        "URL with user:password@ is not supported; send an Authorization header instead");
  }
  const Result<Authority> parts = !authority.empty() && authority.front() == '['
                                      ? bracketed_authority(authority)
                                      : plain_authority(authority);
  if (!parts.ok()) return parts.error();
  if (parts->host.empty()) return Error::Invalid("URL has no host name, e.g. https://api.telegram.org");
  url.host = lower_ascii(parts->host);
  if (parts->port) {
    const Result<int> port = url_port(*parts->port);
    if (!port.ok()) return port.error();
    url.port = *port;
  }
  url.target = url_target(end == std::string_view::npos ? std::string_view{} : rest.substr(end));
  return url;
}

}  // namespace noodbel
