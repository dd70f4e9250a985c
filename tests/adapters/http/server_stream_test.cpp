// Server-sent-event streams of HttpServer (HttpResponse::events): header, pushed frames,
// keep-alive comments, client disconnect, stop(), and the connection limit.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "adapters/http/server.h"

namespace noodbel {
namespace {

using namespace std::chrono_literals;

// A blocking client on a POSIX socket; reads time out after 5 s so a broken server fails
// the test instead of hanging it.
class StreamClient {
 public:
  explicit StreamClient(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    timeval tv{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~StreamClient() { close(); }
  StreamClient(const StreamClient&) = delete;
  StreamClient& operator=(const StreamClient&) = delete;

  bool connected() const { return connected_; }
  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  void get(const std::string& target) {
    const std::string req = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
    ::send(fd_, req.data(), req.size(), MSG_NOSIGNAL);
  }
  // Reads until `text` arrived; false on EOF or timeout.
  bool read_until(const std::string& text) {
    while (received_.find(text) == std::string::npos) {
      if (!fill()) return false;
    }
    return true;
  }
  // True when the server closed the connection; reads whatever is left first.
  bool ends() {
    while (fill()) {
    }
    return eof_;
  }
  const std::string& received() const { return received_; }

 private:
  bool fill() {
    char chunk[4096];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n == 0) eof_ = true;
    if (n <= 0) return false;
    received_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }
  int fd_;
  bool connected_ = false;
  bool eof_ = false;
  std::string received_;
};

// Hands the sink of the one stream to the test.
class SinkBox {
 public:
  EventStreamStart starter() {
    return [this](std::shared_ptr<EventSink> sink) {
      const std::lock_guard lock(mu_);
      sink_ = std::move(sink);
      cv_.notify_all();
    };
  }
  std::shared_ptr<EventSink> wait() {
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, 5s, [&] { return sink_ != nullptr; });
    return sink_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::shared_ptr<EventSink> sink_;
};

HttpServerOptions options() {
  HttpServerOptions o;
  o.port = 0;
  o.threads = 1;  // one I/O thread: a stream must not hold it
  return o;
}

HttpHandler handler(SinkBox& box) {
  return [&box](const HttpRequest& r) {
    if (r.path == "/events") return HttpResponse::events(box.starter());
    return HttpResponse::text(200, "plain");
  };
}

// Waits (without sleeping) until the sink reports the stream ended.
bool becomes_closed(const EventSink& sink) {
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (sink.is_open() && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
  return !sink.is_open();
}

TEST(HttpServerStream, WritesTheHeaderThenEveryPushedFrame) {
  SinkBox box;
  HttpServer server(options(), handler(box));
  ASSERT_TRUE(server.start().ok());
  StreamClient client(server.port());
  client.get("/events");
  ASSERT_TRUE(client.read_until("\r\n\r\n"));
  EXPECT_NE(client.received().find("HTTP/1.1 200 OK"), std::string::npos);
  EXPECT_NE(client.received().find("Content-Type: text/event-stream"), std::string::npos);
  EXPECT_NE(client.received().find("Cache-Control: no-store"), std::string::npos);
  EXPECT_EQ(client.received().find("Content-Length"), std::string::npos);
  const auto sink = box.wait();
  ASSERT_NE(sink, nullptr);
  EXPECT_TRUE(sink->push(event_frame("board", "<p>1</p>")));
  EXPECT_TRUE(sink->push(event_frame("board", "<p>2</p>")));
  EXPECT_TRUE(client.read_until("data: <p>2</p>\n\n"));
  EXPECT_NE(client.received().find("event: board\ndata: <p>1</p>\n\n"), std::string::npos);
}

TEST(HttpServerStream, AnOpenStreamDoesNotHoldTheOnlyIoThread) {
  SinkBox box;
  HttpServer server(options(), handler(box));
  ASSERT_TRUE(server.start().ok());
  StreamClient stream(server.port());
  stream.get("/events");
  ASSERT_NE(box.wait(), nullptr);
  StreamClient other(server.port());
  other.get("/plain");
  EXPECT_TRUE(other.read_until("plain"));
}

TEST(HttpServerStream, IdleStreamGetsKeepAliveComments) {
  SinkBox box;
  HttpServerOptions o = options();
  o.event_keepalive = 20ms;
  HttpServer server(o, handler(box));
  ASSERT_TRUE(server.start().ok());
  StreamClient client(server.port());
  client.get("/events");
  EXPECT_TRUE(client.read_until(": keep-alive\n\n"));
}

TEST(HttpServerStream, ClientLeavingClosesTheSink) {
  SinkBox box;
  HttpServer server(options(), handler(box));
  ASSERT_TRUE(server.start().ok());
  StreamClient client(server.port());
  client.get("/events");
  const auto sink = box.wait();
  ASSERT_NE(sink, nullptr);
  ASSERT_TRUE(client.read_until("\r\n\r\n"));
  client.close();
  EXPECT_TRUE(becomes_closed(*sink));
  EXPECT_FALSE(sink->push(event_frame("board", "late")));
}

TEST(HttpServerStream, ClosingTheSinkEndsTheConnection) {
  SinkBox box;
  HttpServer server(options(), handler(box));
  ASSERT_TRUE(server.start().ok());
  StreamClient client(server.port());
  client.get("/events");
  const auto sink = box.wait();
  ASSERT_NE(sink, nullptr);
  sink->close();
  EXPECT_TRUE(client.ends());
  EXPECT_FALSE(sink->is_open());
}

TEST(HttpServerStream, StopEndsOpenStreamsPromptly) {
  SinkBox box;
  HttpServerOptions o = options();
  o.shutdown_grace = 60s;  // a stream left open would hold wait() this long
  HttpServer server(o, handler(box));
  ASSERT_TRUE(server.start().ok());
  StreamClient client(server.port());
  client.get("/events");
  const auto sink = box.wait();
  ASSERT_NE(sink, nullptr);
  const auto started = std::chrono::steady_clock::now();
  server.stop();
  server.wait();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);
  EXPECT_TRUE(client.ends());
  EXPECT_FALSE(sink->is_open());
  EXPECT_FALSE(sink->push(event_frame("board", "after stop")));
}

TEST(HttpServerStream, OpenStreamsCountAgainstMaxConnections) {
  SinkBox box;
  HttpServerOptions o = options();
  o.max_connections = 1;
  HttpServer server(o, handler(box));
  ASSERT_TRUE(server.start().ok());
  StreamClient stream(server.port());
  stream.get("/events");
  ASSERT_NE(box.wait(), nullptr);
  StreamClient second(server.port());
  second.get("/plain");
  EXPECT_TRUE(second.read_until("503"));
}

TEST(HttpServerStream, EventFrameSplitsLinesIntoDataFields) {
  EXPECT_EQ(event_frame("board", "a\nb\r\nc\rd"), "event: board\ndata: a\ndata: b\ndata: c\ndata: d\n\n");
  EXPECT_EQ(event_frame("", "x"), "data: x\n\n");
  EXPECT_EQ(event_frame("e", ""), "event: e\ndata: \n\n");
}

}  // namespace
}  // namespace noodbel
