#include "adapters/config/example_secrets.h"

#include <fmt/format.h>

#include "adapters/config/load_config.h"

namespace noodbel {
namespace {

// Every value that stands for a secret in the shipped files, whatever key it is shown for:
// a value copied to another key is just as public.
const ExampleSecret kExampleSecrets[] = {
    {"put-the-output-of-openssl-rand-hex-32-here", "config/example.toml"},
    {"8f742231b10e8888abcd99yyyzzz85a5", "config/example.toml"},
    {"xr3j5x3p4pfk7k3kdgm1ejwqrc", "config/example.toml"},
    {"123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "config/example.toml"},
    {"3f9c0b6e2a7d41c8b5e0f2a9d6c3b1e7", "config/example.toml"},
    {"0123456789abcdef0123456789abcdef", "config/example.toml"},
    {"change-me", "config/example.toml"},
    {"5b1f0c9e7d2a43b8a6e1d0f9c8b7a6e5", "config/example.toml"},
    {"change-me-too", "config/kannel.conf"},
    {"CHANGE-ME-WEBHOOK-SECRET", "config/kannel.conf"},
    {kDemoWebSecret, "config/demo.toml", "web.secret"},
};

}  // namespace

std::span<const ExampleSecret> example_secrets() { return kExampleSecrets; }

std::optional<std::string> example_secret_problem(const SecretKey& key, std::string_view value,
                                                  bool sandbox) {
  for (const ExampleSecret& example : kExampleSecrets) {
    if (example.value != value) continue;
    if (sandbox && example.sandbox_key == key.key) return std::nullopt;
    return fmt::format("is the example value from {}, which anyone can read; {}", example.file,
                       key.fix);
  }
  return std::nullopt;
}

}  // namespace noodbel
