#include "adapters/config/load_config.h"

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace noodbel {
namespace {

// Collects the first problem found while reading typed values out of a toml table.
class Reader {
 public:
  explicit Reader(std::string source) : source_(std::move(source)) {}

  bool failed() const { return error_.has_value(); }
  Error error() const { return Error::Invalid(*error_); }

  void fail(std::string_view key, std::string_view reason) {
    if (!error_) error_ = fmt::format("{}: {}: {}", source_, key, reason);
  }

  // Every key of `table` must be one of `allowed`.
  void only_keys(const toml::table& table, std::string_view prefix,
                 std::initializer_list<std::string_view> allowed) {
    for (const auto& [k, v] : table) {
      const std::string_view key = k.str();
      bool known = false;
      for (auto a : allowed) known = known || a == key;
      if (!known) {
        fail(join(prefix, key), fmt::format("unknown key; allowed here: {}",
                                            fmt::join(allowed, ", ")));
      }
    }
  }

  void integer(const toml::table& t, std::string_view prefix, std::string_view key, int lo,
               int hi, int& out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    const auto v = n->value_exact<std::int64_t>();
    if (!v) return fail(join(prefix, key), "must be a whole number");
    if (*v < lo || *v > hi) {
      return fail(join(prefix, key),
                  fmt::format("must be between {} and {} (got {})", lo, hi, *v));
    }
    out = static_cast<int>(*v);
  }

  void text(const toml::table& t, std::string_view prefix, std::string_view key,
            std::string& out, bool allow_empty = false) {
    const toml::node* n = t.get(key);
    if (!n) return;
    const auto v = n->value_exact<std::string>();
    if (!v) return fail(join(prefix, key), "must be a string in double quotes");
    if (!allow_empty && v->empty()) return fail(join(prefix, key), "must not be empty");
    out = *v;
  }

  void boolean(const toml::table& t, std::string_view prefix, std::string_view key, bool& out) {
    const toml::node* n = t.get(key);
    if (!n) return;
    const auto v = n->value_exact<bool>();
    if (!v) return fail(join(prefix, key), "must be true or false");
    out = *v;
  }

  const toml::table* section(const toml::table& root, std::string_view key) {
    const toml::node* n = root.get(key);
    if (!n) return nullptr;
    if (!n->is_table()) {
      fail(key, fmt::format("must be a table, written as [{}]", key));
      return nullptr;
    }
    return n->as_table();
  }

 private:
  static std::string join(std::string_view prefix, std::string_view key) {
    return prefix.empty() ? std::string(key) : fmt::format("{}.{}", prefix, key);
  }

  std::string source_;
  std::optional<std::string> error_;
};

void read_general(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "general");
  if (!t) return;
  r.only_keys(*t, "general", {"default_language"});
  std::string lang;
  r.text(*t, "general", "default_language", lang);
  if (lang.empty()) return;
  const auto parsed = language_from_string(lang);
  if (!parsed) return r.fail("general.default_language", "must be \"nl\", \"fr\" or \"en\"");
  c.default_language = *parsed;
}

void read_paths(Reader& r, const toml::table& root, Config& c) {
  if (const toml::table* t = r.section(root, "database")) {
    r.only_keys(*t, "database", {"path"});
    r.text(*t, "database", "path", c.db_path);
  }
  if (const toml::table* t = r.section(root, "paths")) {
    r.only_keys(*t, "paths", {"data_dir"});
    r.text(*t, "paths", "data_dir", c.data_dir);
  }
}

void read_http(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "http");
  if (!t) return;
  r.only_keys(*t, "http", {"address", "port", "body_limit_bytes", "read_timeout_seconds",
                           "max_connections"});
  r.text(*t, "http", "address", c.http.address);
  r.integer(*t, "http", "port", 0, 65535, c.http.port);
  int limit = static_cast<int>(c.http.body_limit_bytes);
  r.integer(*t, "http", "body_limit_bytes", 1024, 16 * 1024 * 1024, limit);
  c.http.body_limit_bytes = static_cast<std::size_t>(limit);
  r.integer(*t, "http", "read_timeout_seconds", 1, 300, c.http.read_timeout_seconds);
  r.integer(*t, "http", "max_connections", 1, 100000, c.http.max_connections);
}

