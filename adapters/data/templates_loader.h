// load_templates: reads the template folder (templates/<lang>/<name>.txt) into the core's
// Templates. Called by the composition root (adapters/app) and the command line at start-up.
// Thread-safe.
#pragma once

#include <string>

#include "bot/result.h"
#include "bot/templates.h"

namespace noodbel {

// Every <dir>/{nl,fr,en}/*.txt; a trailing newline of each file is dropped. NotFound when a
// language folder is missing, Unavailable when a file or folder cannot be read.
Result<Templates> load_templates(const std::string& dir);

}  // namespace noodbel
