// HMAC through OpenSSL 3's EVP_MAC, with the algorithm fetched once per process and one
// context per thread and digest that keeps the key it was last given. The one-shot HMAC()
// fetches the algorithm and the digest and builds and frees a context on every call, a locked
// lookup that cost more than the hashing itself: 5% of the serve process at peak, every
// Twilio webhook checks a signature (bench/profile.sh, README "Performance").
#include "adapters/crypto/hmac.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <array>
#include <cstddef>

namespace noodbel {
namespace {

// Fetched once; never freed (it lives as long as libcrypto). nullptr when unavailable.
EVP_MAC* hmac_algorithm() {
  static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  return mac;
}

// One thread's HMAC context for one digest. Re-keys only when the key differs from the last
// one; the copy of the key is wiped when it changes and when the thread ends.
class ThreadHmac {
 public:
  explicit ThreadHmac(const char* digest) : digest_(digest) {}
  ~ThreadHmac() {
    forget_key();
    EVP_MAC_CTX_free(ctx_);
  }
  ThreadHmac(const ThreadHmac&) = delete;
  ThreadHmac& operator=(const ThreadHmac&) = delete;

  Result<std::string> compute(std::string_view key, std::string_view message) {
    if (!start(key)) {
      forget_key();
      return Error::Internal("libcrypto could not start an HMAC");
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    std::size_t size = 0;
    const auto* bytes = reinterpret_cast<const unsigned char*>(message.data());
    if ((!message.empty() && EVP_MAC_update(ctx_, bytes, message.size()) != 1) ||
        EVP_MAC_final(ctx_, out.data(), &size, out.size()) != 1) {
      forget_key();  // the context's state is unknown: key it afresh next time
      return Error::Internal("libcrypto could not compute an HMAC");
    }
    return std::string(reinterpret_cast<const char*>(out.data()), size);
  }

 private:
  // Readies ctx_ for a new message under key: a restart with the kept key, else a new key.
  bool start(std::string_view key) {
    if (ctx_ == nullptr) {
      if (hmac_algorithm() == nullptr) return false;
      ctx_ = EVP_MAC_CTX_new(hmac_algorithm());
      if (ctx_ == nullptr) return false;
    }
    if (keyed_ && key == key_) return EVP_MAC_init(ctx_, nullptr, 0, nullptr) == 1;
    forget_key();
    std::array<OSSL_PARAM, 2> params{
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digest_), 0),
        OSSL_PARAM_construct_end()};
    // A null key would mean "keep the last one": an empty key is passed as a real pointer.
    static constexpr unsigned char kNoKey = 0;
    const auto* bytes = key.empty() ? &kNoKey : reinterpret_cast<const unsigned char*>(key.data());
    if (EVP_MAC_init(ctx_, bytes, key.size(), params.data()) != 1) return false;
    key_.assign(key);
    keyed_ = true;
    return true;
  }

  void forget_key() {
    if (!key_.empty()) OPENSSL_cleanse(key_.data(), key_.size());
    key_.clear();
    keyed_ = false;
  }

  const char* const digest_;
  EVP_MAC_CTX* ctx_ = nullptr;
  std::string key_;
  bool keyed_ = false;
};

}  // namespace

Result<std::string> hmac_sha1(std::string_view key, std::string_view message) {
  thread_local ThreadHmac sha1("SHA1");
  return sha1.compute(key, message);
}

Result<std::string> hmac_sha256(std::string_view key, std::string_view message) {
  thread_local ThreadHmac sha256("SHA256");
  return sha256.compute(key, message);
}

}  // namespace noodbel
