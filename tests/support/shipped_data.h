// The data files the repository ships (templates/, config/be-postcodes*.csv,
// municipalities.csv and first-names.txt), read here (tests of the core do not link the
// adapters' loaders) and built with the core's own from-text constructors, once per test
// binary; a load error throws, failing the test. Thread-safe (function-local statics).
#pragma once

#include <string>

#include "bot/anonymization_guard.h"
#include "bot/postcodes.h"
#include "bot/templates.h"

namespace noodbel::test_data {

const Templates& shipped_templates();
const Postcodes& shipped_postcodes();
// The guard as shipped: config/first-names.txt and the places of shipped_postcodes().
const AnonymizationGuard& shipped_guard();

// The text of a file of the checkout: source_file_text("/config/first-names.txt").
std::string source_file_text(const std::string& relative);

}  // namespace noodbel::test_data
