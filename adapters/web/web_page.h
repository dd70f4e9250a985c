// load_web_page: reads a page skeleton shipped in <data_dir>/templates/web/ (sandbox,
// board, digest). Used at start-up by the routes and the CLI; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "bot/result.h"

namespace noodbel {

// The whole file; a missing or unreadable file is a NotFound Error naming its path and
// saying to check data_dir.
Result<std::string> load_web_page(const std::string& data_dir, std::string_view file_name);

}  // namespace noodbel
