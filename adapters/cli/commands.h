// The subcommands of `noodbel`, each a function returning its exit code.
// Called by cli.cpp after parsing; each prints its own errors to stderr.
#pragma once

#include <optional>
#include <string>

#include "adapters/cli/cli.h"

namespace noodbel::cli {

int cmd_serve(const CommonOptions& o);
int cmd_migrate(const CommonOptions& o);
int cmd_families_import(const CommonOptions& o, const std::string& file, bool skip_invalid);
int cmd_families_list(const CommonOptions& o);
int cmd_caseworkers_import(const CommonOptions& o, const std::string& file, bool skip_invalid);
int cmd_demo(const CommonOptions& o, bool keep_quiet);
int cmd_parse_reply(const std::string& data_dir, const std::string& lang,
                    const std::optional<std::string>& today, const std::optional<std::string>& now);
int cmd_check_note(const std::string& data_dir);

}  // namespace noodbel::cli
