// DigestConfig: the [digest] settings of the supervisors' daily digest, read by the digest
// page and source (adapters/web/) and the sender (adapters/app/). A plain struct, loaded by
// adapters/config.
#pragma once

namespace noodbel {

// The supervisors' daily digest (bot/digest.h), sent by `noodbel serve`.
struct DigestConfig {
  bool enabled = true;              // false: `serve` sends no daily digest (the page still works)
  int minute_of_day = 7 * 60 + 30;  // digest time, Brussels local time ("07:30")
  int coverage_min_families = 3;    // fewer families within 30 km tonight is a coverage gap
};

}  // namespace noodbel
