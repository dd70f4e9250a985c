// WebConfig: the [web] settings and secret of adapters/web/ (signed board and digest
// links). A plain struct, loaded by adapters/config.
#pragma once

#include <string>

namespace noodbel {

// Signed web links (bot/links.h): the live board and the HTML digest.
struct WebConfig {
  std::string public_url;     // "https://noodbel.example.be"; empty: http://{http.address}:{port}
  std::string secret;         // HMAC key, >= 32 chars; NOODBEL_WEB_SECRET overrides; empty:
                              // a random key per start (links die at restart, logged)
  int board_link_hours = 12;  // a board link is valid this long
  int digest_link_days = 7;   // a digest link is valid this long
};

}  // namespace noodbel
