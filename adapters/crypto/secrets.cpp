#include "adapters/crypto/secrets.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>

namespace noodbel {
namespace {

using Digest = std::array<unsigned char, EVP_MAX_MD_SIZE>;

// SHA-256 of data into out; returns the digest length (0 on an OpenSSL failure).
unsigned int sha256(std::string_view data, Digest& out) {
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), out.data(), &size, EVP_sha256(), nullptr) != 1) {
    return 0;
  }
  return size;
}

}  // namespace

std::string to_hex(const unsigned char* data, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    out.push_back(kDigits[data[i] >> 4]);
    out.push_back(kDigits[data[i] & 0x0F]);
  }
  return out;
}

std::string to_hex(std::string_view bytes) {
  return to_hex(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::string sha256_hex(std::string_view data) {
  Digest digest{};
  const unsigned int size = sha256(data, digest);
  return to_hex(digest.data(), size);
}

bool secrets_equal(std::string_view a, std::string_view b) {
  Digest da{};
  Digest db{};
  const unsigned int size_a = sha256(a, da);
  const unsigned int size_b = sha256(b, db);
  if (size_a == 0 || size_a != size_b) return false;
  return CRYPTO_memcmp(da.data(), db.data(), size_a) == 0;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace noodbel
