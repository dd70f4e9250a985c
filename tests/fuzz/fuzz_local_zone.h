// Included (once, by the .cpp file) by the fuzz targets whose code reads local time
// (bot/local_time.h): libFuzzer's start-up hook, which installs the service's time zone
// before the first input, as the program does. Such a target links noodbel_fuzz_adapters.
#pragma once

#include <cstdio>
#include <cstdlib>

#include "adapters/data/time_zone_loader.h"

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  const noodbel::Status zone = noodbel::install_local_zone_from_tzdb();
  if (!zone.ok()) {
    std::fprintf(stderr, "%s\n", zone.error().message.c_str());
    std::abort();
  }
  return 0;
}
