// Logging set-up for the process: logfmt lines on stderr (ts, level, then key=value
// pairs). Call once from the command line before anything logs. Phone numbers are
// masked by callers (mask_phone); message bodies are logged at debug level only.
#pragma once

#include <string>

namespace noodbel {

void setup_logging(const std::string& level);

}  // namespace noodbel
