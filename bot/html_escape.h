// html_escape: text made safe for HTML text and attribute values, shared by the web
// board, the HTML digest and their error pages. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace noodbel {

// "&<>\"'" become entities; everything else is copied as is.
std::string html_escape(std::string_view s);

}  // namespace noodbel
