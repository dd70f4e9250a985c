// HttpClient: Noodbel's outbound HTTP(S) client for provider APIs (Telegram, Twilio,
// Kannel, signal-cli). Blocking calls, meant for dispatcher worker threads; keeps
// connections alive per host; TLS with peer and host-name verification, never switched
// off. Thread-safe: concurrent send() calls are allowed (each uses its own connection).
// Beast stays hidden in client.cpp.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bot/result.h"

namespace noodbel {

struct ClientRequest {
  std::string method = "GET";
  std::string url;  // "https://api.telegram.org/bot…/sendMessage", "http://127.0.0.1:13013/…"
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // Per-request override of HttpClientOptions::io_timeout (e.g. a long poll); 0: default.
  std::chrono::milliseconds io_timeout{0};
  // When set and it turns true, the call ends within ~50 ms with Error::Unavailable
  // ("cancelled"). Must outlive the call. Used to stop long polls promptly.
  const std::atomic<bool>* cancel = nullptr;
};

struct ClientResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

struct HttpClientOptions {
  std::chrono::milliseconds connect_timeout{5'000};  // DNS + TCP connect + TLS handshake
  std::chrono::milliseconds io_timeout{15'000};  // per write and per read
  std::size_t max_response_bytes = 4 * 1024 * 1024;
  std::string ca_file;  // extra CA bundle (tests); empty: the system's trust store
  int max_idle_per_host = 4;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Sends one request. Transport problems (DNS, connect, TLS, timeout, reset) are
  // Error::Unavailable with the host and reason; an HTTP status of any value is a
  // response, not an error. A malformed URL is Error::Invalid.
  virtual Result<ClientResponse> send(const ClientRequest& request) = 0;
};

// An unreadable ca_file is reported by every send() (Error::Invalid naming the file).
std::unique_ptr<HttpClient> make_http_client(HttpClientOptions options = {});

// The parts of an absolute http(s) URL. Pure; thread-safe.
struct Url {
  std::string scheme;  // "http" or "https", lower-case
  std::string host;    // "api.telegram.org", "127.0.0.1", "::1" (no brackets)
  int port = 0;        // explicit, or 80 / 443
  std::string target;  // path and query, at least "/"; the fragment is dropped
};
// "https://api.telegram.org/bot1:x/getMe" -> {https, api.telegram.org, 443, /bot1:x/getMe}.
// Error messages never repeat the path or query (they may hold a token).
Result<Url> parse_url(std::string_view url);

}  // namespace noodbel
