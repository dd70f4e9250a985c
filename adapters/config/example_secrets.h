// The secret values printed in the files shipped with Noodbel (config/example.toml,
// config/demo.toml, config/kannel.conf): public, so load_config.cpp refuses them as
// secrets. tests/adapters/config/example_secrets_test.cpp keeps the list complete.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "adapters/config/secret_keys.h"

namespace noodbel {

struct ExampleSecret {
  std::string_view value;
  std::string_view file;  // where it is printed
  // The one key that may hold it while [sandbox] enabled = true (the practice set-up of
  // config/demo.toml, where every message stays on the machine); empty: refused always.
  std::string_view sandbox_key = {};
};

std::span<const ExampleSecret> example_secrets();

// Why `value` may not be the secret `key` ("is the example value from config/example.toml,
// ...; generate your own with ..."), or nullopt. `sandbox`: [sandbox] enabled.
std::optional<std::string> example_secret_problem(const SecretKey& key, std::string_view value,
                                                  bool sandbox);

}  // namespace noodbel
