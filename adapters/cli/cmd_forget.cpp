#include "adapters/cli/cmd_forget.h"

#include <iostream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/cli/cmd_common.h"
#include "bot/clock.h"
#include "store/retention.h"
#include "store/store.h"  // keep: completes store::Store for store_or_report's unique_ptr

namespace noodbel::cli {

int cmd_families_forget(const CommonOptions& o, const std::string& family_id) {
  const auto config = config_or_report(o);
  if (!config) return kExitUsage;
  SystemClock clock;
  const auto store = store_or_report(*config, clock);
  if (!store) return kExitRefused;
  const auto result = store::forget_family(*store, family_id, clock.now());
  if (!result.ok()) {
    report(result.error());
    return kExitRefused;
  }
  spdlog::info("event=family.forgotten opaque_id={} messages={} answers={}", result->opaque_id,
               result->messages, result->answers);
  std::cout << fmt::format(
      "family {} forgotten: contacts, address, availability, languages and {} message(s) "
      "erased; {} answer(s) and {} call receipt(s) kept anonymously as {}\n",
      family_id, result->messages, result->answers, result->calls_received, result->opaque_id);
  return kExitOk;
}

}  // namespace noodbel::cli
