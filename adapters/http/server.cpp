// The only translation unit that includes Beast (besides its test). Structure after
// Beast's example/advanced/server/advanced_server.cpp: one Session per connection on
// its own strand, do_x/on_x pairs, the error checked first in every handler.
//
// Streaming (server-sent events): a handler returns HttpResponse::events(start); Session
// writes the header with an empty_body serializer, then frames from a bounded queue
// (close-delimited body), a keep-alive comment when idle, and watches the socket for the
// client leaving. No thread waits: producers push through a StreamSink from anywhere.
#include "adapters/http/server.h"
#include "bot/sync/mutex.h"
#include "bot/text/ascii.h"
#include "bot/text/logfmt_value.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <deque>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace noodbel {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(100);
// Sent with every 503 whose handler set no Retry-After (a write that did not commit, too
// many connections): when a webhook's provider or a client may try again.
constexpr const char* kRetryAfterSeconds = "5";

class Session;
class StreamSink;

std::string endpoint_text(std::string_view address, int port) {
  return address.find(':') == std::string_view::npos ? fmt::format("{}:{}", address, port)
                                                     : fmt::format("[{}]:{}", address, port);
}

bool is_http_parse_error(const beast::error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_method).category();
}

std::string_view to_sv(beast::string_view s) { return {s.data(), s.size()}; }

bool has_line_break(std::string_view s) { return s.find_first_of("\r\n") != s.npos; }

// The shared state of one server: acceptor, I/O threads, live sessions.
// Outlives every handler: the owner joins the threads before destroying it.
struct Core {
  Core(HttpServerOptions opts, HttpHandler h, HttpObserver o)
      : options(std::move(opts)), handler(std::move(h)), observer(std::move(o)),
        ioc(std::max(1, options.threads)), acceptor(net::make_strand(ioc)),
        accept_retry(acceptor.get_executor()), control(net::make_strand(ioc)),
        grace_timer(control) {}

  ~Core() {
    // From here on, sessions destroyed together with the io_context must not post.
    tearing_down = true;
  }

  Status listen();
  void do_accept();
  void on_accept(beast::error_code ec, tcp::socket socket);
  void begin_shutdown();
  void track(const std::shared_ptr<Session>& session);
  void untrack(Session* session);
  HttpResponse call_handler(const HttpRequest& request) const;
  void observe(const HttpRequest& request, int status) const;

  // Constant after construction.
  const HttpServerOptions options;
  const HttpHandler handler;
  const HttpObserver observer;

  std::atomic<bool> started{false};
  std::atomic<bool> stopping{false};
  std::atomic<int> bound_port{0};
  std::atomic<int> open_sessions{0};
  bool tearing_down = false;  // set only when no thread runs

  Mutex sessions_mutex;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions GUARDED_BY(sessions_mutex);
  Mutex threads_mutex;
  std::vector<std::thread> threads GUARDED_BY(threads_mutex);

