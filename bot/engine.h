// Engine: the core's single entry point. Takes one inbound message, decides who sent
// it (Router), lets the family Conversation or the caseworker Commands act on it, and
// writes state changes and outbound messages through the Repository it is given.
// Const and stateless between calls: thread-safe as long as each call has its own
// Repository (unit of work).
#pragma once

#include "bot/clock.h"
#include "bot/config.h"
#include "bot/guard/anonymization_guard.h"
#include "bot/hasher.h"
#include "bot/links.h"
#include "bot/postcodes.h"
#include "bot/random.h"
#include "bot/reply/parser.h"
#include "bot/repository.h"
#include "bot/templates.h"
#include "bot/types.h"

namespace noodbel {

// What became of one inbound message.
enum class HandleOutcome {
  kHandled,        // answered or acted on
  kDuplicate,      // (channel, provider id) was seen before: nothing done
  kUnknownSender,  // not a registered family or caseworker: at most one generic reply
                   // per sender per 24 hours (bot/throttle.h), nothing else
};

// What the engine reaches outside itself through ports: the time, unpredictable bytes (call
// and link codes) and SHA-256 (link codes). The referenced objects must outlive the Engine.
struct EnginePorts {
  const Clock& clock;
  const Random& random;
  const Hasher& hasher;
};

class Engine {
 public:
  // All references must outlive the Engine.
  // `guard` checks the note of every call a caseworker opens; `parser` reads every
  // family message.
  Engine(const CoreConfig& config, const Postcodes& postcodes, const Templates& templates,
         EnginePorts ports, const AnonymizationGuard& guard, const ReplyParser& parser,
         const Links* links = nullptr);

  // Handles one message within the caller's unit of work. Never throws for bad input:
  // every message gets an answer (an acknowledgement, a result or a clear error),
  // except duplicates, unknown senders past their one reply a day, opted-out families
  // and families over the per-minute limit (see bot/conversation.h, bot/throttle.h).
  // Deduplication by (channel, provider id) happens here, in the same unit of work.
  HandleOutcome handle(const InboundMessage& message, Repository& repo) const;

  // Runs the scheduled work within the caller's unit of work: the next wave of every
  // open call that is due, and expiry of calls older than calls.expiry_hours.
  void tick(Repository& repo) const;

 private:
  const CoreConfig& config_;
  const Postcodes& postcodes_;
  const Templates& templates_;
  const EnginePorts ports_;
  const AnonymizationGuard& guard_;
  const ReplyParser& parser_;
  const Links* links_;  // signed web links; null: messages carry no links
};

}  // namespace noodbel
