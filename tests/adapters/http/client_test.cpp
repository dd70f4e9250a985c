#include "adapters/http/client.h"

#include <sys/socket.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include "adapters/http/server.h"

namespace noodbel {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// --- parse_url ---

TEST(ParseUrl, SplitsSchemeHostPortAndTarget) {
  const auto url = parse_url("HTTPS://Api.Telegram.org:8443/bot1:abc/getMe?x=1#frag");
  ASSERT_TRUE(url.ok()) << url.error().message;
  EXPECT_EQ(url->scheme, "https");
  EXPECT_EQ(url->host, "api.telegram.org");
  EXPECT_EQ(url->port, 8443);
  EXPECT_EQ(url->target, "/bot1:abc/getMe?x=1");
}

TEST(ParseUrl, DefaultsThePortAndTheTarget) {
  const auto https = parse_url("https://example.org");
  ASSERT_TRUE(https.ok());
  EXPECT_EQ(https->port, 443);
  EXPECT_EQ(https->target, "/");
  const auto http = parse_url("http://127.0.0.1?a=b");
  ASSERT_TRUE(http.ok());
  EXPECT_EQ(http->port, 80);
  EXPECT_EQ(http->target, "/?a=b");
}

TEST(ParseUrl, AcceptsIpv6InBrackets) {
  const auto url = parse_url("http://[::1]:8080/x");
  ASSERT_TRUE(url.ok()) << url.error().message;
  EXPECT_EQ(url->host, "::1");
  EXPECT_EQ(url->port, 8080);
  EXPECT_FALSE(parse_url("http://[::1/x").ok());
  EXPECT_FALSE(parse_url("http://[zz]/x").ok());
}

TEST(ParseUrl, RefusesMalformedUrlsSayingWhatIsWrong) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"api.telegram.org/bot", "must start with http:// or https://"},
      {"ftp://example.org/", "scheme 'ftp' is not supported"},
      {"https:///path", "no host name"},
      {"https://example.org:0/", "port '0' must be a number from 1 to 65535"},
      {"https://example.org:65536/", "must be a number from 1 to 65535"},
      {"https://example.org:http/", "port 'http'"},
      {"https://user:pw@example.org/", "user:password@ is not supported"},
      {"https://exa mple.org/", "space or control character"},
      {"https://exa$mple.org/", "may only hold letters, digits"},
  };
  for (const auto& [text, expected] : cases) {
    const auto url = parse_url(text);
    ASSERT_FALSE(url.ok()) << text;
    EXPECT_EQ(url.error().kind, ErrorKind::kInvalidInput) << text;
    EXPECT_TRUE(contains(url.error().message, expected)) << text << " -> " << url.error().message;
  }
}

TEST(ParseUrl, ErrorsNeverRepeatThePathWhichMayHoldAToken) {
  const auto url = parse_url("https://example.org:99999/bot123456:SECRET-TOKEN/sendMessage");
  ASSERT_FALSE(url.ok());
  EXPECT_FALSE(contains(url.error().message, "SECRET")) << url.error().message;
}

// --- against the project's own HttpServer (plain HTTP) ---

class HttpClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    HttpServerOptions o;
    o.threads = 1;
    server_ = std::make_unique<HttpServer>(o, [this](const HttpRequest& r) {
      {
        const std::lock_guard lock(mu_);
        seen_.push_back(r);
      }
      if (r.path == "/big") return HttpResponse::text(200, std::string(5000, 'x'));
      if (r.path == "/missing") return HttpResponse::error_json(404, "no such thing");
      return HttpResponse::text(201, "echo:" + r.body).with_header("X-Reply", "yes");
    });
    ASSERT_TRUE(server_->start().ok());
  }

  std::string base() const { return "http://127.0.0.1:" + std::to_string(server_->port()); }

  std::vector<HttpRequest> seen() {
    const std::lock_guard lock(mu_);
    return seen_;
  }

  std::mutex mu_;
  std::vector<HttpRequest> seen_;
  std::unique_ptr<HttpServer> server_;
};

TEST_F(HttpClientTest, SendsMethodTargetHeadersAndBodyAndReadsTheResponse) {
  auto client = make_http_client();
  ClientRequest r;
  r.method = "POST";
  r.url = base() + "/hook/x?a=1&b=two";
  r.headers = {{"Content-Type", "application/json"}, {"X-Custom", "v1"}};
  r.body = R"({"k":1})";
  const auto res = client->send(r);
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ(res->status, 201);
  EXPECT_EQ(res->body, R"(echo:{"k":1})");
  EXPECT_EQ(res->headers.at("x-reply"), "yes");
  const auto requests = seen();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].path, "/hook/x");
  EXPECT_EQ(requests[0].query_param("b"), "two");
  EXPECT_EQ(requests[0].header("x-custom"), "v1");
  EXPECT_EQ(requests[0].header("content-type"), "application/json");
  EXPECT_EQ(requests[0].header("host"), "127.0.0.1:" + std::to_string(server_->port()));
  EXPECT_TRUE(contains(requests[0].header("user-agent").value_or(""), "noodbel/"));
}

