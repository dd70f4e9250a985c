// HTTP routes of the sandbox practice channel: the page, the people list, the message
// log and the send endpoint that feeds typed messages into the real pipeline.
// Call add_sandbox_routes() while building the Router; the handlers are thread-safe
// as long as the functions in SandboxDeps are.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "adapters/http/router.h"
#include "adapters/sandbox/sandbox_channel.h"
#include "bot/clock.h"
#include "bot/result.h"
#include "bot/types.h"

namespace noodbel {

struct SandboxPerson {
  std::string id;      // "F0001" or "C001": the sandbox address
  std::string kind;    // "family" or "caseworker"
  std::string label;   // shown in the page
  std::string detail;  // e.g. "9000 Gent · nl · max 30 km"
};

struct SandboxDeps {
  std::function<std::vector<SandboxPerson>()> people;
  // The pipeline: stores and handles the message; Error::NotFound for an unknown person.
  std::function<Status(const InboundMessage&)> deliver;
  const Clock& clock;  // must outlive the router
  std::string page_html;
};

inline constexpr std::size_t kSandboxMaxTextBytes = 2000;

// GET /sandbox, GET /sandbox/api/people, GET /sandbox/api/messages?since=N,
// POST /sandbox/api/send {"from": "F0001", "text": "ja"} -> 202 {"ok": true, "seq": N}, N the
// seq of the typed message in the log (the bot's answer is a later "out" message to "from").
// `channel` must outlive the router.
void add_sandbox_routes(Router& router, SandboxChannel& channel, SandboxDeps deps);


}  // namespace noodbel
