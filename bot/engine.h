// Engine: the core's single entry point. Takes one inbound message, decides who sent
// it (Router), lets the family Conversation or the caseworker Commands act on it, and
// writes state changes and outbound messages through the Repository it is given.
// Const and stateless between calls: thread-safe as long as each call has its own
// Repository (unit of work).
#pragma once

#include "bot/clock.h"
#include "bot/config.h"
#include "bot/postcodes.h"
#include "bot/repository.h"
#include "bot/templates.h"
#include "bot/types.h"

namespace noodbel {

class Engine {
 public:
  // All references must outlive the Engine.
  Engine(const Config& config, const Postcodes& postcodes, const Templates& templates,
         const Clock& clock);

  // Handles one message within the caller's unit of work. Never throws for bad input:
  // every message gets an answer (an acknowledgement, a result or a clear error),
  // except duplicates and messages from unknown senders (answered by the caller's policy).
  void handle(const InboundMessage& message, Repository& repo) const;

 private:
  const Config& config_;
  const Postcodes& postcodes_;
  const Templates& templates_;
  const Clock& clock_;
};

}  // namespace noodbel