void read_calls(Reader& r, const toml::table& root, Config& c) {
  const toml::table* t = r.section(root, "calls");
  if (!t) return;
  r.only_keys(*t, "calls", {"wave_size", "wave_interval_minutes", "stop_after_yes",
                            "expiry_hours", "code_reuse_days"});
  r.integer(*t, "calls", "wave_size", 1, 500, c.calls.wave_size);
  r.integer(*t, "calls", "wave_interval_minutes", 1, 24 * 60, c.calls.wave_interval_minutes);
  r.integer(*t, "calls", "stop_after_yes", 1, 100, c.calls.stop_after_yes);
  r.integer(*t, "calls", "expiry_hours", 1, 24 * 14, c.calls.expiry_hours);
  r.integer(*t, "calls", "code_reuse_days", 0, 365, c.calls.code_reuse_days);
}

void read_sandbox_and_log(Reader& r, const toml::table& root, Config& c) {
  if (const toml::table* t = r.section(root, "sandbox")) {
    r.only_keys(*t, "sandbox", {"enabled"});
    r.boolean(*t, "sandbox", "enabled", c.sandbox.enabled);
  }
  if (const toml::table* t = r.section(root, "log")) {
    r.only_keys(*t, "log", {"level"});
    r.text(*t, "log", "level", c.log.level);
    static const std::set<std::string> kLevels{"trace", "debug", "info", "warn", "error"};
    if (!kLevels.count(c.log.level)) {
      r.fail("log.level", "must be one of trace, debug, info, warn, error");
    }
  }
}

void read_services(Reader& r, const toml::table& root, Config& c) {
  const toml::node* n = root.get("services");
  if (!n) return;
  const toml::array* arr = n->as_array();
  if (!arr || !arr->is_array_of_tables()) {
    return r.fail("services", "must be a list of tables, each written as [[services]]");
  }
  if (arr->empty()) return r.fail("services", "must name at least one service");
  std::vector<ServiceConfig> services;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const toml::table& t = *arr->get(i)->as_table();
    const std::string prefix = fmt::format("services[{}]", i);
    r.only_keys(t, prefix, {"id", "name"});
    ServiceConfig s;
    r.text(t, prefix, "id", s.id);
    r.text(t, prefix, "name", s.name);
    if (s.id.empty()) r.fail(prefix + ".id", "is required, e.g. id = \"oost-vlaanderen\"");
    if (s.name.empty()) r.fail(prefix + ".name", "is required");
    if (!seen.insert(s.id).second) r.fail(prefix + ".id", "is used twice: ids must be unique");
    services.push_back(std::move(s));
  }
  c.services = std::move(services);
}

}  // namespace

Config default_config() {
  Config c;
  c.source = "(built-in defaults)";
  c.data_dir = NOODBEL_DATA_DIR;
  c.services = default_services();
  return c;
}

Result<Config> parse_config(std::string_view toml_text, const std::string& source) {
  toml::table root;
  try {
    root = toml::parse(toml_text, source);
  } catch (const toml::parse_error& e) {
    return Error::Invalid(fmt::format("{}:{}:{}: {}", source, e.source().begin.line,
                                      e.source().begin.column, e.description()));
  }
  Config c = default_config();
  c.source = source;
  Reader r(source);
  r.only_keys(root, "", {"general", "database", "paths", "http", "calls", "sandbox", "log",
                         "services"});
  read_general(r, root, c);
  read_paths(r, root, c);
  read_http(r, root, c);
  read_calls(r, root, c);
  read_sandbox_and_log(r, root, c);
  read_services(r, root, c);
  if (r.failed()) return r.error();
  return c;
}

Result<Config> load_config_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::Invalid(fmt::format(
        "{}: cannot read the configuration file; check the path (see config/example.toml)",
        path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), path);
}

Result<Config> resolve_config(const std::optional<std::string>& config_flag,
                              const std::optional<std::string>& db_flag) {
  std::optional<std::string> path = config_flag;
  if (!path) {
    if (const char* env = std::getenv("NOODBEL_CONFIG"); env && *env) path = std::string(env);
  }
  Result<Config> config = path ? load_config_file(*path) : Result<Config>(default_config());
  if (!config.ok()) return config;
  if (db_flag) config->db_path = *db_flag;
  return config;
}

}  // namespace noodbel
