#include "adapters/http/readiness.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace noodbel {
namespace {

constexpr std::uint64_t kMegabyte = 1024 * 1024;

Readiness not_ready(std::string reason, std::string detail) {
  return {false, std::move(reason), std::move(detail)};
}

}  // namespace

Readiness check_readiness(store::StoreHealth& store, store::FreeSpaceProbe* space,
                          const ReadinessConfig& config) {
  if (const int failed = store.failed_writes_in_a_row(); failed >= config.max_failed_writes) {
    return not_ready("writes_failing", fmt::format("the last {} database writes failed", failed));
  }
  if (space != nullptr) {
    const Result<std::uint64_t> available = space->free_bytes();
    if (!available.ok()) return not_ready("free_space_unknown", available.error().message);
    const std::uint64_t floor_bytes =
        static_cast<std::uint64_t>(config.min_free_megabytes) * kMegabyte;
    if (*available < floor_bytes) {
      return not_ready("low_disk_space",
                       fmt::format("{} MB free under the database, below the floor of {} MB",
                                   *available / kMegabyte, config.min_free_megabytes));
    }
  }
  if (const Status written = store.probe_write(); !written.ok()) {
    return not_ready("write_failed", written.error().message);
  }
  return {true, "ok", ""};
}

const std::vector<std::string>& readiness_reasons() {
  static const std::vector<std::string> reasons{"ok", "writes_failing", "low_disk_space",
                                                "free_space_unknown", "write_failed"};
  return reasons;
}

void record_readiness(MetricsRegistry& registry, const Readiness& readiness) {
  registry.set("noodbel_ready", {}, readiness.ready ? 1.0 : 0.0);
  for (const std::string& reason : readiness_reasons()) {
    registry.set("noodbel_readiness", {{"reason", reason}}, reason == readiness.reason ? 1.0 : 0.0);
  }
}

}  // namespace noodbel
