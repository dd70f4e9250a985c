// Reply parser: what a family means by a free-text message ("ja hoor", "nee sorry K42", "👍",
// "pauze tot 5/1", "afstand 40"). Pure functions, callable from anywhere; thread-safe.
#pragma once

#include <string_view>

#include "bot/reply/context.h"
#include "bot/reply/parsed_reply.h"

namespace noodbel {

ParsedReply parse_reply(std::string_view text, const ReplyContext& ctx);
ParsedReply parse_reply(std::string_view text);  // today unknown

}  // namespace noodbel