  // Declared after the members above: destroyed first, while those still exist.
  net::io_context ioc;
  tcp::acceptor acceptor;         // used on its own strand
  net::steady_timer accept_retry;  // on the acceptor's strand
  net::strand<net::io_context::executor_type> control;
  net::steady_timer grace_timer;  // on `control`
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Core& core, bool over_capacity, std::string remote)
      : stream_(std::move(socket)), core_(core), over_capacity_(over_capacity),
        remote_(std::move(remote)) {
    ++core_.open_sessions;
  }

  ~Session() {
    core_.untrack(this);
    const int left = --core_.open_sessions;
    if (left == 0 && core_.stopping && !core_.tearing_down) {
      Core& core = core_;
      net::post(core.control, [&core] { core.grace_timer.cancel(); });
    }
  }

  void run() {
    core_.track(shared_from_this());
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::do_read, shared_from_this()));
  }

  // Queues one event frame (called through StreamSink from any thread).
  void post_frame(std::string frame) {
    net::post(stream_.get_executor(),
              [self = shared_from_this(), f = std::move(frame)]() mutable {
                self->enqueue_frame(std::move(f));
              });
  }
  void post_end_stream() {
    net::post(stream_.get_executor(),
              beast::bind_front_handler(&Session::end_stream, shared_from_this()));
  }
  // After the I/O threads ended: no producer may post any more.
  void seal_stream();

  // Closes the connection if it waits for a request; a busy one closes after replying.
  void request_shutdown() {
    net::post(stream_.get_executor(),
              beast::bind_front_handler(&Session::on_shutdown, shared_from_this()));
  }

 private:
  void do_read() {
    busy_ = false;
    if (core_.stopping) return do_close();
    parser_.emplace();
    parser_->body_limit(core_.options.body_limit);
    stream_.expires_after(core_.options.read_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t /*bytes*/) {
    if (ec == http::error::end_of_stream) return do_close();
    if (ec == http::error::body_limit) {
      return reply_error(413, fmt::format("request body is larger than the limit of {} bytes",
                                          core_.options.body_limit));
    }
    if (ec == http::error::header_limit) {
      return reply_error(431, "request headers are too large");
    }
    if (ec && is_http_parse_error(ec) && ec != http::error::partial_message) {
      return reply_error(400, fmt::format("malformed HTTP request: {}", ec.message()));
    }
    if (ec) {
      if (ec != net::error::operation_aborted && ec != beast::error::timeout) {
        spdlog::debug("event=http.read_failed remote={} error={}", logfmt_value(remote_),
                      logfmt_value(ec.message()));
      }
      return do_close();
    }
    busy_ = true;
    auto& raw = parser_->get();
    HttpRequest request = head_of_request();
    const bool keep_alive = raw.keep_alive() && !over_capacity_;
    if (over_capacity_) {
      return reply(request, HttpResponse::error_json(
                                503, "server busy: too many open connections; retry shortly"),
                   false);
    }
    auto target = parse_target(request.target);
    if (!target.ok()) return reply(request, HttpResponse::error_json(400, target.error().message), false);
    request.path = std::move(target->path);
    request.query = std::move(target->query);
    request.body = std::move(raw.body());
    HttpResponse response = core_.call_handler(request);
    if (response.event_stream && response.status == 200) {
      return start_stream(request, std::move(response));
    }
    reply(request, response, keep_alive);
  }

  // The request as far as it was parsed: method, target, headers, remote address.
  HttpRequest head_of_request() const {
    HttpRequest request;
    request.remote_address = remote_;
    if (!parser_ || !parser_->is_header_done()) return request;
    const auto& raw = parser_->get();
    request.method = std::string(to_sv(raw.method_string()));
    request.target = std::string(to_sv(raw.target()));
    for (const auto& field : raw) {
      const std::string value(to_sv(field.value()));
      auto [it, inserted] = request.headers.emplace(lower_ascii(to_sv(field.name_string())), value);
      if (!inserted) it->second += ", " + value;
    }
    return request;
  }

  void reply_error(int status, std::string message) {
    busy_ = true;
    reply(head_of_request(), HttpResponse::error_json(status, message), false);
  }

  void reply(const HttpRequest& request, const HttpResponse& response, bool keep_alive) {
    const bool valid = response.status >= 100 && response.status <= 599;
    if (!valid) {
      spdlog::error("event=http.bad_status method={} path={} status={}",
                    logfmt_value(request.method), logfmt_value(path_for_log(request.path)),
                    response.status);
    }
    std::optional<HttpResponse> fallback;
    const HttpResponse& out =
        valid ? response : fallback.emplace(HttpResponse::error_json(500, "internal server error"));
    core_.observe(request, out.status);
    keep_alive = keep_alive && !core_.stopping;

    response_.emplace();
    auto& res = *response_;
    res.version(parser_ && parser_->is_header_done() ? parser_->get().version() : 11);
    res.result(static_cast<unsigned>(out.status));
    res.set(http::field::server, "noodbel");
    res.set(http::field::content_type, out.content_type);
    for (const auto& [name, value] : out.headers) {
      if (name.empty() || has_line_break(name) || has_line_break(value)) {
        spdlog::error("event=http.bad_header reason=\"line break or empty name; dropped\"");
        continue;
      }
      res.insert(name, value);
    }
    if (out.status == 503 && !out.header("Retry-After")) {
      res.set(http::field::retry_after, kRetryAfterSeconds);
    }
    res.keep_alive(keep_alive);
    res.body() = out.body;
    res.prepare_payload();

    stream_.expires_after(core_.options.read_timeout);
    http::async_write(stream_, res,
                      beast::bind_front_handler(&Session::on_write, shared_from_this(),
                                                !keep_alive));
  }

  void on_write(bool close, beast::error_code ec, std::size_t /*bytes*/) {
    if (ec) {
      spdlog::debug("event=http.write_failed remote={} error={}", logfmt_value(remote_),
                    logfmt_value(ec.message()));
      return do_close();
    }
    response_.reset();
    if (close) return do_close();
    do_read();
  }

  void on_shutdown() {
    if (streaming_) return end_stream();
    if (!busy_) stream_.cancel();  // the pending read ends with operation_aborted
  }

  // --- server-sent events: header, then frames until the client or the server ends it ---
  void start_stream(const HttpRequest& request, HttpResponse response);
  void on_stream_header(EventStreamStart start, beast::error_code ec, std::size_t bytes);
  void enqueue_frame(std::string frame);
  void write_next_frame();
  void on_frame_written(beast::error_code ec, std::size_t bytes);
  void arm_keepalive();
  void on_keepalive(beast::error_code ec);
  void watch_client();
  void on_client_data(beast::error_code ec, std::size_t bytes);
  void end_stream();

  void do_close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);  // not connected: fine
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<http::string_body>> response_;  // the one write in flight
  Core& core_;
  const bool over_capacity_;
  const std::string remote_;
  bool busy_ = false;  // a request was read and its response is not yet written

  // Streaming state, used on the session's strand only.
  bool streaming_ = false;
  bool stream_ended_ = false;
  bool writing_ = false;
  std::shared_ptr<StreamSink> sink_;
  std::optional<http::response<http::empty_body>> stream_head_;
  std::optional<http::response_serializer<http::empty_body>> stream_serializer_;
  std::deque<std::string> frames_;
  std::string frame_in_flight_;
  std::array<char, 512> client_probe_{};
  std::optional<net::steady_timer> keepalive_;
};

