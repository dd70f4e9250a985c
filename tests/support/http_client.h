// A minimal blocking HTTP/1.1 client over POSIX sockets for end-to-end tests against
// `noodbel serve` on 127.0.0.1 (no Beast, so tests stay cheap to compile).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace noodbel::testing_support {

struct HttpReply {
  int status = 0;  // 0 when the connection failed
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

// Sends one request with `Connection: close` and reads the whole reply.
HttpReply http_call(int port, const std::string& method, const std::string& target,
                    const std::string& body = "",
                    const std::map<std::string, std::string>& headers = {});
// "a=1&b=x%20y": an application/x-www-form-urlencoded body, fields in the order given.
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

// Sends raw bytes and returns the raw reply (for malformed-request tests).
std::string http_raw(int port, const std::string& bytes);

}  // namespace noodbel::testing_support
