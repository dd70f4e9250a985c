#include "adapters/cli/cmd_purge.h"

#include <iostream>

#include <fmt/format.h>

#include "adapters/cli/cmd_common.h"
#include "bot/clock.h"
#include "store/retention.h"
#include "store/store.h"  // keep: completes store::Store for store_or_report's unique_ptr

namespace noodbel::cli {

int cmd_purge(const CommonOptions& o, bool dry_run) {
  const auto config = config_or_report(o);
  if (!config) return kExitUsage;
  SystemClock clock;
  const auto store = store_or_report(*config, clock);
  if (!store) return kExitRefused;
  const auto counts =
      store::purge_expired(*store, clock.now(), config->retention.days, dry_run, "admin");
  if (!counts.ok()) {
    report(counts.error());
    return kExitRefused;
  }
  std::cout << fmt::format(
      "{} older than {} days: {} call notes, {} answer texts, {} questions, {} message texts, "
      "{} inbound ids{}\n",
      dry_run ? "would erase" : "erased", config->retention.days, counts->call_notes,
      counts->response_notes, counts->question_texts, counts->outbox_texts, counts->inbox_ids,
      dry_run ? " (dry run: nothing changed)" : "");
  return kExitOk;
}

}  // namespace noodbel::cli
