#include "bot/condition.h"

#include <array>
#include <utility>

#include <nlohmann/json.hpp>

namespace noodbel {
namespace {

using Json = nlohmann::json;

constexpr std::array<std::pair<ConditionKind, std::string_view>, 6> kKinds{{
    {ConditionKind::kLimit, "limit"},
    {ConditionKind::kFrom, "from"},
    {ConditionKind::kCallFirst, "call_first"},
    {ConditionKind::kAges, "ages"},
    {ConditionKind::kChildren, "children"},
    {ConditionKind::kTransport, "transport"},
}};

template <typename T>
void put(Json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}

template <typename T>
std::optional<T> get(const Json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end()) return std::nullopt;
  if constexpr (std::is_same_v<T, std::string>) {
    if (!it->is_string()) return std::nullopt;
  } else {
    if (!it->is_number_integer()) return std::nullopt;
  }
  return it->template get<T>();
}

Json to_json(const Condition& c) {
  Json j{{"kind", to_string(c.kind)}, {"words", c.words}};
  put(j, "nights", c.nights);
  put(j, "last_day", c.last_day);
  put(j, "from_day", c.from_day);
  put(j, "from_minute", c.from_minute);
  put(j, "in_minutes", c.in_minutes);
  put(j, "min_age_months", c.min_age_months);
  put(j, "max_age_months", c.max_age_months);
  put(j, "max_children", c.max_children);
  return j;
}

std::optional<Condition> from_json(const Json& j) {
  if (!j.is_object()) return std::nullopt;
  const std::optional<std::string> kind_name = get<std::string>(j, "kind");
  const std::optional<ConditionKind> kind =
      kind_name ? condition_kind_from_string(*kind_name) : std::nullopt;
  if (!kind) return std::nullopt;
  Condition c;
  c.kind = *kind;
  c.words = get<std::string>(j, "words").value_or("");
  c.nights = get<int>(j, "nights");
  c.last_day = get<std::string>(j, "last_day");
  c.from_day = get<std::string>(j, "from_day");
  c.from_minute = get<int>(j, "from_minute");
  c.in_minutes = get<int>(j, "in_minutes");
  c.min_age_months = get<int>(j, "min_age_months");
  c.max_age_months = get<int>(j, "max_age_months");
  c.max_children = get<int>(j, "max_children");
  return c;
}

}  // namespace

std::string_view to_string(ConditionKind k) {
  for (const auto& [kind, name] : kKinds) {
    if (kind == k) return name;
  }
  return "limit";
}

std::optional<ConditionKind> condition_kind_from_string(std::string_view s) {
  for (const auto& [kind, name] : kKinds) {
    if (name == s) return kind;
  }
  return std::nullopt;
}

std::string encode_conditions(const std::vector<Condition>& conditions) {
  Json list = Json::array();
  for (const Condition& c : conditions) list.push_back(to_json(c));
  return list.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::vector<Condition> decode_conditions(std::string_view json) {
  std::vector<Condition> out;
  const Json list = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!list.is_array()) return out;
  for (const Json& item : list) {
    if (std::optional<Condition> c = from_json(item)) out.push_back(std::move(*c));
  }
  return out;
}

}  // namespace noodbel
