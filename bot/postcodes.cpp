#include "bot/postcodes.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <numbers>
#include <sstream>
#include <utility>

#include "bot/csv.h"

namespace noodbel {
namespace {

constexpr double kEarthRadiusKm = 6371.0088;
// Two places of one name further apart than this make the name ambiguous.
constexpr double kSamePlaceKm = 5.0;

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool is_postcode(std::string_view s) {
  return s.size() == 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_separator(char c) {
  return c == '-' || c == '\'' || c == '.' || c == '_' ||
         std::isspace(static_cast<unsigned char>(c));
}

// NFKD, marks stripped, case folded; '-', '\'', '.', '_' and runs of spaces become one
// space. "Sint-Niklaas" and "sint  niklaas" fold alike. Invalid UTF-8 folds to "".
std::string fold(std::string_view text) {
  std::string folded;
  if (is_ascii(text)) {
    folded.reserve(text.size());
    for (const char c : text)
      folded.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  } else {
    utf8proc_uint8_t* out = nullptr;
    const auto options =
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                       UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                     static_cast<utf8proc_ssize_t>(text.size()), &out, options);
    if (n < 0) return {};
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
    folded.assign(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  }
  std::string spaced;
  spaced.reserve(folded.size());
  for (char c : folded) {
    if (is_separator(c)) c = ' ';
    if (c == ' ' && (spaced.empty() || spaced.back() == ' ')) continue;
    spaced.push_back(c);
  }
  if (!spaced.empty() && spaced.back() == ' ') spaced.pop_back();
  return spaced;
}

// fold(text) == folded, without allocating when `text` is ASCII (nearly every name).
bool fold_equals(std::string_view text, std::string_view folded) {
  if (!is_ascii(text)) return fold(text) == folded;
  std::size_t i = 0;
  bool space_pending = false;
  for (const char c : text) {
    if (is_separator(c)) {
      space_pending = i > 0;
      continue;
    }
    if (space_pending && (i >= folded.size() || folded[i++] != ' ')) return false;
    space_pending = false;
    if (i >= folded.size() || folded[i++] != std::tolower(static_cast<unsigned char>(c)))
      return false;
  }
  return i == folded.size();
}

// True when `folded_query` is the whole name or one of its "/"-separated language forms.
bool name_matches(std::string_view name, std::string_view folded_query) {
  if (fold_equals(name, folded_query)) return true;
  if (name.find('/') == std::string_view::npos) return false;
  while (!name.empty()) {
    const std::size_t slash = std::min(name.find('/'), name.size());
    if (fold_equals(name.substr(0, slash), folded_query)) return true;
    name.remove_prefix(std::min(slash + 1, name.size()));
  }
  return false;
}

std::vector<const Place*> matches_by_name(const std::vector<Place>& places, std::string_view name) {
  std::vector<const Place*> found;
  const std::string query = fold(name);
  if (query.empty()) return found;
  for (const Place& place : places) {
    if (name_matches(place.name, query)) found.push_back(&place);
  }
  return found;
}

Result<double> parse_coordinate(std::string_view text, double limit) {
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value) ||
      std::abs(value) > limit) {
    return Error::Invalid(
        fmt::format("'{}' is not a number between -{} and {}", text, limit, limit));
  }
  return value;
}

constexpr std::array<std::string_view, 6> kColumns{"postcode", "place", "province",
                                                   "region",   "lat",   "lon"};

Result<std::array<std::size_t, kColumns.size()>> column_indexes(
    const std::vector<std::string>& header, const std::string& path) {
  std::array<std::size_t, kColumns.size()> index{};
  for (std::size_t c = 0; c < kColumns.size(); ++c) {
    const auto it = std::find(header.begin(), header.end(), kColumns[c]);
    if (it == header.end()) {
      return Error::Invalid(
          fmt::format("{} line 1: the header lacks column '{}'; it must be "
                      "postcode,place,province,region,lat,lon,match",
                      path, kColumns[c]));
    }
    index[c] = static_cast<std::size_t>(it - header.begin());
  }
  return index;
}

Result<Place> place_from_row(const CsvRow& row,
                             const std::array<std::size_t, kColumns.size()>& index,
                             std::size_t header_size, const std::string& path) {
  const auto where = [&](std::string_view what) {
    return Error::Invalid(fmt::format("{} line {}: {}", path, row.line, what));
  };
  if (row.fields.size() != header_size) {
    return where(
        fmt::format("has {} fields but the header has {}", row.fields.size(), header_size));
  }
  Place place{
      row.fields[index[0]], row.fields[index[1]], row.fields[index[2]], row.fields[index[3]], {}};
  if (!is_postcode(place.postcode)) {
    return where(fmt::format("postcode '{}' is not 4 digits", place.postcode));
  }
  if (place.name.empty()) return where("the place name is empty");
  const auto lat = parse_coordinate(row.fields[index[4]], 90);
  if (!lat.ok()) return where("lat " + lat.error().message);
  const auto lon = parse_coordinate(row.fields[index[5]], 180);
  if (!lon.ok()) return where("lon " + lon.error().message);
  place.point = {*lat, *lon};
  return place;
}

std::string describe_candidates(const std::vector<const Place*>& places) {
  std::string out;
  for (const Place* place : places) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {} ({})", place->postcode, place->name, place->province);
  }
  return out;
}

