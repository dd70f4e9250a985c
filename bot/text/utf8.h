// Writing code points as UTF-8 (1 to 4 bytes, up to U+10FFFF), for decoders that turn
// other encodings (UTF-16, Latin-1, Windows-1252) into the UTF-8 the core works in. For the
// core and every adapter; reading and validating UTF-8 is in bot/text_normalize.h.
// Pure functions; thread-safe.
#pragma once

#include <string>

namespace noodbel {

// Appends `c` to `out` as UTF-8: U+0041 "A" is one byte, U+00E9 "é" two, U+20AC "€" three,
// U+1F44D "👍" four. `c` must be at most U+10FFFF; surrogates are written as they are.
void append_utf8(std::string& out, char32_t c);

}  // namespace noodbel
