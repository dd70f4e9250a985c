#pragma once
// Where Noodbel finds templates/ and config/ when the configuration names no [paths]
// data_dir. Called by the config adapter only (default_config).

#include <string>

namespace noodbel {

// The nearest folder at or above the running program's own folder that holds
// templates/catalog.tsv (a build inside the checkout: build/release/noodbel finds the
// checkout), else the folder the build was configured with, else "." . Found at run time, so
// that no absolute path is compiled into more than this one file.
std::string default_data_dir();

}  // namespace noodbel
