// Repository: the unit of work through which the core reads and changes stored state. It
// is every role port at once (bot/ports/): code that needs one role takes that port, code
// that runs a whole turn takes the Repository. The store implements it on one SQLite
// transaction (store/sqlite_repository.h); tests use an in-memory fake
// (tests/support/memory_repository.h); both pass the contract suites (tests/store/contracts/).
// Every write made through one Repository object commits together with the outbox rows, or
// not at all. Not thread-safe: one unit of work at a time. Implementations throw only on
// storage failure (disk, corruption), which aborts the unit of work; everything else is a
// value.
#pragma once

#include "bot/ports/answers_port.h"
#include "bot/ports/audit_port.h"
#include "bot/ports/calls_port.h"
#include "bot/ports/choices_port.h"
#include "bot/ports/digest_runs_port.h"
#include "bot/ports/inbox_port.h"
#include "bot/ports/link_codes_port.h"
#include "bot/ports/notices_port.h"
#include "bot/ports/outbox_port.h"
#include "bot/ports/people_port.h"
#include "bot/ports/rate_limits_port.h"

namespace noodbel {

class Repository : public PeoplePort,
                   public CallsPort,
                   public AnswersPort,
                   public ChoicesPort,
                   public NoticesPort,
                   public InboxPort,
                   public OutboxPort,
                   public RateLimitsPort,
                   public DigestRunsPort,
                   public LinkCodesPort,
                   public AuditPort {
 public:
  ~Repository() override = default;
};

}  // namespace noodbel
