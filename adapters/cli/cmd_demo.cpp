// `noodbel demo`: one scripted crisis call through the real code path
// (adapters/app/demo_run.h), printing what everyone sees and, at the end, the ranked board.
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "adapters/app/demo_run.h"
#include "adapters/app/people_loader.h"
#include "adapters/cli/cmd_common.h"
#include "adapters/cli/commands.h"

namespace noodbel::cli {
namespace {

constexpr const char* kCaseworker = "C001";
constexpr const char* kCrisis =
    "/crisis leeftijd=4 postcode=9000 taal=nl duur=3d "
    "Meisje van 4, rustig, slaapt graag met een nachtlampje";

int run_scenario(AppContext& ctx, bool quiet) {
  DemoRun demo(ctx, quiet);
  auto opened = demo.say(kCaseworker, kCrisis);
  if (!opened.ok()) return report(opened.error()), kExitRefused;
  const auto call = demo.newest_call();
  if (!call) {
    std::cerr << "noodbel: demo: the crisis call was not opened: " << *opened << "\n";
    return kExitRefused;
  }
  const auto recipients = demo.recipients(call->id);
  if (recipients.size() < 3) {
    std::cerr << "noodbel: demo: fewer than three families were reached\n";
    return kExitRefused;
  }
  // The third-nearest family says yes first, the nearest names the code, one says no.
  const std::vector<std::pair<std::string, std::string>> answers{
      {recipients[2].family_id, "ja hoor"},
      {recipients[0].family_id, "ja " + call->code},
      {recipients[1].family_id, "nee sorry"},
  };
  for (const auto& [family, text] : answers) {
    if (auto r = demo.say(family, text); !r.ok()) return report(r.error()), kExitRefused;
  }
  auto board = demo.say(kCaseworker, "/bord " + call->code);
  if (!board.ok()) return report(board.error()), kExitRefused;
  std::cout << (quiet ? "" : "\n--- board ---\n") << *board << "\n";
  return kExitOk;
}

}  // namespace

int cmd_demo(const CommonOptions& o, bool quiet) {
  auto config = config_or_report(o);
  if (!config) return kExitUsage;
  std::string temp_dir;
  if (!o.db) {
    temp_dir = (std::filesystem::temp_directory_path() / fmt::format("noodbel-demo-{}", ::getpid()))
                   .string();
    std::filesystem::remove_all(temp_dir);
    config->db_path = temp_dir + "/demo.db";
  }
  config->core.sandbox.enabled = true;
  int code = kExitRefused;
  {
    auto ctx = context_or_report(*config);
    if (!ctx) return kExitRefused;
    auto caseworkers = read_file(config->data_dir + "/config/demo-caseworkers.csv");
    auto families = read_file(config->data_dir + "/config/demo-families.csv");
    if (!caseworkers.ok()) return report(caseworkers.error()), kExitRefused;
    if (!families.ok()) return report(families.error()), kExitRefused;
    if (Status s = load_people(*ctx, *caseworkers, *families); !s.ok()) {
      return report(s.error()), kExitRefused;
    }
    if (!quiet) std::cout << "Noodbel demo, database " << config->db_path << "\n";
    code = run_scenario(*ctx, quiet);
  }
  if (!temp_dir.empty()) std::filesystem::remove_all(temp_dir);
  return code;
}

}  // namespace noodbel::cli
