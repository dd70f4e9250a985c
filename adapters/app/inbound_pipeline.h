// InboundPipeline: the one path every inbound message takes after its adapter parsed
// and authenticated it: dedupe by (channel, provider id) in the inbox, let the Engine
// decide, commit state and outbox rows in ONE transaction, then wake the dispatcher.
// A message is acknowledged to its provider only after deliver() returned ok.
// Thread-safe (the UnitOfWork serialises transactions). A failed transaction stores
// nothing and is returned as its Error (kUnavailable: webhooks answer 503).
#pragma once

#include <functional>

#include "adapters/inbound/inbound_outcome.h"
#include "bot/engine.h"
#include "bot/result.h"
#include "bot/types.h"
#include "store/ports/unit_of_work.h"

namespace noodbel {

class InboundPipeline {
 public:
  InboundPipeline(store::UnitOfWork& store, const Engine& engine, std::function<void()> on_commit);

  // `state`: what the channel adapter keeps about this message (a slash user's
  // response_url), committed in the same transaction as the message, never shown to the core.
  Result<InboundOutcome> deliver(const InboundMessage& message,
                                 const store::ChannelState& state = {});

 private:
  store::UnitOfWork& store_;
  const Engine& engine_;
  std::function<void()> on_commit_;
};

}  // namespace noodbel
