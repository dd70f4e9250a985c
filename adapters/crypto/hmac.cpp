#include "adapters/crypto/hmac.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <climits>

namespace noodbel {
namespace {

Result<std::string> hmac(const EVP_MD* md, std::string_view key, std::string_view message) {
  if (key.size() > INT_MAX) return Error::Internal("an HMAC key longer than libcrypto accepts");
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int size = 0;
  const unsigned char* done = HMAC(md, key.data(), static_cast<int>(key.size()),
                                   reinterpret_cast<const unsigned char*>(message.data()),
                                   message.size(), out.data(), &size);
  if (done == nullptr) return Error::Internal("libcrypto could not compute an HMAC");
  return std::string(reinterpret_cast<const char*>(out.data()), size);
}

}  // namespace

Result<std::string> hmac_sha1(std::string_view key, std::string_view message) {
  return hmac(EVP_sha1(), key, message);
}

Result<std::string> hmac_sha256(std::string_view key, std::string_view message) {
  return hmac(EVP_sha256(), key, message);
}

}  // namespace noodbel
