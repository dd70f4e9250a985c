#include "bot/postcodes.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numbers>
#include <set>
#include <sstream>
#include <tuple>
#include <utility>

#include "bot/csv.h"
#include "bot/edit_distance.h"

namespace noodbel {
namespace {

constexpr double kEarthRadiusKm = 6371.0088;
// Two places of one name further apart than this make the name ambiguous.
constexpr double kSamePlaceKm = 5.0;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::size_t kMaxSuggestions = 3;
constexpr std::string_view kHowToName =
    "use a Belgian postcode such as 9000 or a municipality name such as Gent";

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
  return c == '-' || c == '\'' || c == '.' || c == '_' || c == '(' || c == ')' ||
         std::isspace(static_cast<unsigned char>(c));
}

// Typographic apostrophes (’ ‘) as phones type them become '.
std::string plain_quotes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i, 2) == "\xE2\x80" && i + 2 < text.size() &&
        (text[i + 2] == '\x98' || text[i + 2] == '\x99')) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

// NFKD, marks stripped, case folded; '-', '\'', '.', '_', brackets and runs of spaces
// become one space. "Sint-Niklaas" and "sint  niklaas" fold alike. Invalid UTF-8 folds to "".
std::string fold(std::string_view text) {
  std::string folded;
  if (is_ascii(text)) {
    folded.reserve(text.size());
    for (const char c : text)
      folded.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  } else {
    const std::string plain = plain_quotes(text);
    utf8proc_uint8_t* out = nullptr;
    const auto options =
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                       UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(plain.data()),
                     static_cast<utf8proc_ssize_t>(plain.size()), &out, options);
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

std::string squash(std::string_view folded) {
  std::string out;
  for (const char c : folded) {
    if (c != ' ') out.push_back(c);
  }
  return out;
}

// "st niklaas" -> {"sint niklaas", "saint niklaas"}; "o l v waver" -> "onze lieve vrouw
// waver". Only the spellings that differ from the query.
std::vector<std::string> abbreviation_variants(std::string_view folded) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kAbbreviations{{
      {"st", "sint"}, {"st", "saint"}, {"ste", "sinte"}, {"ste", "sainte"},
      {"sint", "saint"}, {"o l v", "onze lieve vrouw"}}};
  std::vector<std::string> out;
  const std::string padded = " " + std::string(folded) + " ";
  for (const auto& [short_form, long_form] : kAbbreviations) {
    const std::string from = " " + std::string(short_form) + " ";
    const std::size_t at = padded.find(from);
    if (at == std::string::npos) continue;
    std::string variant = padded;
    variant.replace(at, from.size(), " " + std::string(long_form) + " ");
    out.push_back(std::string(trim(variant)));
  }
  return out;
}

std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  if (s.empty()) return parts;
  for (std::size_t pos = 0;;) {
    const std::size_t end = std::min(s.find(separator, pos), s.size());
    parts.push_back(trim(s.substr(pos, end - pos)));
    if (end == s.size()) return parts;
    pos = end + 1;
  }
}

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

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::NotFound("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// True when `folded_query` is the whole name or one of its "/"-separated language forms.
bool name_matches(std::string_view name, std::string_view folded_query) {
  for (const std::string_view form : split(name, '/')) {
    if (fold(form) == folded_query) return true;
  }
  return false;
}

std::string describe(const PlaceMatch& m) {
  if (m.is_municipality || m.municipality.empty()) {
    return fmt::format("{} ({}, {})", m.place.name, m.place.postcode, m.place.province);
  }
  return fmt::format("{} ({}, part of {})", m.place.name, m.place.postcode, m.municipality);
}

std::string describe_all(const std::vector<PlaceMatch>& matches) {
  std::string out;
  for (const PlaceMatch& m : matches) out += (out.empty() ? "" : ", ") + describe(m);
  return out;
}

// "9120 Beveren", "Beveren 9120", "Beveren (9120)": the postcode and the rest.
std::optional<std::pair<std::string, std::string>> postcode_and_name(std::string_view query) {
  std::string postcode;
  std::string name;
  std::size_t pos = 0;
  while (pos < query.size()) {
    while (pos < query.size() && std::isspace(static_cast<unsigned char>(query[pos]))) ++pos;
    std::size_t end = pos;
    while (end < query.size() && !std::isspace(static_cast<unsigned char>(query[end]))) ++end;
    std::string_view word = query.substr(pos, end - pos);
    std::string_view bare = word;
    if (bare.starts_with('(') && bare.ends_with(')') && bare.size() > 2) {
      bare = bare.substr(1, bare.size() - 2);
    }
    if (is_postcode(bare) && postcode.empty()) {
      postcode = std::string(bare);
    } else if (!word.empty()) {
      name += (name.empty() ? "" : " ") + std::string(word);
    }
    pos = end;
  }
  if (postcode.empty() || name.empty()) return std::nullopt;
  return std::pair{postcode, name};
}

}  // namespace

