#include "bot/offer_length.h"

#include <array>
#include <vector>

#include "bot/decision_time.h"
#include "bot/outbound.h"
#include "bot/sms_text.h"
#include "bot/text_normalize.h"

namespace noodbel {
namespace {

constexpr std::array<Language, 3> kFamilyLanguages{Language::kNl, Language::kFr, Language::kEn};
constexpr std::string_view kLongestCode = "W99";       // a letter and two digits
constexpr std::string_view kLongestDistance = "999";  // km

// The note without its last `cut` code points.
std::string cut_note(std::string_view note, int cut) {
  if (cut <= 0) return std::string(note);
  std::vector<std::size_t> starts;
  for (std::size_t pos = 0; pos < note.size();) {
    starts.push_back(pos);
    const CodePoint cp = decode_utf8(note, pos);
    pos += cp.length == 0 ? 1 : cp.length;
  }
  const auto keep = static_cast<std::ptrdiff_t>(starts.size()) - cut;
  if (keep <= 0) return {};
  return std::string(note.substr(0, starts[static_cast<std::size_t>(keep)]));
}

// True when the offer with this note fits; false also when it cannot be rendered.
bool fits(const Templates& templates, Language lang, Call call, std::string note, UnixTime now) {
  call.note = std::move(note);
  call.code = std::string(kLongestCode);
  Result<TemplateArgs> args = call_args(templates, lang, call, now);
  if (!args) return true;  // not ours to refuse: the catalog test guards the templates
  args->emplace_back("distance_km", std::string(kLongestDistance));
  // The longest deadline ("Beslissing uiterlijk woensdag 09/12 09:00."), whatever the hour:
  // the room for a note does not change with the time of day.
  Result<std::string> deadline =
      render_offer_decision(templates, lang, {true, now + 2 * 86400}, now);
  if (!deadline) return true;
  args->emplace_back("deadline", *deadline);
  const Result<std::string> text = templates.render(lang, "call_offer", *args);
  if (!text) return true;
  return count_sms_segments(transliterate_for_sms(*text)).segments <= kMaxOfferSegments;
}

std::string first_non_gsm(std::string_view note) {
  const std::string plain = transliterate_for_sms(note);
  for (std::size_t pos = 0; pos < plain.size();) {
    const CodePoint cp = decode_utf8(plain, pos);
    const std::size_t length = cp.length == 0 ? 1 : cp.length;
    const std::string_view one = std::string_view(plain).substr(pos, length);
    if (!is_gsm7(one)) return std::string(one);
    pos += length;
  }
  return {};
}

}  // namespace

std::optional<OfferOverflow> offer_overflow(const Templates& templates, const Call& call,
                                            UnixTime now) {
  const int length = static_cast<int>(count_code_points(call.note));
  std::optional<OfferOverflow> worst;
  for (const Language lang : kFamilyLanguages) {
    if (fits(templates, lang, call, call.note, now)) continue;
    // Cutting more never makes it longer: the smallest cut that fits, by bisection.
    if (length < 2 || !fits(templates, lang, call, cut_note(call.note, length - 1), now)) {
      continue;  // even one character is too many: the note is not the cause
    }
    int low = 1;
    int high = length - 1;
    while (low < high) {
      const int mid = low + (high - low) / 2;
      if (fits(templates, lang, call, cut_note(call.note, mid), now)) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    if (!worst || low > worst->over) worst = OfferOverflow{lang, low, first_non_gsm(call.note)};
  }
  return worst;
}

}  // namespace noodbel
