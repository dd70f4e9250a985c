// The web side of the board in bot/: /bord's signed link, the HTML fragment of the board
// (cards, conditions, states, the chosen family, who may see contact details), the helpers.
#include "bot/board_html.h"

#include <gtest/gtest.h>

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bot/commands.h"
#include "bot/html_escape.h"
#include "support/fake_hasher.h"
#include "support/fake_random.h"
#include "support/memory_repository.h"
#include "support/sample_call.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels

Templates load_templates() {
  return test_data::shipped_templates();
}

// Call K42 of oost-vlaanderen, opened by C1 on Monday 10:00: a 4-year-old in Gent.
Call k42(int duration_hours) {
  Call call = testing::sample_call_k42(kMonday10h);
  call.caseworker_id = "C1";
  call.duration_hours = duration_hours;
  return call;
}

// Records what it signed.
class FakeLinks final : public Links {
 public:
  std::string board_url(const Call& call, std::string_view caseworker,
                        UnixTime now) const override {
    return "https://noodbel.test/board/" + call.code + "?t=" + std::string(caseworker) + "." +
           std::to_string(now);
  }
  std::string digest_url(std::string_view, std::string_view, UnixTime) const override {
    return "unused";
  }
  int board_link_hours() const override { return 5; }
};

class BoardLink : public ::testing::Test {
 protected:
  BoardLink()
      : postcodes_(
            Postcodes::from_places({{"9000", "Gent", "Oost-Vlaanderen", "VLG", {51.05, 3.71667}}})),
        templates_(load_templates()),
        guard_(test_data::guard_with({}, {"Gent"})) {
    config_.services = default_services();
    repo_.upsert_caseworker({"C1", "oost-vlaanderen", "An", {{Channel::kTelegram, "11"}},
                             Role::kCaseworker, Language::kEn});
    repo_.insert_call(k42(24));
  }

  std::string bord(const Links* links) {
    const Caseworker cw = *repo_.caseworker("C1");
    handle_command(cw, {Channel::kTelegram, "11", "m" + std::to_string(++seq_), "/bord K42",
                        kMonday10h, std::nullopt},
                   {postcodes_, guard_, random_, hasher_, links},
                   Outbox(config_, templates_, repo_, kMonday10h));
    return repo_.outbox_for("C1").back().message.text;
  }

  CoreConfig config_;
  Postcodes postcodes_;
  Templates templates_;
  AnonymizationGuard guard_;
  FakeRandom random_{42};
  FakeHasher hasher_;
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

// A call with a ranked yes, and the view of its board as a caseworker reads it.
class BoardFragment : public ::testing::Test {
 protected:
  BoardFragment() : templates_(load_templates()) {
    call_id_ = repo_.insert_call(k42(72));
    add_family("F1", "Gezin Peeters", {{Channel::kSms, "+32470123456"},
                                       {Channel::kSignal, "+32470123456"},
                                       {Channel::kTelegram, "777"},
                                       {Channel::kSms, "+32471987654"}});
    answer("F1", Answer::kYes, "ja hoor");
  }

  void add_family(const std::string& id, const std::string& name,
                  std::vector<Contact> contacts = {}) {
    Family f;
    f.id = id;
    f.display_name = name;
    f.home = {51.05, 3.71667};
    f.languages = {Language::kNl};
    f.contacts = std::move(contacts);
    repo_.upsert_family(f);
    repo_.add_recipient({call_id_, id, 5, 1, kMonday10h});
    repo_.enqueue({id, Channel::kSms, "+3247000000" + std::to_string(++seq_), "offer", 0,
                   call_id_},
                  kMonday10h);
  }
  Response& answer(const std::string& id, Answer a, const std::string& text,
                   std::vector<Condition> conditions = {}) {
    repo_.upsert_response({call_id_, id, a, "", kMonday10h + 60, text, std::move(conditions), {}});
    for (Response& r : repo_.response_rows) {
      if (r.family_id == id) return r;
    }
    throw std::logic_error("no response");
  }
  void update(const std::function<void(Call&)>& change) {
    Call call = *repo_.call_by_id(call_id_);
    change(call);
    repo_.update_call(call);
  }
  std::string render(bool own_service = true, Language lang = Language::kNl) {
    const BoardView view =
        load_board_view(repo_, *repo_.call_by_id(call_id_), BoardConfig{}, kMonday10h, own_service);
    Result<std::string> html = render_board_fragment(view, templates_, lang, kMonday10h);
    if (!html) throw std::runtime_error(html.error().message);
    return *html;
  }
  // The <li> or <tr> of one family, from its opening tag to its end.
  static std::string part(const std::string& html, const std::string& start,
                          const std::string& end) {
    const std::size_t at = html.find(start);
    if (at == std::string::npos) return "";
    return html.substr(at, html.find(end, at) - at);
  }
  static int count(const std::string& html, const std::string& what) {
    int n = 0;
    for (std::size_t at = html.find(what); at != std::string::npos; at = html.find(what, at + 1)) ++n;
    return n;
  }

