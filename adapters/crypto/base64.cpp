#include "adapters/crypto/base64.h"

namespace noodbel {
namespace {

constexpr std::string_view kStandard =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kUrlSafe =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

unsigned byte_at(std::string_view bytes, std::size_t i) {
  return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0U;
}

std::string encode(std::string_view bytes, std::string_view alphabet, bool pad) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const unsigned v =
        (byte_at(bytes, i) << 16U) | (byte_at(bytes, i + 1) << 8U) | byte_at(bytes, i + 2);
    out += alphabet[(v >> 18U) & 63U];
    out += alphabet[(v >> 12U) & 63U];
    if (i + 1 < bytes.size()) {
      out += alphabet[(v >> 6U) & 63U];
    } else if (pad) {
      out += '=';
    }
    if (i + 2 < bytes.size()) {
      out += alphabet[v & 63U];
    } else if (pad) {
      out += '=';
    }
  }
  return out;
}

}  // namespace

std::string base64(std::string_view bytes) { return encode(bytes, kStandard, true); }

std::string base64url(std::string_view bytes) { return encode(bytes, kUrlSafe, false); }

}  // namespace noodbel
