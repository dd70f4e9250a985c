// InboxPort: the ids of inbound messages already handled, so a provider's retry is not
// handled twice. Ids only, never a message body. One role of the unit of work
// (bot/repository.h). Not thread-safe; throws only on storage failure.
#pragma once

#include "bot/types.h"

namespace noodbel {

class InboxPort {
 public:
  virtual ~InboxPort() = default;

  // Records (channel, provider_id) of a message; true when it is new, false (nothing
  // changed) when that pair was seen before. The same provider id on another channel is new.
  virtual bool remember_inbound(const InboundMessage& m) = 0;
};

}  // namespace noodbel