TEST_F(HttpClientTest, AnErrorStatusIsAResponseNotAnError) {
  auto client = make_http_client();
  const auto res = client->send({"GET", base() + "/missing", {}, {}});
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ(res->status, 404);
  EXPECT_TRUE(contains(res->body, "no such thing"));
}

TEST_F(HttpClientTest, ManySequentialRequestsSucceedOverKeptAliveConnections) {
  auto client = make_http_client();
  for (int i = 0; i < 20; ++i) {
    const auto res = client->send({"POST", base() + "/n", {}, std::to_string(i)});
    ASSERT_TRUE(res.ok()) << res.error().message;
    EXPECT_EQ(res->body, "echo:" + std::to_string(i));
  }
  EXPECT_EQ(seen().size(), 20u);
}

TEST_F(HttpClientTest, ConcurrentCallersEachGetTheirOwnAnswer) {
  auto client = make_http_client();
  std::atomic<int> good{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        const std::string body = std::to_string(t) + "-" + std::to_string(i);
        const auto res = client->send({"POST", base() + "/c", {}, body});
        if (res.ok() && res->body == "echo:" + body) ++good;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(good.load(), 40);
}

TEST_F(HttpClientTest, AResponseOverTheLimitIsUnavailable) {
  HttpClientOptions o;
  o.max_response_bytes = 1000;
  auto client = make_http_client(o);
  const auto res = client->send({"GET", base() + "/big", {}, {}});
  ASSERT_FALSE(res.ok()) << res->status << " " << res->body.size();
  EXPECT_EQ(res.error().kind, ErrorKind::kUnavailable);
  EXPECT_TRUE(contains(res.error().message, "larger than the limit of 1000 bytes")) << res.error().message;
}

TEST_F(HttpClientTest, AHeaderWithALineBreakIsRefusedBeforeSending) {
  auto client = make_http_client();
  ClientRequest r{"GET", base() + "/x", {{"X-Evil", "a\r\nInjected: 1"}}, {}};
  const auto res = client->send(r);
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, ErrorKind::kInvalidInput);
  EXPECT_TRUE(contains(res.error().message, "X-Evil"));
  EXPECT_TRUE(seen().empty());
}

TEST_F(HttpClientTest, AMalformedUrlIsInvalid) {
  auto client = make_http_client();
  const auto res = client->send({"GET", "localhost:8080/x", {}, {}});
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, ErrorKind::kInvalidInput);
}

// A port nobody listens on: bound then closed again.
int unused_port() {
  net::io_context ioc;
  tcp::acceptor a(ioc, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
  return a.local_endpoint().port();
}

TEST(HttpClient, ARefusedConnectionIsUnavailableNamingHostAndReason) {
  auto client = make_http_client();
  const int port = unused_port();
  const auto res = client->send({"GET", "http://127.0.0.1:" + std::to_string(port) + "/", {}, {}});
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, ErrorKind::kUnavailable);
  EXPECT_TRUE(contains(res.error().message, "cannot connect to 127.0.0.1:" + std::to_string(port)))
      << res.error().message;
  EXPECT_TRUE(contains(res.error().message, "refused")) << res.error().message;
}

TEST(HttpClient, AnUnknownHostIsUnavailable) {
  auto client = make_http_client();
  const auto res = client->send({"GET", "http://no-such-host.invalid/", {}, {}});
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, ErrorKind::kUnavailable);
  EXPECT_TRUE(contains(res.error().message, "DNS lookup of no-such-host.invalid failed"))
      << res.error().message;
}

// --- a scripted server for what HttpServer cannot show: connection counts, silent
// closes, silence, and TLS ---

class ScriptedServer {
 public:
  enum class Mode {
    kKeepAlive,      // answers and keeps the connection
    kCloseSilently,  // answers as keep-alive, then closes the connection anyway
    kNeverAnswer,    // reads the request and says nothing
  };

