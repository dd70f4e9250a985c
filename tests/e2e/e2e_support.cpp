#include "e2e/e2e_support.h"

#include <fstream>

#include <gtest/gtest.h>

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
                            << extra;
  return env;
}

RunResult noodbel(const E2eEnv& env, std::vector<std::string> args, const std::string& input) {
  args.push_back("--config");
  args.push_back(env.config);
  return run_binary(NOODBEL_BINARY, args, input);
}

void load_demo_data(const E2eEnv& env) {
  const auto m = noodbel(env, {"migrate"});
  ASSERT_EQ(m.exit_code, 0) << m.err;
  const auto c = noodbel(env, {"caseworkers", "import", NOODBEL_SOURCE_DIR "/config/demo-caseworkers.csv"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  const auto f = noodbel(env, {"families", "import", NOODBEL_SOURCE_DIR "/config/demo-families.csv"});
  ASSERT_EQ(f.exit_code, 0) << f.err;
}

}  // namespace noodbel::testing_support
