#include "bot/engine.h"

#include "bot/commands.h"
#include "bot/conversation.h"
#include "bot/linking.h"
#include "bot/outbound.h"
#include "bot/router.h"
#include "bot/throttle.h"
#include "bot/waves.h"

namespace noodbel {

Engine::Engine(const CoreConfig& config, const Postcodes& postcodes, const Templates& templates,
               EnginePorts ports, const AnonymizationGuard& guard, const ReplyParser& parser,
               const Links* links)
    : config_(config),
      postcodes_(postcodes),
      templates_(templates),
      ports_(ports),
      guard_(guard),
      parser_(parser),
      links_(links) {}

HandleOutcome Engine::handle(const InboundMessage& message, Repository& repo) const {
  // Deduplication happens here, in the same unit of work as the effects; a message
  // without a provider id cannot be recognised again and is always handled.
  if (!message.provider_id.empty() && !repo.remember_inbound(message)) {
    return HandleOutcome::kDuplicate;
  }
  const UnixTime now = ports_.clock.now();
  const Outbox out(config_, templates_, repo, now);
  // Telegram "/start CODE" links a chat to a family, so it runs before routing.
  if (handle_link_start(message, out, ports_.hasher)) return HandleOutcome::kHandled;
  const Route route_to = route(message, repo, config_.slash_users);
  switch (route_to.kind) {
    case Sender::Kind::kFamily:
      handle_family_message(*route_to.family, message, parser_, out);
      return HandleOutcome::kHandled;
    case Sender::Kind::kCaseworker:
      handle_command(*route_to.caseworker, message,
                     {postcodes_, guard_, ports_.random, ports_.hasher, links_}, out);
      return HandleOutcome::kHandled;
    case Sender::Kind::kUnknown:
      break;
  }
  // One generic reply per sender per 24 hours; only a counter keyed by a hash is kept.
  answer_unknown_sender(message, out);
  return HandleOutcome::kUnknownSender;
}

void Engine::tick(Repository& repo) const {
  run_scheduled(Outbox(config_, templates_, repo, ports_.clock.now()));
}

}  // namespace noodbel