// The EventSink a stream producer holds. Thread-safe; holds the session weakly so a
// forgotten sink keeps no connection alive.
class StreamSink final : public EventSink {
 public:
  StreamSink(std::weak_ptr<Session> session, std::size_t limit)
      : session_(std::move(session)), limit_(limit) {}

  bool push(std::string frame) override {
    const MutexLock lock(mutex_);
    if (!open_) return false;
    auto session = session_.lock();
    if (!session) {
      open_ = false;
      return false;
    }
    if (queued_ >= limit_) {  // a client that does not read: end its stream
      open_ = false;
      session->post_end_stream();
      return false;
    }
    ++queued_;
    session->post_frame(std::move(frame));
    return true;
  }

  bool is_open() const override {
    const MutexLock lock(mutex_);
    return open_;
  }

  void close() override {
    const MutexLock lock(mutex_);
    if (!open_) return;
    open_ = false;
    if (auto session = session_.lock()) session->post_end_stream();
  }

  // After the I/O threads ended: nothing may be posted any more.
  void seal() {
    const MutexLock lock(mutex_);
    open_ = false;
  }

  void written() {
    const MutexLock lock(mutex_);
    if (queued_ > 0) --queued_;
  }

 private:
  mutable Mutex mutex_;
  const std::weak_ptr<Session> session_;
  const std::size_t limit_;
  bool open_ GUARDED_BY(mutex_) = true;
  std::size_t queued_ GUARDED_BY(mutex_) = 0;
};

void Session::seal_stream() {
  if (sink_) sink_->seal();
}

void Session::start_stream(const HttpRequest& request, HttpResponse response) {
  core_.observe(request, 200);
  streaming_ = true;
  sink_ = std::make_shared<StreamSink>(weak_from_this(), core_.options.event_queue_limit);
  stream_head_.emplace(http::status::ok, parser_ ? parser_->get().version() : 11);
  auto& head = *stream_head_;
  head.set(http::field::server, "noodbel");
  head.set(http::field::content_type, "text/event-stream; charset=utf-8");
  for (const auto& [name, value] : response.headers) {
    if (name.empty() || has_line_break(name) || has_line_break(value)) continue;
    head.insert(name, value);
  }
  head.keep_alive(false);  // the body ends when the connection closes
  stream_serializer_.emplace(head);
  stream_.expires_after(core_.options.read_timeout);
  http::async_write_header(stream_, *stream_serializer_,
                           beast::bind_front_handler(&Session::on_stream_header,
                                                     shared_from_this(),
                                                     std::move(response.event_stream)));
}

void Session::on_stream_header(EventStreamStart start, beast::error_code ec, std::size_t) {
  if (ec || stream_ended_ || core_.stopping) return end_stream();
  watch_client();
  arm_keepalive();
  try {
    start(sink_);
  } catch (const std::exception& e) {
    spdlog::error("event=http.stream_start_threw error={}", logfmt_value(e.what()));
    end_stream();
  }
}

void Session::enqueue_frame(std::string frame) {
  if (stream_ended_) return;
  frames_.push_back(std::move(frame));
  write_next_frame();
}

