// load_postcodes: reads the postcode files (config/be-postcodes.csv and, beside it,
// be-postcodes-extra.csv and municipalities.csv) into the core's Postcodes. Called by the
// composition root (adapters/app) and the command line at start-up. Thread-safe.
#pragma once

#include <string>

#include "bot/postcodes.h"
#include "bot/result.h"

namespace noodbel {

// The CSV at `csv_path` and, from the same folder when they exist, be-postcodes-extra.csv
// and municipalities.csv. NotFound naming the path (and data_dir) when the CSV cannot be
// read; errors in the files name file and line.
Result<Postcodes> load_postcodes(const std::string& csv_path);

}  // namespace noodbel
