// The data files the repository ships (templates/, config/be-postcodes*.csv and
// municipalities.csv), loaded once per test binary; a load error throws, failing the test.
// Thread-safe (function-local statics).
#pragma once

#include "bot/postcodes.h"
#include "bot/templates.h"

namespace noodbel::test_data {

const Templates& shipped_templates();
const Postcodes& shipped_postcodes();

}  // namespace noodbel::test_data
