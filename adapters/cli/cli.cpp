#include "adapters/cli/cli.h"

#include <iostream>

#include <CLI/CLI.hpp>

#include "adapters/cli/cmd_common.h"
#include "adapters/cli/cmd_backup.h"
#include "adapters/cli/cmd_digest.h"
#include "adapters/cli/cmd_forget.h"
#include "adapters/cli/cmd_link.h"
#include "adapters/cli/cmd_link_family.h"
#include "adapters/cli/cmd_purge.h"
#include "adapters/cli/commands.h"

namespace noodbel::cli {
namespace {

void add_common(CLI::App* app, CommonOptions& o) {
  app->add_option("--config", o.config,
                  "Configuration file (default: $NOODBEL_CONFIG, else built-in defaults)");
  app->add_option("--db", o.db, "SQLite database path (overrides the configuration)");
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"noodbel: the crisis foster-care bot of the Flemish pleegzorg services"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(NOODBEL_VERSION));

  CommonOptions common;
  std::string file;
  bool skip_invalid = false;
  std::string lang = "nl";
  bool quiet = false;
  int code = kExitOk;

  auto* serve = app.add_subcommand("serve", "Run the service (HTTP server, dispatcher, scheduler)");
  add_common(serve, common);
  serve->callback([&] { code = cmd_serve(common); });

  auto* migrate = app.add_subcommand("migrate", "Apply pending database migrations");
  add_common(migrate, common);
  migrate->callback([&] { code = cmd_migrate(common); });

  auto* families = app.add_subcommand("families", "Manage crisis foster families");
  families->require_subcommand(1);
  auto* fimport = families->add_subcommand("import", "Import or update families from a CSV file");
  add_common(fimport, common);
  fimport->add_option("file", file, "CSV file (see config/demo-families.csv)")->required();
  fimport->add_flag("--skip-invalid", skip_invalid, "Import the valid rows, report the others");
  fimport->callback([&] { code = cmd_families_import(common, file, skip_invalid); });
  auto* flist = families->add_subcommand("list", "Print the registered families as a table");
  add_common(flist, common);
  flist->callback([&] { code = cmd_families_list(common); });
  std::string family_id;
  auto* fforget = families->add_subcommand(
      "forget", "Erase a family's personal data (GDPR); anonymous counts are kept");
  add_common(fforget, common);
  fforget->add_option("id", family_id, "The family id (see `noodbel families list`)")->required();
  fforget->callback([&] { code = cmd_families_forget(common, family_id); });
  auto* flink = families->add_subcommand(
      "link", "Print a one-time code (valid 7 days) that links a family's Telegram chat");
  add_common(flink, common);
  flink->add_option("id", family_id, "The family id (see `noodbel families list`)")->required();
  flink->callback([&] { code = cmd_families_link(common, family_id); });

  auto* caseworkers = app.add_subcommand("caseworkers", "Manage caseworkers and supervisors");
  caseworkers->require_subcommand(1);
  auto* cimport = caseworkers->add_subcommand("import", "Import or update caseworkers from CSV");
  add_common(cimport, common);
  cimport->add_option("file", file, "CSV file (see config/demo-caseworkers.csv)")->required();
  cimport->add_flag("--skip-invalid", skip_invalid, "Import the valid rows, report the others");
  cimport->callback([&] { code = cmd_caseworkers_import(common, file, skip_invalid); });

  auto* demo = app.add_subcommand(
      "demo", "Run a scripted crisis call through the real code path and print the board");
  add_common(demo, common);
  demo->add_flag("--quiet", quiet, "Print only the board");
  demo->callback([&] { code = cmd_demo(common, quiet); });

  auto* parse_reply = app.add_subcommand(
      "parse-reply", "Parse family messages: one per stdin line, one JSON object per line");
  parse_reply->add_option("--lang", lang, "Language hint: nl, fr or en")
      ->check(CLI::IsMember({"nl", "fr", "en"}));
  std::optional<std::string> today;
  parse_reply->add_option("--today", today, "Today's date for relative dates (YYYY-MM-DD)");
  std::optional<std::string> now;
  parse_reply->add_option("--now", now, "The moment for relative dates and times (\"YYYY-MM-DD HH:MM\")");
  parse_reply->callback([&] { code = cmd_parse_reply(lang, today, now); });

  auto* check_note = app.add_subcommand(
      "check-note", "Check a call note on stdin for personal data; JSON findings on stdout");
  add_common(check_note, common);
  check_note->callback([&] {
    auto config = config_or_report(common);
    code = config ? cmd_check_note(config->data_dir) : kExitUsage;
  });

  std::string backup_path;
  auto* backup = app.add_subcommand(
      "backup", "Copy the database to PATH (online backup: works while `serve` runs), checked");
  add_common(backup, common);
  backup->add_option("path", backup_path, "The backup file to write (replaced atomically)")
      ->required();
  backup->callback([&] { code = cmd_backup(common, backup_path); });
  auto* restore = app.add_subcommand(
      "restore", "Check the backup at PATH and copy it into the database (service stopped)");
  add_common(restore, common);
  restore->add_option("path", backup_path, "A file written by `noodbel backup`")->required();
  restore->callback([&] { code = cmd_restore(common, backup_path); });

  bool dry_run = false;
  auto* purge = app.add_subcommand(
      "purge", "Erase notes and message texts older than [retention] days (counts are kept)");
  add_common(purge, common);
  purge->add_flag("--dry-run", dry_run, "Only count what would be erased");
  purge->callback([&] { code = cmd_purge(common, dry_run); });

  DigestCliOptions digest_options;
  auto* digest = app.add_subcommand(
      "digest", "The supervisors' digest of the 24 hours before the digest time on a date");
  add_common(digest, common);
  digest->add_option("--date", digest_options.date, "YYYY-MM-DD (default: today, Brussels time)");
  digest->add_option("--service", digest_options.service, "A service id or name (default: all)");
  digest->add_option("--format", digest_options.format, "text, html or json (default: text)");
  digest->callback([&] { code = cmd_digest(common, digest_options); });

  add_link_commands(app, common, code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::Success& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  return code;
}

}  // namespace noodbel::cli
