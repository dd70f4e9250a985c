// LinkCodesPort: one-time codes that bind a Telegram chat to a family (bot/linking.h).
// Only a code's SHA-256 hash is stored, never the code. One role of the unit of work
// (bot/repository.h). Not thread-safe; throws only on storage failure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bot/types.h"

namespace noodbel {

// A stored linking code: its hash (64 lower-case hex digits), never the code itself.
struct LinkCode {
  std::string code_hash;
  std::string family_id;
  UnixTime created_at = 0;
  UnixTime expires_at = 0;
  std::optional<UnixTime> used_at;
};

class LinkCodesPort {
 public:
  virtual ~LinkCodesPort() = default;

  // Stores a new code for a family that exists, and deletes that family's older unused
  // codes (used ones stay, other families' codes stay). Precondition: the hash is not
  // stored yet (callers draw codes at random).
  virtual void create_link_code(const LinkCode& code) = 0;
  // The code with this hash, used or not, expired or not; nothing when unknown (or deleted).
  virtual std::optional<LinkCode> link_code(std::string_view code_hash) = 0;
  // Marks the code used at `at`; false, nothing changed, when it is unknown or was already
  // used. Expiry is the caller's rule, not checked here.
  virtual bool consume_link_code(std::string_view code_hash, UnixTime at) = 0;
};

}  // namespace noodbel
