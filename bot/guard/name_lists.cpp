#include "bot/guard/name_lists.h"

#include <algorithm>
#include <string_view>

#include "bot/guard/word_list.h"

namespace noodbel {
namespace {

WordSet folded_names(const std::vector<std::string>& first_names) {
  WordSet names;
  for (const std::string& name : first_names) {
    if (std::string folded = fold_entry(name); !folded.empty()) names.insert(std::move(folded));
  }
  return names;
}

WordSet folded_places(const std::vector<std::string>& places) {
  WordSet place_names;
  for (const std::string& place : places) {
    std::string_view rest = place;
    while (!rest.empty()) {  // "Bruxelles/Brussel": each language form
      const std::size_t slash = std::min(rest.find('/'), rest.size());
      if (std::string folded = fold_entry(rest.substr(0, slash)); !folded.empty()) {
        place_names.insert(std::move(folded));
      }
      rest.remove_prefix(std::min(slash + 1, rest.size()));
    }
  }
  return place_names;
}

WordSet first_words(const WordSet& places) {
  WordSet starts;
  for (const std::string& place : places) {
    if (const std::size_t space = place.find(' '); space != std::string::npos) {
      starts.insert(place.substr(0, space));
    }
  }
  return starts;
}

}  // namespace

NameLists NameLists::from_lists(const std::vector<std::string>& first_names,
                                const std::vector<std::string>& places) {
  NameLists lists{folded_names(first_names), folded_places(places), {}};
  lists.place_starts = first_words(lists.places);
  return lists;
}

}  // namespace noodbel
