// The web side of the board in bot/: /bord's signed link, the HTML helpers.
#include "bot/board_html.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "bot/commands.h"
#include "support/memory_repository.h"

namespace noodbel {
namespace {

constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels

Templates load_templates() {
  Result<Templates> t = Templates::load(NOODBEL_SOURCE_DIR "/templates");
  if (!t) throw std::runtime_error(t.error().message);
  return std::move(t).value();
}

// Records what it signed.
class FakeLinks final : public Links {
 public:
  std::string board_url(std::string_view code, std::string_view caseworker,
                        UnixTime now) const override {
    return "https://noodbel.test/board/" + std::string(code) + "?t=" + std::string(caseworker) +
           "." + std::to_string(now);
  }
  std::string digest_url(std::string_view, std::string_view, UnixTime) const override {
    return "unused";
  }
};

class BoardLink : public ::testing::Test {
 protected:
  BoardLink()
      : postcodes_(Postcodes::from_places({{"9000", "Gent", "Oost-Vlaanderen", "VLG", {51.05, 3.71667}}})),
        templates_(load_templates()),
        guard_(AnonymizationGuard::from_lists({}, {"Gent"})) {
    config_.services = default_services();
    config_.web.board_link_hours = 5;
    repo_.upsert_caseworker({"C1", "oost-vlaanderen", "An", {{Channel::kTelegram, "11"}},
                             Role::kCaseworker, Language::kEn});
    Call call;
    call.code = "K42";
    call.service = "oost-vlaanderen";
    call.caseworker_id = "C1";
    call.ages_months = {48};
    call.place = "Gent";
    call.languages = {Language::kNl};
    call.duration_hours = 24;
    call.needed_from = kMonday10h;
    call.created_at = kMonday10h;
    repo_.insert_call(call);
  }

  std::string bord(const Links* links) {
    const Caseworker cw = *repo_.caseworker("C1");
    handle_command(cw, {Channel::kTelegram, "11", "m" + std::to_string(++seq_), "/bord K42",
                        kMonday10h, std::nullopt},
                   {postcodes_, guard_, 42, links}, Outbox(config_, templates_, repo_, kMonday10h));
    return repo_.outbox_for("C1").back().message.text;
  }

  Config config_;
  Postcodes postcodes_;
  Templates templates_;
  AnonymizationGuard guard_;
  MemoryRepository repo_;
  int seq_ = 0;
};

TEST_F(BoardLink, BordAddsTheSignedLinkForThisCaseworkerInTheirLanguage) {
  const FakeLinks links;
  const std::string text = bord(&links);
  EXPECT_NE(text.find("K42 (open)"), std::string::npos) << text;
  EXPECT_NE(text.find("Live board in the browser (valid for 5 hours): "
                      "https://noodbel.test/board/K42?t=C1." + std::to_string(kMonday10h)),
            std::string::npos)
      << text;
}

TEST_F(BoardLink, WithoutLinksTheBoardHasNoLink) {
  const std::string text = bord(nullptr);
  EXPECT_NE(text.find("K42 (open)"), std::string::npos) << text;
  EXPECT_EQ(text.find("http"), std::string::npos) << text;
}

TEST(BoardHtml, EscapesEveryHtmlSpecialCharacter) {
  EXPECT_EQ(html_escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(html_escape("Gezin Peeters"), "Gezin Peeters");
}

TEST(BoardHtml, FillPageReplacesSlotsAndRefusesUnknownOnes) {
  const Result<std::string> page = fill_page("<b>{{a}}</b>{{b}}{{a}}", {{"a", "1"}, {"b", "<i>"}});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(*page, "<b>1</b><i>1");
  const Result<std::string> bad = fill_page("x {{nope}} y", {{"a", "1"}});
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("{{nope}}"), std::string::npos) << bad.error().message;
}

}  // namespace
}  // namespace noodbel