  explicit ScriptedServer(Mode mode, ssl::context* tls = nullptr)
      : mode_(mode), tls_(tls), acceptor_(ioc_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0)) {
    thread_ = std::thread([this] { run(); });
  }

  ~ScriptedServer() {
    {
      const std::lock_guard lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    if (const int fd = current_fd_.load(); fd >= 0) ::shutdown(fd, SHUT_RDWR);
    beast::error_code ec;
    tcp::socket wake(ioc_);
    wake.connect(acceptor_.local_endpoint(), ec);
    thread_.join();
  }

  int port() const { return acceptor_.local_endpoint().port(); }
  int accepted() const { return accepted_.load(); }
  int answered() const { return answered_.load(); }
  std::string server_name() {
    const std::lock_guard lock(mu_);
    return server_name_;
  }

 private:
  bool stopping() {
    const std::lock_guard lock(mu_);
    return stopping_;
  }

  void run() {
    while (!stopping()) {
      tcp::socket socket(ioc_);
      beast::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec || stopping()) break;
      ++accepted_;
      current_fd_ = socket.native_handle();
      if (tls_ != nullptr) {
        ssl::stream<tcp::socket&> stream(socket, *tls_);
        stream.handshake(ssl::stream_base::server, ec);
        if (const char* sni = SSL_get_servername(stream.native_handle(), TLSEXT_NAMETYPE_host_name)) {
          const std::lock_guard lock(mu_);
          server_name_ = sni;
        }
        if (!ec) serve(stream);
      } else {
        serve(socket);
      }
      current_fd_ = -1;
    }
  }

  template <class Stream>
  void serve(Stream& stream) {
    beast::flat_buffer buffer;
    while (true) {
      http::request<http::string_body> req;
      beast::error_code ec;
      http::read(stream, buffer, req, ec);
      if (ec) return;
      if (mode_ == Mode::kNeverAnswer) {
        std::unique_lock lock(mu_);
        cv_.wait(lock, [this] { return stopping_; });
        return;
      }
      http::response<http::string_body> res{http::status::ok, 11};
      res.body() = "hello " + std::string(req.target());
      res.keep_alive(true);
      res.prepare_payload();
      http::write(stream, res, ec);
      ++answered_;
      if (ec || mode_ == Mode::kCloseSilently) return;
    }
  }

  const Mode mode_;
  ssl::context* tls_;
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  std::atomic<int> accepted_{0};
  std::atomic<int> answered_{0};
  std::atomic<int> current_fd_{-1};
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;    // GUARDED_BY(mu_)
  std::string server_name_;  // GUARDED_BY(mu_)
  std::thread thread_;
};

std::string url_of(const ScriptedServer& s, const std::string& host = "127.0.0.1",
                   const std::string& scheme = "http") {
  return scheme + "://" + host + ":" + std::to_string(s.port());
}

TEST(HttpClient, ReusesAKeptAliveConnectionForTheSameHost) {
  ScriptedServer server(ScriptedServer::Mode::kKeepAlive);
  auto client = make_http_client();
  for (int i = 0; i < 3; ++i) {
    const auto res = client->send({"GET", url_of(server) + "/r" + std::to_string(i), {}, {}});
    ASSERT_TRUE(res.ok()) << res.error().message;
    EXPECT_EQ(res->body, "hello /r" + std::to_string(i));
  }
  EXPECT_EQ(server.accepted(), 1);
}

TEST(HttpClient, RetriesOnceOnAFreshConnectionWhenTheIdleOneWasClosed) {
  ScriptedServer server(ScriptedServer::Mode::kCloseSilently);
  auto client = make_http_client();
  ASSERT_TRUE(client->send({"GET", url_of(server) + "/a", {}, {}}).ok());
  const auto res = client->send({"GET", url_of(server) + "/b", {}, {}});
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ(res->body, "hello /b");
  EXPECT_EQ(server.accepted(), 2);
  EXPECT_EQ(server.answered(), 2);
}

TEST(HttpClient, ASilentServerTimesOutAsUnavailable) {
  ScriptedServer server(ScriptedServer::Mode::kNeverAnswer);
  HttpClientOptions o;
  o.io_timeout = std::chrono::milliseconds(100);
  auto client = make_http_client(o);
  const auto res = client->send({"GET", url_of(server) + "/slow", {}, {}});
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, ErrorKind::kUnavailable);
  EXPECT_TRUE(contains(res.error().message, "timed out after 100 ms")) << res.error().message;
}

