// CSV reader (RFC 4180 plus a UTF-8 BOM and LF-only line ends) for the import files.
// Pure function over a string; thread-safe. Callers: postcodes, people import.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bot/result.h"

namespace noodbel {

struct CsvRow {
  int line = 0;  // 1-based physical line on which the record starts
  std::vector<std::string> fields;
};

struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRow> rows;  // blank lines are skipped; field counts are not checked
};

// Parses `text`: the first record is the header. Quoted fields keep every character
// (commas, newlines, "" as one quote); unquoted fields lose surrounding spaces.
// Invalid UTF-8, an unterminated or stray quote, or an empty text is an Error naming
// the line.
Result<CsvTable> parse_csv(std::string_view text);

}  // namespace noodbel
