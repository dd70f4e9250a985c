// The main of every benchmark program (instead of BENCHMARK_MAIN): installs the service's
// time zone from the tz database, as the program does at start-up, then runs the benchmarks.
#include <benchmark/benchmark.h>

#include <cstdio>

#include "adapters/data/time_zone_loader.h"

int main(int argc, char** argv) {
  const noodbel::Status zone = noodbel::install_local_zone_from_tzdb();
  if (!zone.ok()) {
    std::fprintf(stderr, "%s\n", zone.error().message.c_str());
    return 1;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
