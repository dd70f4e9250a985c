#include "adapters/app/inbound_pipeline.h"
#include "bot/text/logfmt_value.h"

#include <spdlog/spdlog.h>

namespace noodbel {

InboundPipeline::InboundPipeline(store::UnitOfWork& store, const Engine& engine,
                                 std::function<void()> on_commit)
    : store_(store), engine_(engine), on_commit_(std::move(on_commit)) {}

Result<InboundOutcome> InboundPipeline::deliver(const InboundMessage& message,
                                                const store::ChannelState& state) {
  HandleOutcome outcome = HandleOutcome::kHandled;
  const Status status = store_.transaction(
      [&](Repository& repo) -> Status {
        outcome = engine_.handle(message, repo);
        return Ok();
      },
      state);
  if (!status.ok()) {
    spdlog::error("event=inbound.failed channel={} error={}", to_string(message.channel),
                  logfmt_value(status.error().message));
    return status.error();
  }
  if (outcome == HandleOutcome::kDuplicate) {
    spdlog::info("event=inbound.duplicate channel={}", to_string(message.channel));
    return InboundOutcome::kDuplicate;
  }
  if (outcome == HandleOutcome::kUnknownSender) {
    // The core may have queued its once-a-day generic reply: wake the dispatcher.
    spdlog::info("event=inbound.unknown_sender channel={}", to_string(message.channel));
    if (on_commit_) on_commit_();
    return InboundOutcome::kUnknownSender;
  }
  spdlog::debug("event=inbound.handled channel={} text={}", to_string(message.channel),
                logfmt_value(message.text));
  if (on_commit_) on_commit_();
  return InboundOutcome::kHandled;
}

}  // namespace noodbel
