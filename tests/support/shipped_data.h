// The data files the repository ships (templates/, config/be-postcodes*.csv,
// municipalities.csv, first-names.txt and the guard's word lists config/guard/ and
// config/lexicon/{months,weekdays}.txt), read here (tests of the core do not link the
// adapters' loaders) and built with the core's own from-text constructors, once per test
// binary; a load error throws, failing the test. Thread-safe (function-local statics).
#pragma once

#include <string>
#include <vector>

#include "bot/guard/anonymization_guard.h"
#include "bot/guard/lexicon.h"
#include "bot/postcodes.h"
#include "bot/templates.h"

namespace noodbel::test_data {

const Templates& shipped_templates();
const Postcodes& shipped_postcodes();
// The guard's word lists as shipped: every config/guard/<list>.txt, and the months and
// weekdays of config/lexicon/ (shared with the reply parser).
const Lexicon& shipped_lexicon();
// The guard as shipped: config/first-names.txt, the places of shipped_postcodes() and
// shipped_lexicon().
const AnonymizationGuard& shipped_guard();
// A guard with these first names and places and the shipped word lists.
AnonymizationGuard guard_with(std::vector<std::string> first_names,
                              std::vector<std::string> places);

// The text of a file of the checkout: source_file_text("/config/first-names.txt").
std::string source_file_text(const std::string& relative);

}  // namespace noodbel::test_data
