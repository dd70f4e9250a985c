#include "adapters/app/demo_run.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <utility>

#include <fmt/format.h>

namespace noodbel {

DemoRun::DemoRun(AppContext& ctx, bool quiet)
    : ctx_(ctx),
      quiet_(quiet),
      engine_(ctx.config.core, ctx.postcodes, ctx.templates, {ctx.clock, ctx.random, ctx.hasher},
              ctx.guard, ctx.reply_parser),
      dispatcher_(*ctx.store, ctx.clock, DispatcherOptions{}),
      pipeline_(*ctx.store, engine_, {}) {
  auto channel = std::make_unique<SandboxChannel>(ctx.clock);
  sandbox_ = channel.get();
  dispatcher_.add_channel(std::move(channel));
}

Result<std::string> DemoRun::say(const std::string& from, const std::string& text) {
  if (!quiet_) std::cout << fmt::format("\n{} > {}\n", from, text);
  InboundMessage m{Channel::kSandbox, from,        fmt::format("demo-{}", ++sequence_), text,
                   ctx_.clock.now(),  std::nullopt};
  auto outcome = pipeline_.deliver(m);
  if (!outcome.ok()) return outcome.error();
  while (dispatcher_.run_once(Channel::kSandbox) > 0) {
  }
  std::string answer;
  for (const auto& msg : sandbox_->messages_since(seen_)) {
    seen_ = std::max(seen_, msg.seq);
    if (msg.direction != "out") continue;
    if (!quiet_) std::cout << fmt::format("  bot > {}: {}\n", msg.person_id, indent(msg.text));
    if (msg.person_id == from) answer += msg.text;
  }
  return answer;
}

std::optional<Call> DemoRun::newest_call() {
  std::optional<Call> call;
  (void)ctx_.store->transaction([&](Repository& repo) -> Status {
    auto open = repo.open_calls();
    if (!open.empty()) call = open.back();
    return Ok();
  });
  return call;
}

std::vector<Recipient> DemoRun::recipients(std::int64_t call_id) {
  std::vector<Recipient> out;
  (void)ctx_.store->transaction([&](Repository& repo) -> Status {
    out = repo.recipients(call_id);
    return Ok();
  });
  return out;
}

std::string DemoRun::indent(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '\n' ? std::string("\n        ") : std::string(1, c);
  return out;
}

}  // namespace noodbel
