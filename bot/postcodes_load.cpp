// Postcodes: parsing the place files and the municipalities, and building the name index.
#include "bot/postcodes.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <utility>

#include "bot/csv.h"
#include "bot/place_names.h"
#include "bot/text/ascii.h"
#include "bot/text/split.h"

namespace noodbel {
namespace {

using place_names::fold;
using place_names::is_postcode;
using place_names::name_matches;
using place_names::squash;

// Drops the comment lines ('#') that open a data file, keeping line numbers right.
std::string without_comments(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool opening = true;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line = text.substr(pos, end - pos);
    if (opening && line.starts_with('#')) {
      out += '\n';
    } else {
      opening = false;
      out.append(line);
      if (end < text.size()) out += '\n';
    }
    pos = end + 1;
  }
  return out;
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

// The indexes of `wanted` columns in `header`, or an error naming the first one missing.
template <std::size_t N>
Result<std::array<std::size_t, N>> column_indexes(const std::vector<std::string>& header,
                                                  const std::array<std::string_view, N>& wanted,
                                                  std::string_view source,
                                                  std::string_view expected) {
  std::array<std::size_t, N> index{};
  for (std::size_t c = 0; c < N; ++c) {
    const auto it = std::find(header.begin(), header.end(), wanted[c]);
    if (it == header.end()) {
      return Error::Invalid(fmt::format("{} line 1: the header lacks column '{}'; it must be {}",
                                        source, wanted[c], expected));
    }
    index[c] = static_cast<std::size_t>(it - header.begin());
  }
  return index;
}

constexpr std::array<std::string_view, 6> kPlaceColumns{"postcode", "place", "province",
                                                        "region",   "lat",   "lon"};
constexpr std::string_view kPlaceHeader = "postcode,place,province,region,lat,lon,match";

Result<Place> place_from_row(const CsvRow& row,
                             const std::array<std::size_t, kPlaceColumns.size()>& index,
                             std::size_t header_size, std::string_view source) {
  const auto where = [&](std::string_view what) {
    return Error::Invalid(fmt::format("{} line {}: {}", source, row.line, what));
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

Status append_places(std::string_view text, std::string_view source, std::vector<Place>& places) {
  auto table = parse_csv(without_comments(text));
  if (!table.ok()) return Error::Invalid(std::string(source) + " " + table.error().message);
  const auto index = column_indexes(table->header, kPlaceColumns, source, kPlaceHeader);
  if (!index.ok()) return index.error();
  for (const CsvRow& row : table->rows) {
    auto place = place_from_row(row, *index, table->header.size(), source);
    if (!place.ok()) return place.error();
    places.push_back(std::move(place.value()));
  }
  return Ok();
}

}  // namespace

Result<Postcodes> Postcodes::parse(std::string_view postcodes_csv, std::string_view extra_csv,
                                   std::string_view municipalities_csv, std::string_view source) {
  std::vector<Place> places;
  if (Status s = append_places(postcodes_csv, source, places); !s) return s.error();
  if (places.empty()) return Error::Invalid(std::string(source) + " holds no places");
  if (!trim(extra_csv).empty()) {
    if (Status s = append_places(extra_csv, "be-postcodes-extra.csv", places); !s) {
      return s.error();
    }
  }
  return from_places(std::move(places), municipalities_csv);
}

Postcodes Postcodes::from_places(std::vector<Place> places) {
  Postcodes postcodes;
  postcodes.places_ = std::move(places);
  postcodes.municipality_of_.assign(postcodes.places_.size(), kNoMunicipality);
  postcodes.build_index();
  return postcodes;
}

Result<Postcodes> Postcodes::from_places(std::vector<Place> places,
                                         std::string_view municipalities_csv) {
  Postcodes postcodes;
  postcodes.places_ = std::move(places);
  postcodes.municipality_of_.assign(postcodes.places_.size(), kNoMunicipality);
  if (!trim(municipalities_csv).empty()) {
    if (Status s = postcodes.add_municipalities(municipalities_csv, "municipalities.csv"); !s) {
      return s.error();
    }
  }
  postcodes.build_index();
  return postcodes;
}

Status Postcodes::add_municipalities(std::string_view csv, std::string_view source) {
  static constexpr std::array<std::string_view, 9> kColumns{
      "municipality", "province", "region", "centre_postcode", "centre_place",
      "names",        "merged_from", "merged_on", "places"};
  static constexpr std::string_view kHeader =
      "municipality,province,region,centre_postcode,centre_place,names,merged_from,merged_on,"
      "places";
  auto table = parse_csv(without_comments(csv));
  if (!table.ok()) return Error::Invalid(std::string(source) + " " + table.error().message);
  const auto col = column_indexes(table->header, kColumns, source, kHeader);
  if (!col.ok()) return col.error();
  std::map<std::pair<std::string, std::string>, std::size_t> place_index;
  for (std::size_t i = 0; i < places_.size(); ++i) {
    place_index.emplace(std::pair{places_[i].postcode, places_[i].name}, i);
  }
  for (const CsvRow& row : table->rows) {
    const auto fail = [&](std::string_view what) {
      return Error::Invalid(fmt::format("{} line {}: {}", source, row.line, what));
    };
    if (row.fields.size() != table->header.size()) {
      return fail(fmt::format("has {} fields but the header has {}", row.fields.size(),
                              table->header.size()));
    }
    const auto field = [&](std::size_t c) -> const std::string& { return row.fields[(*col)[c]]; };
    // "9000 Gent" -> the index of that place.
    const auto find_place = [&](std::string_view entry) -> Result<std::size_t> {
      const std::size_t space = entry.find(' ');
      if (space == std::string_view::npos || !is_postcode(entry.substr(0, space))) {
        return fail(fmt::format("'{}' must be a postcode, a space and a place", entry));
      }
      const auto it = place_index.find(
          {std::string(entry.substr(0, space)), std::string(trim(entry.substr(space + 1)))});
      if (it == place_index.end()) {
        return fail(fmt::format("'{}' is not a place of the postcode files", entry));
      }
      return it->second;
    };
    Municipality m;
    m.name = field(0);
    m.province = field(1);
    m.region = field(2);
    m.merged_on = field(7);
    if (m.name.empty()) return fail("the municipality name is empty");
    for (const std::string_view former : split_trimmed(field(6), '|')) {
      m.merged_from.emplace_back(former);
    }
    const std::size_t self = municipalities_.size();
    for (const std::string_view entry : split_trimmed(field(8), '|')) {
      auto at = find_place(entry);
      if (!at.ok()) return at.error();
      if (municipality_of_[*at] != kNoMunicipality) {
        return fail(fmt::format("'{}' belongs to {} already",
                                entry, municipalities_[municipality_of_[*at]].name));
      }
      municipality_of_[*at] = self;
      m.places.push_back(*at);
      m.postcodes.push_back(places_[*at].postcode);
    }
    if (m.places.empty()) return fail("the municipality has no places");
    auto centre = find_place(field(3) + " " + field(4));
    if (!centre.ok()) return centre.error();
    if (municipality_of_[*centre] != self) {
      return fail(fmt::format("the centre '{} {}' is not one of its places", field(3), field(4)));
    }
    m.centre = *centre;
    for (const std::string_view name : split_trimmed(field(5), '|')) {
      const std::size_t eq = name.find('=');
      if (eq == std::string_view::npos) {
        m.names.emplace_back(name);
        continue;
      }
      auto target = find_place(trim(name.substr(eq + 1)));
      if (!target.ok()) return target.error();
      if (municipality_of_[*target] != self) {
        return fail(fmt::format("'{}' names a place of another municipality", name));
      }
      aliases_.emplace_back(std::string(trim(name.substr(0, eq))), *target);
    }
    std::sort(m.postcodes.begin(), m.postcodes.end());
    m.postcodes.erase(std::unique(m.postcodes.begin(), m.postcodes.end()), m.postcodes.end());
    municipalities_.push_back(std::move(m));
  }
  return Ok();
}

void Postcodes::add_key(const std::string& key, Entry entry) {
  if (key.empty()) return;
  const auto add = [&](std::vector<Entry>& entries) {
    const bool known = std::any_of(entries.begin(), entries.end(), [&](const Entry& e) {
      return e.index == entry.index && e.municipality == entry.municipality;
    });
    if (!known) entries.push_back(entry);
  };
  add(index_[key]);
  add(squashed_[squash(key)]);
}

void Postcodes::build_index() {
  for (std::size_t i = 0; i < places_.size(); ++i) {
    add_key(fold(places_[i].name), {i, false});  // "Bruxelles/Brussel" as a whole too
    for (const std::string_view form : split_trimmed(places_[i].name, '/')) {
      add_key(fold(form), {i, false});
    }
  }
  for (const auto& [alias, place] : aliases_) add_key(fold(alias), {place, false});
  for (std::size_t m = 0; m < municipalities_.size(); ++m) {
    add_key(fold(municipalities_[m].name), {m, true});
    for (const std::string& name : municipalities_[m].names) add_key(fold(name), {m, true});
  }
  suggestion_keys_.clear();
  suggestion_keys_.reserve(index_.size());
  for (const auto& [key, entries] : index_) {
    suggestion_keys_.push_back({key, squash(key), place_names::letter_counts(key)});
  }
  // The main place of each postcode: a municipality centre, else a former municipality's
  // main place (named after it, or its alias), else the first listed.
  std::map<std::string, std::pair<int, std::size_t>, std::less<>> best;
  const auto offer = [&](std::size_t place, int rank) {
    auto [it, added] = best.try_emplace(places_[place].postcode, rank, place);
    if (!added && rank < it->second.first) it->second = {rank, place};
  };
  for (std::size_t i = 0; i < places_.size(); ++i) offer(i, 3);
  for (const Municipality& m : municipalities_) {
    offer(m.centre, 0);
    for (const std::string& former : m.merged_from) {
      const std::string folded = fold(former);
      for (const std::size_t p : m.places) {
        if (name_matches(places_[p].name, folded)) offer(p, 1);
      }
      for (const auto& [alias, place] : aliases_) {
        if (fold(alias) == folded) offer(place, 1);
      }
    }
  }
  for (const auto& [postcode, ranked] : best) main_place_.emplace(postcode, ranked.second);
}

}  // namespace noodbel
