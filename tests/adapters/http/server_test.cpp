#include "adapters/http/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <condition_variable>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace noodbel {
namespace {

struct RawReply {
  int status = 0;  // 0: the connection ended before a status line
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;

  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// A blocking HTTP client on a plain POSIX socket; reads time out after 5 s so a broken
// server fails the test instead of hanging it.
class RawClient {
 public:
  explicit RawClient(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    timeval tv{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawClient() { ::close(fd_); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return connected_; }

  void send(const std::string& bytes) {
    std::size_t off = 0;
    while (off < bytes.size()) {
      const ssize_t n = ::send(fd_, bytes.data() + off, bytes.size() - off, MSG_NOSIGNAL);
      if (n <= 0) return;
      off += static_cast<std::size_t>(n);
    }
  }

  RawReply read_reply() {
    RawReply reply;
    std::size_t end = 0;
    while ((end = buf_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill()) return reply;
    }
    const std::string head = buf_.substr(0, end);
    buf_.erase(0, end + 4);
    reply.status = std::stoi(head.substr(9, 3));
    std::size_t pos = head.find("\r\n");
    while (pos != std::string::npos) {
      const std::size_t next = head.find("\r\n", pos + 2);
      const std::string line = head.substr(pos + 2, next == std::string::npos ? next : next - pos - 2);
      const std::size_t colon = line.find(':');
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      reply.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
      pos = next;
    }
    const std::size_t length = std::stoul(reply.headers["content-length"]);
    while (buf_.size() < length) {
      if (!fill()) return reply;
    }
    reply.body = buf_.substr(0, length);
    buf_.erase(0, length);
    return reply;
  }

  // True when the server closed the connection (EOF) with nothing left to read.
  bool closed_by_server() { return buf_.empty() && !fill(); }

 private:
  bool fill() {
    char chunk[4096];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buf_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int fd_;
  bool connected_ = false;
  std::string buf_;
};

std::string get(const std::string& target, const std::string& extra = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + extra + "\r\n";
}

HttpServerOptions test_options() {
  HttpServerOptions o;
  o.port = 0;
  o.threads = 2;
  o.body_limit = 64;
  return o;
}

HttpResponse echo(const HttpRequest& r) {
  return HttpResponse::text(200, r.method + " " + r.path + " " + r.body);
}

TEST(HttpServer, StartsOnAFreePortAndServesTheHandlerResponse) {
  std::mutex mu;
  HttpRequest seen;
  HttpServer server(test_options(), [&](const HttpRequest& r) {
    const std::lock_guard lock(mu);
    seen = r;
    return HttpResponse::text(200, "hallo").with_header("X-Noodbel", "1");
  });
  ASSERT_TRUE(server.start().ok());
  ASSERT_GT(server.port(), 0);

  RawClient client(server.port());
  ASSERT_TRUE(client.connected());
  client.send(get("/board/K%2042?t=a+b&t=c", "X-Custom: Yes\r\n"));
  const RawReply reply = client.read_reply();
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "hallo");
  EXPECT_EQ(reply.header("x-noodbel"), "1");
  EXPECT_EQ(reply.header("content-type"), "text/plain; charset=utf-8");

  const std::lock_guard lock(mu);
  EXPECT_EQ(seen.method, "GET");
  EXPECT_EQ(seen.target, "/board/K%2042?t=a+b&t=c");
  EXPECT_EQ(seen.path, "/board/K 42");
  EXPECT_EQ(seen.query_param("t"), "a b");
  EXPECT_EQ(seen.header("X-CUSTOM"), "Yes");
  EXPECT_EQ(seen.remote_address, "127.0.0.1");
}

TEST(HttpServer, OversizedBodyGets413AndTheConnectionCloses) {
  std::atomic<int> calls{0};
  HttpServer server(test_options(), [&](const HttpRequest& r) {
    ++calls;
    return echo(r);
  });
  ASSERT_TRUE(server.start().ok());
  RawClient client(server.port());
  client.send("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 1000\r\n\r\n");
  const RawReply reply = client.read_reply();
  EXPECT_EQ(reply.status, 413);
  EXPECT_NE(reply.body.find("limit of 64 bytes"), std::string::npos);
  EXPECT_EQ(reply.header("content-type"), "application/json");
  EXPECT_TRUE(client.closed_by_server());
  EXPECT_EQ(calls.load(), 0);
}

TEST(HttpServer, MalformedRequestLineGets400) {
  HttpServer server(test_options(), echo);
  ASSERT_TRUE(server.start().ok());
  RawClient client(server.port());
  client.send("THIS IS NOT HTTP\r\n\r\n");
  const RawReply reply = client.read_reply();
  EXPECT_EQ(reply.status, 400);
  EXPECT_NE(reply.body.find("malformed HTTP request"), std::string::npos);
  EXPECT_TRUE(client.closed_by_server());
}

TEST(HttpServer, BadPercentEncodingInTargetGets400) {
  HttpServer server(test_options(), echo);
  ASSERT_TRUE(server.start().ok());
  RawClient client(server.port());
  client.send(get("/a%zz"));
  const RawReply reply = client.read_reply();
  EXPECT_EQ(reply.status, 400);
  EXPECT_NE(reply.body.find("percent-encoding"), std::string::npos);
}

TEST(HttpServer, KeepAliveServesTwoRequestsOnOneConnection) {
  HttpServer server(test_options(), echo);
  ASSERT_TRUE(server.start().ok());
  RawClient client(server.port());
  client.send(get("/one"));
  const RawReply first = client.read_reply();
  client.send("POST /two HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nbody");
  const RawReply second = client.read_reply();
  EXPECT_EQ(first.status, 200);
  EXPECT_EQ(first.body, "GET /one ");
  EXPECT_EQ(second.status, 200);
  EXPECT_EQ(second.body, "POST /two body");
  EXPECT_NE(first.header("connection"), "close");
}

TEST(HttpServer, ConnectionCloseIsHonoured) {
  HttpServer server(test_options(), echo);
  ASSERT_TRUE(server.start().ok());
  RawClient client(server.port());
  client.send(get("/bye", "Connection: close\r\n"));
  EXPECT_EQ(client.read_reply().status, 200);
  EXPECT_TRUE(client.closed_by_server());
}

TEST(HttpServer, ThrowingHandlerGets500AndTheServerKeepsServing) {
  HttpServer server(test_options(), [](const HttpRequest& r) -> HttpResponse {
    if (r.path == "/boom") throw std::runtime_error("boom");
    return echo(r);
  });
  ASSERT_TRUE(server.start().ok());
  RawClient client(server.port());
  client.send(get("/boom"));
  EXPECT_EQ(client.read_reply().status, 500);
  RawClient again(server.port());
  again.send(get("/fine"));
  EXPECT_EQ(again.read_reply().status, 200);
}

TEST(HttpServer, ObserverSeesEveryStatusIncludingErrors) {
  std::mutex mu;
  std::vector<int> statuses;
  HttpServer server(test_options(), echo, [&](const HttpRequest&, int status) {
    const std::lock_guard lock(mu);
    statuses.push_back(status);
  });
  ASSERT_TRUE(server.start().ok());
  {
    RawClient client(server.port());
    client.send(get("/ok"));
    EXPECT_EQ(client.read_reply().status, 200);
    client.send("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 1000\r\n\r\n");
    EXPECT_EQ(client.read_reply().status, 413);
  }
  const std::lock_guard lock(mu);
  EXPECT_EQ(statuses, (std::vector<int>{200, 413}));
}

TEST(HttpServer, ConnectionsOverTheCapGet503) {
  HttpServerOptions options = test_options();
  options.max_connections = 1;
  HttpServer server(options, echo);
  ASSERT_TRUE(server.start().ok());
  RawClient first(server.port());
  first.send(get("/a"));
  ASSERT_EQ(first.read_reply().status, 200);  // first is accepted and stays open

  RawClient second(server.port());
  second.send(get("/b"));
  const RawReply reply = second.read_reply();
  EXPECT_EQ(reply.status, 503);
  EXPECT_NE(reply.body.find("too many open connections"), std::string::npos);
  EXPECT_EQ(reply.header("retry-after"), "5");
  EXPECT_TRUE(second.closed_by_server());
}

TEST(HttpServer, A503GetsRetryAfterUnlessItsHandlerSetOne) {
  HttpServer server(test_options(), [](const HttpRequest& r) {
    HttpResponse out = HttpResponse::error_json(r.path == "/ok" ? 200 : 503, "not stored");
    if (r.path == "/own") out.with_header("Retry-After", "30");
    return out;
  });
  ASSERT_TRUE(server.start().ok());
  RawClient client(server.port());
  client.send(get("/full") + get("/own") + get("/ok"));
  const RawReply full = client.read_reply();
  EXPECT_EQ(full.status, 503);
  EXPECT_EQ(full.header("retry-after"), "5");
  EXPECT_EQ(client.read_reply().header("retry-after"), "30");
  const RawReply ok = client.read_reply();
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.headers.count("retry-after"), 0u);
}

TEST(HttpServer, SecondServerOnTheSamePortReportsAddressAndReason) {
  HttpServer first(test_options(), echo);
  ASSERT_TRUE(first.start().ok());
  HttpServerOptions options = test_options();
  options.port = first.port();
  HttpServer second(options, echo);
  const Status s = second.start();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("127.0.0.1:" + std::to_string(first.port())),
            std::string::npos);
  EXPECT_NE(s.error().message.find("bind"), std::string::npos);
  EXPECT_EQ(second.port(), 0);
}

TEST(HttpServer, InvalidAddressIsRefusedWithAHint) {
  HttpServerOptions options = test_options();
  options.address = "localhost:80";
  HttpServer server(options, echo);
  const Status s = server.start();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(s.error().message.find("is not an IP address"), std::string::npos);
}

TEST(HttpServer, StopWhileIdleReturnsAndClosesIdleConnections) {
  HttpServer server(test_options(), echo);
  ASSERT_TRUE(server.start().ok());
  RawClient idle(server.port());
  idle.send(get("/a"));
  ASSERT_EQ(idle.read_reply().status, 200);
  server.stop();
  server.wait();  // returns: no request in flight, idle keep-alive closed
  EXPECT_TRUE(idle.closed_by_server());
  RawClient late(server.port());
  EXPECT_FALSE(late.connected());
}

TEST(HttpServer, StopLetsAnInFlightRequestFinish) {
  std::mutex mu;
  std::condition_variable cv;
  bool entered = false;
  bool release = false;
  HttpServer server(test_options(), [&](const HttpRequest& r) {
    std::unique_lock lock(mu);
    entered = true;
    cv.notify_all();
    cv.wait(lock, [&] { return release; });
    return echo(r);
  });
  ASSERT_TRUE(server.start().ok());
  RawClient client(server.port());
  client.send(get("/slow"));
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return entered; });
  }
  server.stop();
  {
    const std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  const RawReply reply = client.read_reply();
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body, "GET /slow ");
  EXPECT_EQ(reply.header("connection"), "close");
  server.wait();
}

TEST(HttpServer, StopBeforeStartAndTwiceIsHarmless) {
  HttpServer server(test_options(), echo);
  server.stop();
  server.stop();
  server.wait();
  EXPECT_FALSE(server.start().ok());  // a stopped server is not restarted
}

}  // namespace
}  // namespace noodbel
