// HttpConfig: the [http] settings of the HTTP server (adapters/http/server.h). A plain
// struct, loaded by adapters/config; includes no adapter code.
#pragma once

#include <cstddef>
#include <string>

namespace noodbel {

struct HttpConfig {
  std::string address = "127.0.0.1";
  int port = 8080;
  std::size_t body_limit_bytes = 64 * 1024;
  int read_timeout_seconds = 10;
  int max_connections = 512;
  // Threads that serve connections and run handlers. A webhook's handler waits on its
  // thread until the commit that holds its write is on disk; the handlers waiting together
  // share one commit (store group commit), so more threads than cores pay off.
  int threads = 16;
  // GET /metrics: with a token, only to "Authorization: Bearer <token>" (from anywhere);
  // without one, only to clients on this machine (loopback), e.g. nginx or a local agent.
  // [http] metrics_token or NOODBEL_METRICS_TOKEN.
  std::string metrics_token;
};

}  // namespace noodbel
