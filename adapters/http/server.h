// HttpServer: Noodbel's one HTTP/1.1 server (Boost.Beast, hidden behind this header).
// Reads requests with limits, hands each to a handler as an HttpRequest, writes back
// the HttpResponse (a 503 without Retry-After gets "Retry-After: 5", so providers and
// clients come back). start()/stop()/wait() may be called from any thread, except that
// wait() and the destructor must not run on a server thread (inside a handler).
// Streaming: a handler may return HttpResponse::events(start) (server-sent events); the
// server keeps that connection open without holding an I/O thread (see EventSink).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "adapters/http/http_types.h"
#include "bot/result.h"

namespace noodbel {

struct HttpServerOptions {
  std::string address = "127.0.0.1";
  int port = 0;                             // 0: pick a free port (see port())
  std::size_t body_limit = 64 * 1024;       // larger bodies get 413
  std::chrono::milliseconds read_timeout{10'000};  // per read and per write
  int max_connections = 512;                // more concurrent connections get 503
  int threads = 2;                          // I/O threads; handlers run on them
  std::chrono::milliseconds shutdown_grace{5'000};  // in-flight requests may finish
  std::chrono::milliseconds event_keepalive{15'000};  // ": keep-alive" comment on idle streams
  std::size_t event_queue_limit = 64;  // frames queued for a slow stream client; more ends it
};

// Called for every request on a server thread; may block (SQLite) but briefly.
using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;
// Called after every response is produced (also 400/413/503), e.g. for metrics.
using HttpObserver = std::function<void(const HttpRequest&, int status)>;

// One server-sent-events frame: "event: NAME\n" (when not empty), then one "data: " line
// per line of `data` ("\r\n", "\r" and "\n" all split), then a blank line.
std::string event_frame(std::string_view event, std::string_view data);

class HttpServer {
 public:
  HttpServer(HttpServerOptions options, HttpHandler handler, HttpObserver observer = {});
  ~HttpServer();  // stop() and wait()
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds, listens and starts the I/O threads. The error names the address and the
  // reason ("cannot listen on 127.0.0.1:8080: Address already in use").
  Status start();
  // The bound port (useful with port 0); 0 before a successful start().
  int port() const;
  // Graceful: stops accepting, closes idle connections, lets in-flight requests finish
  // until shutdown_grace, then closes everything. Returns at once; idempotent.
  void stop();
  // Blocks until the I/O threads have ended (after stop()).
  void wait();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace noodbel
