#include "bot/place_text.h"

#include <optional>

#include <fmt/format.h>

#include "bot/text/ascii.h"

namespace noodbel {

std::string place_as_typed(const Postcodes& postcodes, const PlaceMatch& match) {
  constexpr double kSameSpotKm = 1.0;
  const std::optional<Place> by_code = postcodes.by_postcode(match.place.postcode);
  if (by_code && distance_km(by_code->point, match.place.point) <= kSameSpotKm) {
    return match.place.postcode;
  }
  std::string_view name = match.place.name;
  if (const std::size_t slash = name.find('/'); slash != std::string_view::npos) {
    name = name.substr(slash + 1);  // the Dutch form of "Bruxelles/Brussel"
  }
  return fmt::format("{} {}", match.place.postcode, name);
}

std::string province_text(const Templates& templates, Language lang, std::string_view province) {
  std::string name = "province_";
  for (const char c : province) name.push_back(is_alnum(c) ? lower_ascii(c) : '_');
  if (!templates.has(lang, name) && !templates.has(Language::kNl, name)) {
    return std::string(province);
  }
  Result<std::string> text = templates.render(lang, name, {});
  return text ? *text : std::string(province);
}

Result<std::string> place_label(const Templates& templates, Language lang,
                                const PlaceMatch& match) {
  if (match.is_municipality || match.municipality.empty()) {
    return templates.render(lang, "place_in_province",
                            {{"name", match.place.name},
                             {"postcode", match.place.postcode},
                             {"province", province_text(templates, lang, match.place.province)}});
  }
  return templates.render(lang, "place_in_municipality", {{"name", match.place.name},
                                                          {"postcode", match.place.postcode},
                                                          {"municipality", match.municipality}});
}

Result<std::string> place_choices(const Templates& templates, Language lang,
                                  const Postcodes& postcodes,
                                  const std::vector<PlaceMatch>& matches, std::string_view prefix) {
  std::string out;
  for (const PlaceMatch& match : matches) {
    Result<std::string> label = place_label(templates, lang, match);
    if (!label) return label.error();
    Result<std::string> line = templates.render(
        lang, "place_choice",
        {{"place", *label}, {"typed", std::string(prefix) + place_as_typed(postcodes, match)}});
    if (!line) return line.error();
    out += (out.empty() ? "" : "\n") + *line;
  }
  return out;
}

}  // namespace noodbel