void Session::write_next_frame() {
  if (writing_ || frames_.empty() || stream_ended_) return;
  writing_ = true;
  frame_in_flight_ = std::move(frames_.front());
  frames_.pop_front();
  stream_.expires_after(core_.options.read_timeout);
  net::async_write(stream_, net::buffer(frame_in_flight_),
                   beast::bind_front_handler(&Session::on_frame_written, shared_from_this()));
}

void Session::on_frame_written(beast::error_code ec, std::size_t) {
  writing_ = false;
  if (sink_ && !frame_in_flight_.starts_with(':')) sink_->written();
  if (ec) {
    spdlog::debug("event=http.stream_write_failed remote={} error={}", logfmt_value(remote_),
                  logfmt_value(ec.message()));
    return end_stream();
  }
  arm_keepalive();
  write_next_frame();
}

void Session::arm_keepalive() {
  if (stream_ended_) return;
  if (!keepalive_) keepalive_.emplace(stream_.get_executor());
  keepalive_->expires_after(core_.options.event_keepalive);
  keepalive_->async_wait(beast::bind_front_handler(&Session::on_keepalive, shared_from_this()));
}

void Session::on_keepalive(beast::error_code ec) {
  if (ec || stream_ended_) return;  // re-armed or cancelled
  if (frames_.empty() && !writing_) {
    frames_.push_back(": keep-alive\n\n");
    write_next_frame();
  }
  arm_keepalive();
}

// A stream client sends nothing; a read ends when it closes the connection.
void Session::watch_client() {
  stream_.socket().async_read_some(
      net::buffer(client_probe_),
      beast::bind_front_handler(&Session::on_client_data, shared_from_this()));
}

void Session::on_client_data(beast::error_code ec, std::size_t) {
  if (ec) return end_stream();
  watch_client();  // ignore stray bytes
}

void Session::end_stream() {
  if (stream_ended_) return;
  stream_ended_ = true;
  if (sink_) sink_->seal();
  if (keepalive_) keepalive_->cancel();
  frames_.clear();
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.socket().close(ec);  // pending read and write end with an error
}

Status Core::listen() {
  const std::string where = endpoint_text(options.address, options.port);
  if (options.port < 0 || options.port > 65535) {
    return Error::Invalid(fmt::format("cannot listen on {}: port must be 0..65535", where));
  }
  beast::error_code ec;
  const auto address = net::ip::make_address(options.address, ec);
  if (ec) {
    return Error::Invalid(fmt::format(
        "cannot listen on {}: '{}' is not an IP address (use e.g. 127.0.0.1, 0.0.0.0 or ::1)",
        where, options.address));
  }
  const tcp::endpoint endpoint(address, static_cast<unsigned short>(options.port));
  const auto fail = [&](std::string_view step) {
    return Error::Unavailable(fmt::format("cannot listen on {}: {} failed: {}", where, step,
                                          ec.message()));
  };
  acceptor.open(endpoint.protocol(), ec);
  if (ec) return fail("open");
  acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) return fail("setsockopt");
  acceptor.bind(endpoint, ec);
  if (ec) return fail("bind");
  acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return fail("listen");
  bound_port = acceptor.local_endpoint(ec).port();
  return Ok();
}

// The acceptor belongs to Core, which outlives every handler: binding `this` is safe here.
void Core::do_accept() {
  acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
    on_accept(ec, std::move(socket));
  });
}

void Core::on_accept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor.is_open()) return;
  if (ec) {
    // E.g. too many open files: wait a little instead of spinning.
    spdlog::warn("event=http.accept_failed error={}", logfmt_value(ec.message()));
    accept_retry.expires_after(kAcceptRetryDelay);
    accept_retry.async_wait([this](beast::error_code wait_ec) {
      if (!wait_ec) do_accept();
    });
    return;
  }
  const bool over_capacity = open_sessions.load() >= options.max_connections;
  beast::error_code peer_ec;
  const auto peer = socket.remote_endpoint(peer_ec);
  std::string remote = peer_ec ? std::string("unknown") : peer.address().to_string();
  if (over_capacity) spdlog::warn("event=http.connection_limit max_connections={}", options.max_connections);
  std::make_shared<Session>(std::move(socket), *this, over_capacity, std::move(remote))->run();
  do_accept();
}

