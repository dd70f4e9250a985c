// Shared set-up for end-to-end tests: a temporary folder with a config file and a
// database prepared through the real `noodbel` binary (migrate + demo imports).
#pragma once

#include <string>
#include <vector>

#include "support/process.h"

namespace noodbel::testing_support {

struct E2eEnv {
  std::string dir;
  std::string config;  // path of the config file written for this test
  std::string db;
};

// Writes a config (sandbox on, port 0, database in the folder) with `extra` appended.
E2eEnv make_e2e_env(const std::string& name, const std::string& extra = "");
// Runs the binary with args plus "--config <env.config>".
RunResult noodbel(const E2eEnv& env, std::vector<std::string> args, const std::string& input = "");
// migrate + caseworkers import + families import of the demo CSVs; asserts success.
void load_demo_data(const E2eEnv& env);

// The header line of the people CSVs, as `noodbel caseworkers|families import` read them.
inline constexpr const char* kCaseworkersCsvHeader = "id,service,name,role,contacts,language\n";
inline constexpr const char* kFamiliesCsvHeader =
    "id,service,name,contacts,postcode,max_km,min_age,max_age,max_children,languages,"
    "availability,paused_until,opted_in,preferred_language\n";

// Writes the two CSVs (rows after the header) into env.dir, then migrate + both imports
// through the real binary; asserts success.
void load_people(const E2eEnv& env, const std::string& caseworker_rows,
                 const std::string& family_rows);

}  // namespace noodbel::testing_support
