// AuditPort: the append-only log of who did what (opened a call, recorded an answer,
// imported families). Details are short and hold no message bodies or phone numbers.
// One role of the unit of work (bot/repository.h). Not thread-safe; throws only on
// storage failure.
#pragma once

#include <string>

#include "bot/types.h"

namespace noodbel {

struct AuditEntry {
  UnixTime at = 0;
  std::string actor;   // person id, "system" or "admin"
  std::string action;  // e.g. "call.open", "response.record", "family.import"
  std::string detail;  // short, no message bodies, no phone numbers
};

class AuditPort {
 public:
  virtual ~AuditPort() = default;

  // Appends one entry as given; identical entries are all kept, in the order written. The
  // core never reads the log back (operators do, through the store).
  virtual void audit(const AuditEntry& e) = 0;
};

}  // namespace noodbel
