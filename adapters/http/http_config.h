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
};

}  // namespace noodbel