TEST(HttpClient, TheCancelFlagEndsAWaitingCall) {
  ScriptedServer server(ScriptedServer::Mode::kNeverAnswer);
  auto client = make_http_client();  // 15 s io timeout: the flag must end it first
  const std::atomic<bool> cancel{true};
  ClientRequest r{"GET", url_of(server) + "/poll", {}, {}};
  r.cancel = &cancel;
  const auto started = std::chrono::steady_clock::now();
  const auto res = client->send(r);
  ASSERT_FALSE(res.ok());
  EXPECT_TRUE(contains(res.error().message, "cancelled")) << res.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

// --- TLS, with a CA and server certificates made here ---

using KeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using CertPtr = std::unique_ptr<X509, decltype(&X509_free)>;

void add_ext(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  ASSERT_NE(ext, nullptr) << value;
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
}

// A certificate for `key`, signed by issuer_key (self-signed when issuer is null).
CertPtr make_cert(EVP_PKEY* key, const char* cn, X509* issuer, EVP_PKEY* issuer_key,
                  const char* san, long serial) {
  CertPtr cert(X509_new(), X509_free);
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
  X509_set_pubkey(cert.get(), key);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(cn), -1, -1, 0);
  X509* signer = issuer != nullptr ? issuer : cert.get();
  X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
  if (san == nullptr) {
    add_ext(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
    add_ext(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_ext(cert.get(), signer, NID_basic_constraints, "CA:FALSE");
    add_ext(cert.get(), signer, NID_subject_alt_name, san);
  }
  X509_sign(cert.get(), issuer_key != nullptr ? issuer_key : key, EVP_sha256());
  return cert;
}

std::string pem_of(X509* cert) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, cert);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<std::size_t>(n));
  BIO_free(bio);
  return out;
}

std::string pem_of(EVP_PKEY* key) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  std::string out(data, static_cast<std::size_t>(n));
  BIO_free(bio);
  return out;
}

class HttpClientTls : public ::testing::Test {
 protected:
  void SetUp() override {
    KeyPtr ca_key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    KeyPtr server_key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    ASSERT_TRUE(ca_key && server_key);
    CertPtr ca = make_cert(ca_key.get(), "Noodbel Test CA", nullptr, nullptr, nullptr, 1);
    CertPtr leaf = make_cert(server_key.get(), "localhost", ca.get(), ca_key.get(),
                             "DNS:localhost", 2);
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("noodbel-tls-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    ca_file_ = (dir_ / "ca.pem").string();
    std::ofstream(ca_file_) << pem_of(ca.get());
    server_tls_.use_certificate_chain(net::buffer(pem_of(leaf.get())));
    server_tls_.use_private_key(net::buffer(pem_of(server_key.get())), ssl::context::pem);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  std::filesystem::path dir_;
  std::string ca_file_;
  ssl::context server_tls_{ssl::context::tls_server};
};

TEST_F(HttpClientTls, TrustedCertificateForTheRightHostSucceedsWithSni) {
  ScriptedServer server(ScriptedServer::Mode::kKeepAlive, &server_tls_);
  HttpClientOptions o;
  o.ca_file = ca_file_;
  auto client = make_http_client(o);
  for (int i = 0; i < 2; ++i) {
    const auto res = client->send({"GET", url_of(server, "localhost", "https") + "/tls", {}, {}});
    ASSERT_TRUE(res.ok()) << res.error().message;
    EXPECT_EQ(res->body, "hello /tls");
  }
  EXPECT_EQ(server.accepted(), 1);
  EXPECT_EQ(server.server_name(), "localhost");
}

TEST_F(HttpClientTls, WithoutTheCaFileVerificationFailsNamingTheReason) {
  ScriptedServer server(ScriptedServer::Mode::kKeepAlive, &server_tls_);
  auto client = make_http_client();
  const auto res = client->send({"GET", url_of(server, "localhost", "https") + "/", {}, {}});
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, ErrorKind::kUnavailable);
  EXPECT_TRUE(contains(res.error().message, "TLS handshake with localhost:")) << res.error().message;
  EXPECT_TRUE(contains(res.error().message, "certificate verify failed: unable to get local issuer"))
      << res.error().message;
  EXPECT_EQ(server.answered(), 0);
}

TEST_F(HttpClientTls, ACertificateForAnotherHostIsRefused) {
  ScriptedServer server(ScriptedServer::Mode::kKeepAlive, &server_tls_);
  HttpClientOptions o;
  o.ca_file = ca_file_;
  auto client = make_http_client(o);
  const auto res = client->send({"GET", url_of(server, "127.0.0.1", "https") + "/", {}, {}});
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, ErrorKind::kUnavailable);
  EXPECT_TRUE(contains(res.error().message, "certificate verify failed: IP address mismatch"))
      << res.error().message;
  EXPECT_EQ(server.answered(), 0);
}

TEST_F(HttpClientTls, AnUnreadableCaFileIsInvalidForHttpsCalls) {
  HttpClientOptions o;
  o.ca_file = (dir_ / "missing.pem").string();
  auto client = make_http_client(o);
  const auto res = client->send({"GET", "https://localhost:1/", {}, {}});
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().kind, ErrorKind::kInvalidInput);
  EXPECT_TRUE(contains(res.error().message, "missing.pem")) << res.error().message;
}

}  // namespace
}  // namespace noodbel
