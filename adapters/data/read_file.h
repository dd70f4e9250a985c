// read_file: a data file's whole content, for the loaders of adapters/data (the core reads
// no files). Thread-safe.
#pragma once

#include <string>

#include "bot/result.h"

namespace noodbel {

// The bytes of `path`; NotFound "cannot read <path>" when it cannot be opened.
Result<std::string> read_file(const std::string& path);

}  // namespace noodbel
