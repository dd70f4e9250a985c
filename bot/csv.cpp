#include "bot/csv.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <optional>
#include <utility>

namespace noodbel {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_blanks(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

// Walks the text one record at a time, counting physical lines.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ >= text_.size(); }

  // Reads one record; `row.line` is the line it starts on.
  Result<CsvRow> next_record() {
    CsvRow row;
    row.line = line_;
    while (true) {
      auto field = next_field();
      if (!field.ok()) return field.error();
      row.fields.push_back(std::move(field.value()));
      if (at_end()) return row;
      const char c = text_[pos_];
      if (c == ',') {
        ++pos_;
        continue;
      }
      consume_line_end();
      return row;
    }
  }

 private:
  bool at_line_end() const { return text_[pos_] == '\n' || text_[pos_] == '\r'; }

  void consume_line_end() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  Result<std::string> next_field() {
    std::size_t start = pos_;
    while (pos_ < text_.size() && is_blank(text_[pos_])) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '"') return quoted_field();
    pos_ = start;
    while (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end()) {
      if (text_[pos_] == '"') {
        return Error::Invalid(fmt::format(
            "line {}: stray quote (\") inside an unquoted field; put the whole field in "
            "quotes and write a quote inside it as \"\"",
            line_));
      }
      ++pos_;
    }
    return std::string(trim_blanks(text_.substr(start, pos_ - start)));
  }

  Result<std::string> quoted_field() {
    const int start_line = line_;
    ++pos_;  // opening quote
    std::string out;
    while (true) {
      if (at_end()) {
        return Error::Invalid(fmt::format(
            "line {}: quoted field is never closed; add the closing quote (\")", start_line));
      }
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          out.push_back('"');
          pos_ += 2;
          continue;
        }
        ++pos_;
        break;
      }
      if (c == '\n' || (c == '\r' && !(pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n'))) {
        ++line_;
      }
      out.push_back(c);
      ++pos_;
    }
    while (pos_ < text_.size() && is_blank(text_[pos_])) ++pos_;
    if (!at_end() && text_[pos_] != ',' && !at_line_end()) {
      return Error::Invalid(fmt::format(
          "line {}: stray text after a closing quote; a quoted field must end at a comma "
          "or the end of the line, and a quote inside it is written as \"\"",
          line_));
    }
    return out;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

// The line of the first byte that is not valid UTF-8, or nothing.
std::optional<int> first_invalid_utf8_line(std::string_view text) {
  int line = 1;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  std::size_t pos = 0;
  while (pos < text.size()) {
    utf8proc_int32_t codepoint = 0;
    const utf8proc_ssize_t n =
        utf8proc_iterate(bytes + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &codepoint);
    if (n <= 0) return line;
    if (codepoint == '\n') ++line;
    pos += static_cast<std::size_t>(n);
  }
  return std::nullopt;
}

bool is_blank_record(const CsvRow& row) {
  return row.fields.size() == 1 && row.fields.front().empty();
}

}  // namespace

Result<CsvTable> parse_csv(std::string_view text) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  if (const auto line = first_invalid_utf8_line(text)) {
    return Error::Invalid(
        fmt::format("line {}: the text is not valid UTF-8; save the file as \"CSV UTF-8\"", *line));
  }
  CsvReader reader(text);
  CsvTable table;
  bool have_header = false;
  while (!reader.at_end()) {
    auto record = reader.next_record();
    if (!record.ok()) return record.error();
    if (is_blank_record(*record)) continue;
    if (!have_header) {
      table.header = std::move(record->fields);
      have_header = true;
    } else {
      table.rows.push_back(std::move(record.value()));
    }
  }
  if (!have_header) {
    return Error::Invalid("the CSV text is empty; the first line must be a header");
  }
  return table;
}

}  // namespace noodbel
