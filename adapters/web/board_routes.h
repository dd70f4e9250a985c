// HTTP routes of the live web board: GET /board/{code}?t=TOKEN (server-rendered HTML that
// works without JavaScript) and GET /board/{code}/events?t=TOKEN (server-sent events that
// push the re-rendered board when it changed). Call add_board_routes() while building the
// Router; the handlers are thread-safe as long as the functions in BoardDeps are.
#pragma once

#include <functional>
#include <string>

#include "adapters/http/metrics.h"
#include "adapters/http/router.h"
#include "adapters/web/board_events.h"
#include "adapters/web/signed_links.h"
#include "bot/clock.h"
#include "bot/config.h"
#include "bot/repository.h"
#include "bot/templates.h"

namespace noodbel {

// Runs fn in one unit of work (a store transaction) and returns its status.
using RepositoryRun = std::function<Status(const std::function<Status(Repository&)>&)>;

struct BoardDeps {
  const CoreConfig& config;  // these references must outlive the router
  const Templates& templates;
  const Clock& clock;
  RepositoryRun run;
  const SignedLinks& links;    // checks the tokens
  BoardEvents& events;         // live streams subscribe here
  MetricsRegistry& metrics;    // noodbel_web_link_rejections_total{reason}
  std::string page_html;       // templates/web/board.html
};

void add_board_routes(Router& router, BoardDeps deps);


}  // namespace noodbel