bool all_at_one_spot(const std::vector<const Place*>& places) {
  return std::all_of(places.begin(), places.end(), [&](const Place* p) {
    return distance_km(p->point, places.front()->point) <= kSamePlaceKm;
  });
}

}  // namespace

Result<Postcodes> Postcodes::load(const std::string& csv_path) {
  std::ifstream in(csv_path, std::ios::binary);
  if (!in) {
    return Error::NotFound(fmt::format(
        "cannot read the postcode file {}; set data_dir in the config to the folder that "
        "holds config/be-postcodes.csv",
        csv_path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto table = parse_csv(text.str());
  if (!table.ok()) return Error::Invalid(csv_path + " " + table.error().message);
  const auto index = column_indexes(table->header, csv_path);
  if (!index.ok()) return index.error();
  std::vector<Place> places;
  places.reserve(table->rows.size());
  for (const CsvRow& row : table->rows) {
    auto place = place_from_row(row, *index, table->header.size(), csv_path);
    if (!place.ok()) return place.error();
    places.push_back(std::move(place.value()));
  }
  if (places.empty()) return Error::Invalid(csv_path + " holds no places");
  return from_places(std::move(places));
}

Postcodes Postcodes::from_places(std::vector<Place> places) {
  Postcodes postcodes;
  postcodes.places_ = std::move(places);
  return postcodes;
}

std::optional<Place> Postcodes::by_postcode(std::string_view postcode) const {
  postcode = trim(postcode);
  for (const Place& place : places_) {
    if (place.postcode == postcode) return place;
  }
  return std::nullopt;
}

std::optional<Place> Postcodes::by_name(std::string_view name) const {
  const auto found = matches_by_name(places_, name);
  if (found.empty()) return std::nullopt;
  return *found.front();
}

Result<Place> Postcodes::resolve(std::string_view postcode_or_name) const {
  const std::string_view query = trim(postcode_or_name);
  if (query.empty()) {
    return Error::Invalid(
        "no place given: use a Belgian postcode such as 9000 or a "
        "municipality name such as Gent");
  }
  if (is_postcode(query)) {
    if (auto place = by_postcode(query)) return std::move(*place);
    return Error::NotFound(fmt::format(
        "unknown postcode {}: use a Belgian postcode such as 9000 or a municipality name "
        "such as Gent",
        query));
  }
  const auto found = matches_by_name(places_, query);
  if (found.empty()) {
    return Error::NotFound(fmt::format(
        "unknown place '{}': use a Belgian postcode such as 9000 or a municipality name "
        "such as Gent",
        query));
  }
  if (!all_at_one_spot(found)) {
    return Error::Invalid(
        fmt::format("'{}' names more than one place: {}; give the postcode instead", query,
                    describe_candidates(found)));
  }
  return *found.front();
}

double distance_km(GeoPoint a, GeoPoint b) {
  constexpr double kRad = std::numbers::pi / 180.0;
  const double dlat = (b.lat - a.lat) * kRad;
  const double dlon = (b.lon - a.lon) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace noodbel
