// DigestRunsPort: which daily digests were queued, one per Brussels date and service, so
// a restart does not send a digest twice (adapters/app/digest_sender). One role of the
// unit of work (bot/repository.h). Not thread-safe; throws only on storage failure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "bot/types.h"

namespace noodbel {

class DigestRunsPort {
 public:
  virtual ~DigestRunsPort() = default;

  // Records that the digest of `date` ("2026-11-23") for `service` was queued at `sent_at`.
  // True when new; false, changing nothing, when that (date, service) was recorded before.
  virtual bool record_digest_run(std::string_view date, std::string_view service,
                                 UnixTime sent_at) = 0;
  // The latest date ("YYYY-MM-DD", compared as text) recorded for `service`, whatever the
  // order of recording; nothing when none was.
  virtual std::optional<std::string> latest_digest_run(std::string_view service) = 0;
};

}  // namespace noodbel