void Core::begin_shutdown() {
  net::post(acceptor.get_executor(), [this] {
    beast::error_code ec;
    acceptor.close(ec);
    accept_retry.cancel();
  });
  std::vector<std::shared_ptr<Session>> live;
  {
    const MutexLock lock(sessions_mutex);
    for (const auto& [ptr, weak] : sessions) {
      if (auto s = weak.lock()) live.push_back(std::move(s));
    }
  }
  for (const auto& s : live) s->request_shutdown();
  net::post(control, [this] {
    grace_timer.expires_after(options.shutdown_grace);
    grace_timer.async_wait([this](beast::error_code ec) {
      if (ec) return;  // cancelled: every connection closed in time
      spdlog::warn("event=http.shutdown_forced open_connections={}",
                   open_sessions.load());
      ioc.stop();
    });
    if (open_sessions.load() == 0) grace_timer.cancel();
  });
}

void Core::track(const std::shared_ptr<Session>& session) {
  const MutexLock lock(sessions_mutex);
  sessions.emplace(session.get(), session);
}

void Core::untrack(Session* session) {
  const MutexLock lock(sessions_mutex);
  sessions.erase(session);
}

HttpResponse Core::call_handler(const HttpRequest& request) const {
  try {
    return handler(request);
  } catch (const std::exception& e) {
    spdlog::error("event=http.handler_threw method={} path={} error={}",
                  logfmt_value(request.method), logfmt_value(path_for_log(request.path)),
                  logfmt_value(e.what()));
  } catch (...) {
    spdlog::error("event=http.handler_threw method={} path={} error=unknown",
                  logfmt_value(request.method), logfmt_value(path_for_log(request.path)));
  }
  return HttpResponse::error_json(500, "internal server error; it has been logged");
}

void Core::observe(const HttpRequest& request, int status) const {
  if (!observer) return;
  try {
    observer(request, status);
  } catch (const std::exception& e) {
    spdlog::error("event=http.observer_threw error={}", logfmt_value(e.what()));
  }
}

}  // namespace

struct HttpServer::Impl final : Core {
  using Core::Core;
};

HttpServer::HttpServer(HttpServerOptions options, HttpHandler handler, HttpObserver observer)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(observer))) {}

HttpServer::~HttpServer() {
  stop();
  wait();
}

Status HttpServer::start() {
  if (impl_->started.exchange(true)) return Error::Conflict("the HTTP server was already started");
  if (impl_->stopping) return Error::Conflict("the HTTP server was stopped; create a new one");
  if (Status s = impl_->listen(); !s.ok()) return s;
  impl_->do_accept();
  const MutexLock lock(impl_->threads_mutex);
  const int n = std::max(1, impl_->options.threads);
  for (int i = 0; i < n; ++i) {
    impl_->threads.emplace_back([core = impl_.get()] {
      while (true) {
        try {
          core->ioc.run();
          return;
        } catch (const std::exception& e) {
          spdlog::error("event=http.io_thread_threw error={}", logfmt_value(e.what()));
        }
      }
    });
  }
  spdlog::info("event=http.listening endpoint={}",
               logfmt_value(endpoint_text(impl_->options.address, impl_->bound_port.load())));
  return Ok();
}

int HttpServer::port() const { return impl_->bound_port.load(); }

void HttpServer::stop() {
  if (impl_->stopping.exchange(true)) return;
  if (impl_->bound_port.load() == 0) return;  // never listened
  impl_->begin_shutdown();
}

void HttpServer::wait() {
  std::vector<std::thread> threads;
  {
    const MutexLock lock(impl_->threads_mutex);
    threads.swap(impl_->threads);
  }
  for (auto& t : threads) {
    if (t.get_id() == std::this_thread::get_id()) {
      spdlog::error("event=http.wait_on_server_thread reason=\"not joining itself\"");
      t.detach();
    } else {
      t.join();
    }
  }
  // Streams cut short by a forced stop: their producers may not post any more.
  std::vector<std::shared_ptr<Session>> left;
  {
    const MutexLock lock(impl_->sessions_mutex);
    for (const auto& [ptr, weak] : impl_->sessions) {
      if (auto s = weak.lock()) left.push_back(std::move(s));
    }
  }
  for (const auto& s : left) s->seal_stream();
}

std::string event_frame(std::string_view event, std::string_view data) {
  std::string out;
  if (!event.empty()) out += fmt::format("event: {}\n", event);
  std::size_t start = 0;
  while (true) {
    const std::size_t end = data.find_first_of("\r\n", start);
    out += "data: ";
    out += data.substr(start, end == std::string_view::npos ? end : end - start);
    out += '\n';
    if (end == std::string_view::npos) break;
    start = end + (data.compare(end, 2, "\r\n") == 0 ? 2 : 1);
  }
  out += '\n';
  return out;
}

}  // namespace noodbel
