// Fuzz target: the strict TOML configuration loader (adapters/config/load_config.h
// parse_config, toml++ underneath). Input: a config file.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/config/load_config.h"
#include "fuzz_support.h"

using namespace noodbel;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_view(data, size);
  const Result<Config> config = parse_config(text, "fuzz.toml");
  if (!config.ok()) {
    // Every error names the file, so that the operator knows where to look.
    FUZZ_CHECK(config.error().kind == ErrorKind::kInvalidInput);
    FUZZ_CHECK(config.error().message.rfind("fuzz.toml", 0) == 0);
    return 0;
  }
  FUZZ_CHECK(config->source == "fuzz.toml");
  FUZZ_CHECK(!config->core.services.empty());
  for (const ServiceConfig& s : config->core.services) {
    FUZZ_CHECK(!s.id.empty());
    FUZZ_CHECK(find_service(config->core, s.id) != nullptr);
    for (const WeeklyWindow& w : s.office_hours) {
      FUZZ_CHECK(w.weekday >= 0 && w.weekday <= 6 && w.start_minute < w.end_minute);
    }
  }
  FUZZ_CHECK(config->http.port >= 0 && config->http.port <= 65535);
  return 0;
}