// ---- loading ----

Result<Postcodes> Postcodes::load(const std::string& csv_path) {
  auto text = read_file(csv_path);
  if (!text.ok()) {
    return Error::NotFound(fmt::format(
        "cannot read the postcode file {}; set data_dir in the config to the folder that "
        "holds config/be-postcodes.csv",
        csv_path));
  }
  const std::filesystem::path folder = std::filesystem::path(csv_path).parent_path();
  const auto optional_file = [&](std::string_view name) -> Result<std::string> {
    const std::filesystem::path path = folder / name;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::string();
    return read_file(path.string());
  };
  auto extra = optional_file("be-postcodes-extra.csv");
  if (!extra.ok()) return extra.error();
  auto municipalities = optional_file("municipalities.csv");
  if (!municipalities.ok()) return municipalities.error();
  return parse(*text, *extra, *municipalities, csv_path);
}

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
  postcodes.municipality_of_.assign(postcodes.places_.size(), kNone);
  postcodes.build_index();
  return postcodes;
}

Result<Postcodes> Postcodes::from_places(std::vector<Place> places,
                                         std::string_view municipalities_csv) {
  Postcodes postcodes;
  postcodes.places_ = std::move(places);
  postcodes.municipality_of_.assign(postcodes.places_.size(), kNone);
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
    for (const std::string_view former : split(field(6), '|')) m.merged_from.emplace_back(former);
    const std::size_t self = municipalities_.size();
    for (const std::string_view entry : split(field(8), '|')) {
      auto at = find_place(entry);
      if (!at.ok()) return at.error();
      if (municipality_of_[*at] != kNone) {
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
    for (const std::string_view name : split(field(5), '|')) {
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
    for (const std::string_view form : split(places_[i].name, '/')) add_key(fold(form), {i, false});
  }
  for (const auto& [alias, place] : aliases_) add_key(fold(alias), {place, false});
  for (std::size_t m = 0; m < municipalities_.size(); ++m) {
    add_key(fold(municipalities_[m].name), {m, true});
    for (const std::string& name : municipalities_[m].names) add_key(fold(name), {m, true});
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

// ---- look-ups ----

const Municipality* Postcodes::municipality_of(std::size_t place_index) const {
  if (place_index >= municipality_of_.size() || municipality_of_[place_index] == kNone) {
    return nullptr;
  }
  return &municipalities_[municipality_of_[place_index]];
}

const Municipality* Postcodes::municipality(std::string_view name) const {
  for (const Entry& e : exact(fold(trim(name)))) {
    if (e.municipality) return &municipalities_[e.index];
  }
  return nullptr;
}

std::vector<Postcodes::Entry> Postcodes::exact(std::string_view folded) const {
  if (folded.empty()) return {};
  if (const auto it = index_.find(std::string(folded)); it != index_.end()) return it->second;
  return {};
}

PlaceMatch Postcodes::place_match(std::size_t place_index) const {
  const Municipality* m = municipality_of(place_index);
  return {places_[place_index], m ? m->name : "", false};
}

PlaceMatch Postcodes::municipality_match(std::size_t municipality_index) const {
  const Municipality& m = municipalities_[municipality_index];
  const Place& centre = places_[m.centre];
  // Named like its centre when that is the municipality itself ("Bruxelles/Brussel",
  // "Gent"); else after the municipality ("Pelt" for Neerpelt, "Halle" for Hal).
  const std::string name = name_matches(centre.name, fold(m.name)) ? centre.name : m.name;
  return {Place{centre.postcode, name, m.province, m.region, centre.point}, m.name, true};
}

PlaceMatch Postcodes::match_of(Entry e, std::string_view folded_query) const {
  if (e.municipality) return municipality_match(e.index);
  // The centre of a municipality of that very name is the municipality ("Tielt" 8700).
  const std::size_t m = municipality_of_.empty() ? kNone : municipality_of_[e.index];
  if (m != kNone && municipalities_[m].centre == e.index &&
      fold(municipalities_[m].name) == folded_query) {
    return municipality_match(m);
  }
  return place_match(e.index);
}

std::optional<Place> Postcodes::by_postcode(std::string_view postcode) const {
  postcode = trim(postcode);
  const auto it = main_place_.find(postcode);
  if (it == main_place_.end()) return std::nullopt;
  const std::size_t m = municipality_of_[it->second];
  if (m != kNone && municipalities_[m].centre == it->second) return municipality_match(m).place;
  return places_[it->second];
}

std::optional<Place> Postcodes::by_name(std::string_view name) const {
  const PlaceLookup found = lookup(name);
  if (found.is_postcode || found.matches.empty() ||
      (found.status != PlaceLookupStatus::kFound && found.status != PlaceLookupStatus::kAmbiguous)) {
    return std::nullopt;
  }
  return found.matches.front().place;
}

PlaceLookup Postcodes::lookup(std::string_view postcode_or_name) const {
  const std::string_view query = trim(postcode_or_name);
  PlaceLookup result;
  result.query = std::string(query);
  if (query.empty()) return result;
  if (is_postcode(query)) {
    result.is_postcode = true;
    const auto it = main_place_.find(query);
    if (it == main_place_.end()) {
      result.status = PlaceLookupStatus::kUnknown;
      return result;
    }
    const std::size_t m = municipality_of_[it->second];
    result.status = PlaceLookupStatus::kFound;
    result.matches.push_back(m != kNone && municipalities_[m].centre == it->second
                                 ? municipality_match(m)
                                 : place_match(it->second));
    return result;
  }
  if (const auto both = postcode_and_name(query)) {
    return by_postcode_and_name(result.query, both->first, both->second);
  }
  return by_name_lookup(result.query);
}

PlaceLookup Postcodes::by_name_lookup(std::string query) const {
  PlaceLookup result;
  result.query = std::move(query);
  const std::string folded = fold(result.query);
  std::vector<Entry> entries = exact(folded);
  std::string matched = folded;
  if (entries.empty()) {
    for (const std::string& variant : abbreviation_variants(folded)) {
      for (const Entry& e : exact(variant)) entries.push_back(e);
      if (!entries.empty()) {
        matched = variant;
        break;
      }
    }
  }
  if (entries.empty() && !folded.empty()) {
    if (const auto it = squashed_.find(squash(folded)); it != squashed_.end()) {
      entries = it->second;
      matched.clear();
    }
  }
  if (entries.empty()) {
    result.status = PlaceLookupStatus::kUnknown;
    result.matches = suggestions(folded);
    return result;
  }
  // One candidate per place; a municipality over a plain place.
  std::vector<std::pair<std::size_t, PlaceMatch>> found;  // place index (or centre), match
  for (const Entry& e : entries) {
    const std::size_t at = e.municipality ? municipalities_[e.index].centre : e.index;
    PlaceMatch m = match_of(e, matched);
    const auto same = std::find_if(found.begin(), found.end(),
                                   [&](const auto& f) { return f.first == at; });
    if (same == found.end()) {
      found.emplace_back(at, std::move(m));
    } else if (m.is_municipality && !same->second.is_municipality) {
      same->second = std::move(m);
    }
  }
  // A place inside a municipality of the same name is that municipality ("Antwerpen" 2060).
  std::set<std::string> named;
  for (const auto& f : found) {
    if (f.second.is_municipality) named.insert(f.second.municipality);
  }
  std::erase_if(found, [&](const auto& f) {
    return !f.second.is_municipality && named.count(f.second.municipality) > 0;
  });
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::tuple(!a.second.is_municipality, a.second.place.postcode) <
           std::tuple(!b.second.is_municipality, b.second.place.postcode);
  });
  const GeoPoint first = found.front().second.place.point;
  const bool one_spot = std::all_of(found.begin(), found.end(), [&](const auto& f) {
    return distance_km(f.second.place.point, first) <= kSamePlaceKm;
  });
  result.status = one_spot ? PlaceLookupStatus::kFound : PlaceLookupStatus::kAmbiguous;
  for (auto& f : found) {
    result.matches.push_back(std::move(f.second));
    if (one_spot) break;
  }
  return result;
}

PlaceLookup Postcodes::by_postcode_and_name(std::string query, std::string_view postcode,
                                            std::string_view name) const {
  PlaceLookup result;
  result.query = std::move(query);
  const std::string folded = fold(name);
  std::vector<Entry> entries = exact(folded);
  for (const std::string& variant : abbreviation_variants(folded)) {
    for (const Entry& e : exact(variant)) entries.push_back(e);
  }
  if (const auto it = squashed_.find(squash(folded)); entries.empty() && it != squashed_.end()) {
    entries = it->second;
  }
  for (const Entry& e : entries) {
    if (e.municipality) {
      const Municipality& m = municipalities_[e.index];
      if (std::find(m.postcodes.begin(), m.postcodes.end(), postcode) == m.postcodes.end()) {
        continue;
      }
      const auto main = main_place_.find(postcode);
      result.matches.push_back(places_[m.centre].postcode == postcode || main == main_place_.end()
                                   ? municipality_match(e.index)
                                   : place_match(main->second));
    } else if (places_[e.index].postcode == postcode) {
      result.matches.push_back(place_match(e.index));
    }
    if (!result.matches.empty()) break;
  }
  if (!result.matches.empty()) {
    result.status = PlaceLookupStatus::kFound;
    return result;
  }
  // The name is not in that postcode: suggest the places that are.
  result.status = PlaceLookupStatus::kUnknown;
  std::vector<std::pair<int, std::size_t>> ranked;
  for (std::size_t i = 0; i < places_.size(); ++i) {
    if (places_[i].postcode != postcode) continue;
    ranked.emplace_back(edit_distance(folded, fold(places_[i].name), 100), i);
  }
  std::stable_sort(ranked.begin(), ranked.end());
  for (const auto& [distance, i] : ranked) {
    if (result.matches.size() == kMaxSuggestions) break;
    result.matches.push_back(place_match(i));
  }
  return result;
}

std::vector<PlaceMatch> Postcodes::suggestions(std::string_view folded_query) const {
  const int n = static_cast<int>(folded_query.size());
  if (n < 3) return {};
  const int limit = n <= 4 ? 1 : n <= 8 ? 2 : 3;
  const std::string squashed_query = squash(folded_query);
  // (distance, not a municipality, name) -> entries
  std::vector<std::tuple<int, bool, std::string, std::vector<Entry>>> ranked;
  for (const auto& [key, entries] : index_) {
    int distance = std::min(edit_distance(folded_query, key, limit),
                            edit_distance(squashed_query, squash(key), limit));
    if (distance > limit && key.starts_with(std::string(folded_query) + " ")) distance = limit;
    if (distance > limit) continue;
    const bool municipality = std::any_of(entries.begin(), entries.end(),
                                          [](const Entry& e) { return e.municipality; });
    ranked.emplace_back(distance, !municipality, key, entries);
  }
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) <
           std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
  });
  std::vector<PlaceMatch> out;
  std::set<std::size_t> seen;  // place indexes
  for (const auto& [distance, plain, key, entries] : ranked) {
    for (const Entry& e : entries) {
      const std::size_t at = e.municipality ? municipalities_[e.index].centre : e.index;
      if (!seen.insert(at).second) continue;
      out.push_back(match_of(e, key));
      if (out.size() == kMaxSuggestions) return out;
    }
  }
  return out;
}

Result<Place> Postcodes::resolve(std::string_view postcode_or_name) const {
  const PlaceLookup found = lookup(postcode_or_name);
  switch (found.status) {
    case PlaceLookupStatus::kFound:
      return found.matches.front().place;
    case PlaceLookupStatus::kEmpty:
      return Error::Invalid(fmt::format("no place given: {}", kHowToName));
    case PlaceLookupStatus::kAmbiguous:
      return Error::Invalid(fmt::format("'{}' names more than one place: {}; give the postcode instead",
                                        found.query, describe_all(found.matches)));
    case PlaceLookupStatus::kUnknown:
      break;
  }
  const std::string hint =
      found.matches.empty() ? "" : fmt::format(" (did you mean {}?)", describe_all(found.matches));
  if (found.is_postcode) {
    return Error::NotFound(fmt::format("unknown postcode {}: {}", found.query, kHowToName));
  }
  return Error::NotFound(fmt::format("unknown place '{}'{}: {}", found.query, hint, kHowToName));
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
