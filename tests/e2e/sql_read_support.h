// Read-only SQL on the database file of a `noodbel serve` that may be running, stopped or
// killed, for end-to-end tests' checks. A failure is a test failure (ADD_FAILURE).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace noodbel::testing_support {

// The integer in the first column of the first row (-1 on error).
std::int64_t sql_number(const std::string& db, const std::string& sql);
// The first column of every row, as text ("" for NULL); no rows on error.
std::vector<std::string> sql_texts(const std::string& db, const std::string& sql);

}  // namespace noodbel::testing_support
