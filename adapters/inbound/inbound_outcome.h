// InboundOutcome: what became of an inbound message (bot/types.h InboundMessage) that a
// channel adapter handed on. The channels' `deliver` callbacks return it; the composition
// root (adapters/app/inbound_pipeline.h) produces it. Plain value.
#pragma once

namespace noodbel {

enum class InboundOutcome { kHandled, kDuplicate, kUnknownSender };

}  // namespace noodbel
