#include "adapters/crypto/openssl_random.h"

#include <openssl/rand.h>

#include <algorithm>
#include <climits>

namespace noodbel {

Status OpenSslRandom::fill(std::span<unsigned char> out) const {
  while (!out.empty()) {
    const std::size_t chunk = std::min<std::size_t>(out.size(), INT_MAX);
    if (RAND_bytes(out.data(), static_cast<int>(chunk)) != 1) {
      return Error::Unavailable("the random generator failed; try again");
    }
    out = out.subspan(chunk);
  }
  return Ok();
}

Result<std::string> random_bytes(std::size_t count) {
  std::string bytes(count, '\0');
  const Status filled =
      OpenSslRandom().fill({reinterpret_cast<unsigned char*>(bytes.data()), bytes.size()});
  if (!filled.ok()) return filled.error();
  return bytes;
}

}  // namespace noodbel
