// NoticesPort: notices the bot sent caseworkers about a call on its own, kept so each is
// sent once and updates are spaced (bot/call_notices.h). One role of the unit of work
// (bot/repository.h). Not thread-safe; throws only on storage failure.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "bot/types.h"

namespace noodbel {

class NoticesPort {
 public:
  virtual ~NoticesPort() = default;

  // Records a notice; false, changing nothing (not even `at`), when (call, kind, key) was
  // recorded before. True when it is new.
  virtual bool record_notice(const CallNotice& n) = 0;
  // The newest notice of a kind for a call (latest at, then highest key); nothing when none.
  virtual std::optional<CallNotice> last_notice(std::int64_t call_id, std::string_view kind) = 0;
};

}  // namespace noodbel
