#pragma once
// Where tests, fuzz targets and benchmarks find the checkout's files (templates/, config/,
// tests/corpus/) and the `noodbel` binary they start. Found at run time from the running
// program's own path, so no absolute path is compiled in and the compiler cache serves every
// clone. Any test-side code may call these; they throw if the checkout cannot be found.

#include <string>
#include <string_view>

namespace noodbel::testing {

// The checkout: the nearest folder above the running program that holds templates/catalog.tsv.
const std::string& source_dir();

// source_dir() followed by `relative`, which starts with '/': source_path("/templates").
std::string source_path(std::string_view relative);

// The `noodbel` program of the same build: the nearest `noodbel` file above the running program.
const std::string& noodbel_binary();

}  // namespace noodbel::testing
