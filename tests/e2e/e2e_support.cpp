#include "e2e/e2e_support.h"

#include <fstream>

#include <gtest/gtest.h>

#include "support/paths/source_paths.h"

namespace noodbel::testing_support {

E2eEnv make_e2e_env(const std::string& name, const std::string& extra) {
  E2eEnv env;
  env.dir = make_temp_dir("noodbel-e2e-" + name);
  env.config = env.dir + "/noodbel.toml";
  env.db = env.dir + "/noodbel.db";
  std::ofstream(env.config) << "[database]\npath = \"" << env.db << "\"\n"
                            << "[http]\naddress = \"127.0.0.1\"\nport = 0\n"
                            << "[sandbox]\nenabled = true\n"
                            << "[log]\nlevel = \"info\"\n"
                            // The daily digest of the demo supervisors would be due at start
                            // after 07:30: only the tests about it turn it on.
                            << (extra.find("[digest]") == std::string::npos
                                    ? "[digest]\nenabled = false\n"
                                    : "")
                            << extra;
  return env;
}

RunResult noodbel(const E2eEnv& env, std::vector<std::string> args, const std::string& input) {
  args.push_back("--config");
  args.push_back(env.config);
  return run_binary(noodbel::testing::noodbel_binary(), args, input);
}

void load_demo_data(const E2eEnv& env) {
  const auto m = noodbel(env, {"migrate"});
  ASSERT_EQ(m.exit_code, 0) << m.err;
  const auto c = noodbel(env, {"caseworkers", "import", noodbel::testing::source_path("/config/demo-caseworkers.csv")});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  const auto f = noodbel(env, {"families", "import", noodbel::testing::source_path("/config/demo-families.csv")});
  ASSERT_EQ(f.exit_code, 0) << f.err;
}

void load_people(const E2eEnv& env, const std::string& caseworker_rows,
                 const std::string& family_rows) {
  std::ofstream(env.dir + "/caseworkers.csv") << kCaseworkersCsvHeader << caseworker_rows;
  std::ofstream(env.dir + "/families.csv") << kFamiliesCsvHeader << family_rows;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"migrate"},
           {"caseworkers", "import", env.dir + "/caseworkers.csv"},
           {"families", "import", env.dir + "/families.csv"}}) {
    const RunResult r = noodbel(env, args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
}

}  // namespace noodbel::testing_support
