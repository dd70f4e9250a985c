// DemoRun: the real code path of `noodbel demo` (sandbox channel, inbound pipeline, engine,
// store, outbox and dispatcher) wired once over a loaded AppContext; say() sends a message
// and prints, unless quiet, what everyone sees. For the demo command only; one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "adapters/app/context.h"
#include "adapters/app/inbound_pipeline.h"
#include "adapters/dispatch/dispatcher.h"
#include "adapters/sandbox/sandbox_channel.h"
#include "bot/engine.h"
#include "bot/result.h"
#include "bot/types.h"

namespace noodbel {

class DemoRun {
 public:
  // ctx must outlive the run.
  DemoRun(AppContext& ctx, bool quiet);

  // Sends `text` as `from` and returns what the bot sent to `from` in response.
  Result<std::string> say(const std::string& from, const std::string& text);

  std::optional<Call> newest_call();

  std::vector<Recipient> recipients(std::int64_t call_id);

 private:
  static std::string indent(const std::string& text);

  AppContext& ctx_;
  bool quiet_;
  Engine engine_;
  Dispatcher dispatcher_;
  SandboxChannel* sandbox_ = nullptr;
  InboundPipeline pipeline_;
  int sequence_ = 0;
  std::int64_t seen_ = 0;
};

}  // namespace noodbel