  Templates templates_;
  MemoryRepository repo_;
  std::int64_t call_id_ = 0;
  int seq_ = 0;
};

Condition from_18h() {
  Condition c;
  c.kind = ConditionKind::kFrom;
  c.words = "pas vanaf 18u";
  c.from_day = "2025-11-24";
  c.from_minute = 18 * 60;
  return c;
}

Condition call_first() {
  Condition c;
  c.kind = ConditionKind::kCallFirst;
  c.words = "bel eerst";
  return c;
}

TEST_F(BoardFragment, EveryRankedFamilyShowsItsOwnWordsAndItsConditionsInBold) {
  answer("F1", Answer::kYes, "ja, maar bel eerst", {call_first()});
  const std::string html = render();
  const std::string row = part(html, "<tr class=\"answer yes", "</tr>");
  ASSERT_FALSE(row.empty()) << html;
  EXPECT_NE(row.find("<span class=\"verdict yes\">JA</span>"), std::string::npos) << row;
  EXPECT_NE(row.find("<strong class=\"cond\">eerst bellen</strong>"), std::string::npos) << row;
  EXPECT_NE(row.find("<q class=\"words\">ja, maar bel eerst</q>"), std::string::npos) << row;
  EXPECT_NE(row.find("<td class=\"km\">5 km</td>"), std::string::npos) << row;
  EXPECT_NE(row.find("sms: in de wachtrij"), std::string::npos) << row;
  // The score and its explanation are folded away.
  EXPECT_NE(row.find("<details><summary>score "), std::string::npos) << row;
  EXPECT_NE(row.find("<li>5 km +"), std::string::npos) << row;
  EXPECT_EQ(row.find("botst"), std::string::npos) << row;
}

TEST_F(BoardFragment, AConditionThatConflictsWithTheCallIsFlagged) {
  answer("F1", Answer::kYes, "ja maar pas vanaf 18u", {from_18h()});
  const std::string row = part(render(), "<tr class=\"answer yes", "</tr>");
  EXPECT_NE(row.find("<strong class=\"cond conflict\">vanaf 18:00 vandaag (maandag)</strong> "
                     "<span class=\"flag\">botst met de oproep</span>"),
            std::string::npos)
      << row;
}

TEST_F(BoardFragment, WordsNobodyUnderstoodAreShownAndMarkedSeeMessageInBold) {
  Response& r = answer("F1", Answer::kMaybe, "misschien, hangt af van de oma");
  r.note = "hangt af van de oma";
  const std::string row = part(render(), "<tr class=\"answer maybe", "</tr>");
  EXPECT_NE(row.find("<strong class=\"cond see\">(zie bericht)</strong>"), std::string::npos) << row;
  EXPECT_NE(row.find("misschien, hangt af van de oma"), std::string::npos) << row;
}

TEST_F(BoardFragment, AnOlderAnswerWithoutItsWordsShowsTheNote) {
  Response& r = answer("F1", Answer::kMaybe, "");
  r.note = "pas vanaf 18u";
  const std::string row = part(render(), "<tr class=\"answer maybe", "</tr>");
  EXPECT_NE(row.find("<q class=\"words\">pas vanaf 18u</q>"), std::string::npos) << row;
}

TEST_F(BoardFragment, AFamilysWordsNameAndQuestionAreEscaped) {
  add_family("F2", "<img src=x onerror=alert(1)>");
  answer("F2", Answer::kYes, "ja <script>alert('x')</script>\nvanaf 18u");
  repo_.add_question({call_id_, "F2", QuestionKind::kQuestion, "<b>hoe oud?</b>", kMonday10h + 30});
  const std::string html = render();
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>hoe"), std::string::npos);
  EXPECT_NE(html.find("ja &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>vanaf 18u"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find("<q>&lt;b&gt;hoe oud?&lt;/b&gt;</q>"), std::string::npos) << html;
}

TEST_F(BoardFragment, AChangedAnswerSaysWhatItWas) {
  answer("F1", Answer::kYes, "toch wel ja").previous = Answer::kNo;
  const std::string row = part(render(), "<tr class=\"answer yes", "</tr>");
  EXPECT_NE(row.find("<span class=\"changed\">gewijzigd, was NEE</span>"), std::string::npos) << row;
}

TEST_F(BoardFragment, FamiliesNotOnTheListEachShowTheirOwnStateNotNoAnswerYet) {
  add_family("F2", "Gezin Claes");
  answer("F2", Answer::kYes, "ja");
  repo_.family_rows.back().opted_in = false;  // then sent STOP
  add_family("F3", "Gezin Maes");
  repo_.add_question({call_id_, "F3", QuestionKind::kQuestion, "hoe oud is het kind?", kMonday10h + 90});
  add_family("F4", "Gezin Wouters");
  answer("F4", Answer::kNo, "nee sorry").previous = Answer::kYes;
  add_family("F5", "Gezin Jacobs");
  repo_.outbox.back().state = OutboxState::kFailed;
  repo_.outbox.back().last_error = "number not in service";
  add_family("F6", "Gezin Mertens", {{Channel::kSms, "+32470555555"}});
  repo_.add_question({call_id_, "F6", QuestionKind::kCallMe, "bel me even", kMonday10h + 95});
  add_family("F7", "Gezin Willems");
  const std::string html = render();

  const std::string stopped = part(html, "<li class=\"other stopped\" data-family=\"F2\"", "</li>");
  EXPECT_NE(stopped.find("gewijzigd, was JA"), std::string::npos) << html;
  EXPECT_NE(html.find("<h3>Afgemeld met STOP (1)</h3>"), std::string::npos);
  const std::string asked = part(html, "<li class=\"other asked\" data-family=\"F3\"", "</li>");
  EXPECT_NE(asked.find("<q class=\"words\">hoe oud is het kind?</q>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h3>Stelde een vraag (1)</h3>"), std::string::npos);
  const std::string declined = part(html, "<li class=\"other declined\" data-family=\"F4\"", "</li>");
  EXPECT_NE(declined.find("gewijzigd, was JA"), std::string::npos) << html;
  EXPECT_NE(declined.find("nee sorry"), std::string::npos) << html;
  const std::string failed = part(html, "<li class=\"other unreachable\" data-family=\"F5\"", "</li>");
  EXPECT_NE(failed.find("sms: mislukt"), std::string::npos) << html;
  EXPECT_EQ(html.find("number not in service"), std::string::npos);
  const std::string call_me = part(html, "<li class=\"other call_me\" data-family=\"F6\"", "</li>");
  EXPECT_NE(call_me.find("bel me even"), std::string::npos) << html;
  EXPECT_NE(call_me.find("href=\"tel:+32470555555\""), std::string::npos) << call_me;
  EXPECT_NE(html.find("<h3>Wil gebeld worden (1)</h3>"), std::string::npos);
  const std::string waiting = part(html, "<section class=\"others waiting\">", "</section>");
  EXPECT_NE(waiting.find("<h3>Nog geen antwoord (1)</h3>"), std::string::npos) << html;
  EXPECT_NE(waiting.find("data-family=\"F7\""), std::string::npos) << waiting;
  for (const char* other : {"F2", "F3", "F4", "F5", "F6"}) {
    EXPECT_EQ(waiting.find(std::string("data-family=\"") + other + "\""), std::string::npos) << other;
    EXPECT_EQ(count(html, std::string("data-family=\"") + other + "\""), 1) << other;
  }
  EXPECT_EQ(html.find("Elk gezin heeft gereageerd"), std::string::npos);
}

TEST_F(BoardFragment, WhenEveryoneAnsweredItSaysSo) {
  const std::string html = render();
  EXPECT_EQ(html.find("<section class=\"others waiting\">"), std::string::npos) << html;
  EXPECT_NE(html.find("Elk gezin heeft gereageerd."), std::string::npos) << html;
}

TEST_F(BoardFragment, BeforeAnyChoiceItSaysHowToChoose) {
  const std::string html = render();
  EXPECT_NE(html.find("<p class=\"next\">Kiezen: /kies K42 1"), std::string::npos) << html;
  EXPECT_EQ(html.find("chosen-family"), std::string::npos);
  EXPECT_EQ(html.find("tel:"), std::string::npos);
}

TEST_F(BoardFragment, TheChosenFamilyIsHighlightedWithWhatToDoNextAndTapToCallNumbersOnce) {
  update([](Call& c) { c.chosen_family = "F1"; });
  const std::string html = render();
  const std::string panel = part(html, "<div class=\"chosen-family pending\" data-family=\"F1\">", "</div>");
  ASSERT_FALSE(panel.empty()) << html;
  EXPECT_NE(panel.find("Gekozen, nog niet bevestigd"), std::string::npos) << panel;
  EXPECT_NE(panel.find("<span class=\"name\">Gezin Peeters</span>"), std::string::npos) << panel;
  EXPECT_NE(panel.find("nr. 1 op het bord"), std::string::npos) << panel;
  EXPECT_NE(panel.find("<a class=\"tel\" href=\"tel:+32470123456\">0470 12 34 56</a> "
                       "<a class=\"tel\" href=\"tel:+32471987654\">0471 98 76 54</a>"),
            std::string::npos)
      << panel;
  EXPECT_EQ(count(html, "tel:"), 2) << html;  // sms and signal share a number; telegram has none
  EXPECT_NE(panel.find("/bevestig K42"), std::string::npos) << panel;
  EXPECT_NE(panel.find("/volgende K42"), std::string::npos) << panel;
  EXPECT_NE(html.find("<tr class=\"answer yes chosen\" data-family=\"F1\">"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"mark chosen\">GEKOZEN, nog te bevestigen</span>"),
            std::string::npos);
  EXPECT_EQ(html.find("/kies K42 1"), std::string::npos);
}

TEST_F(BoardFragment, AnotherServiceSeesTheChosenFamilysNameButNoContactDetails) {
  update([](Call& c) { c.chosen_family = "F1"; });
  add_family("F6", "Gezin Mertens", {{Channel::kSms, "+32470555555"}});
  repo_.add_question({call_id_, "F6", QuestionKind::kCallMe, "bel me", kMonday10h + 95});
  const std::string html = render(/*own_service=*/false);
  EXPECT_NE(html.find("<span class=\"name\">Gezin Peeters</span>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"contacts hidden\">Contactgegevens alleen voor de eigen dienst"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("tel:"), std::string::npos) << html;
  for (const char* digits : {"470123456", "470 12 34 56", "471987654", "470555555", "777"}) {
    EXPECT_EQ(html.find(digits), std::string::npos) << digits;
  }
}

TEST_F(BoardFragment, AChosenFamilyThatWithdrewIsFlagged) {
  update([](Call& c) { c.chosen_family = "F1"; });
  answer("F1", Answer::kNo, "sorry toch niet").previous = Answer::kYes;
  const std::string html = render();
  const std::string panel = part(html, "<div class=\"chosen-family pending\"", "</div>");
  EXPECT_NE(panel.find("<p class=\"warn\">Dit gezin staat niet meer op het bord"), std::string::npos)
      << html;
  EXPECT_NE(panel.find("/volgende K42"), std::string::npos) << panel;
}

TEST_F(BoardFragment, AMatchedFamilyIsShownAsMatchedWithItsNumbers) {
  update([](Call& c) {
    c.state = CallState::kMatched;
    c.matched_family = "F1";
    c.closed_at = kMonday10h + 600;
  });
  const std::string html = render();
  const std::string panel = part(html, "<div class=\"chosen-family matched\" data-family=\"F1\">", "</div>");
  EXPECT_NE(panel.find("Gekoppeld gezin"), std::string::npos) << html;
  EXPECT_NE(panel.find("href=\"tel:+32470123456\""), std::string::npos) << panel;
  EXPECT_NE(panel.find("de andere gezinnen kregen een bedankje"), std::string::npos) << panel;
  EXPECT_EQ(panel.find("/bevestig"), std::string::npos) << panel;
  EXPECT_NE(html.find("<span class=\"mark matched\">GEKOPPELD</span>"), std::string::npos);
}

TEST_F(BoardFragment, APassedFamilyIsMarked) {
  repo_.add_choice({call_id_, "F1", "C1", kMonday10h + 100, ChoiceOutcome::kPassed, kMonday10h + 200});
  const std::string html = render();
  EXPECT_NE(html.find("<tr class=\"answer yes passed\" data-family=\"F1\">"), std::string::npos);
  EXPECT_NE(html.find("eerder gekozen, ging niet door"), std::string::npos);
}

TEST_F(BoardFragment, RendersInEveryLanguage) {
  update([](Call& c) { c.chosen_family = "F1"; });
  add_family("F2", "Gezin Claes");
  repo_.add_question({call_id_, "F2", QuestionKind::kQuestion, "hoe oud?", kMonday10h + 90});
  answer("F1", Answer::kMaybe, "ja maar pas vanaf 18u", {from_18h()}).note = "iets";
  EXPECT_NE(render(true, Language::kFr).find("Choisie, pas encore confirmée"), std::string::npos);
  EXPECT_NE(render(true, Language::kEn).find("conflicts with the call"), std::string::npos);
  EXPECT_NE(render(false, Language::kEn).find("Contact details only"), std::string::npos);
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
