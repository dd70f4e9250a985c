// Texts and URLs as Slack and Mattermost take them: Slack's markup escaping, which push
// URLs are Slack's, and a push URL shortened for logs (it is a bearer secret, masked like a
// phone number). Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace noodbel {

// Slack reads &, < and > in message text as markup (links, mentions): escaped as &amp;,
// &lt; and &gt;.
std::string slack_escape(std::string_view text);

// Mattermost reads Markdown: a family's words quoted in a message could become a link, an
// image (fetched from anywhere when a caseworker's client shows it), a code block that hides
// the rest, or a mention that notifies a whole channel (@all, @channel, @here). Every text
// the bot sends is meant literally, so \ [ ] < > and ` are escaped with a backslash (links,
// images, autolinks and code need them; the bot's own links hold none of them) and every @
// is followed by a word joiner (U+2060, invisible) so that no mention is made.
std::string mattermost_escape(std::string_view text);

// The text as the chat it goes to reads it literally: Slack's or Mattermost's escaping.
std::string chat_escape(std::string_view text, bool slack);

// Whether a push URL (response_url or incoming webhook) is Slack's: https on
// hooks.slack.com or hooks.slack-gov.com. Everything else is treated as Mattermost.
bool is_slack_url(std::string_view url);

// "https://hooks.slack.com/…": scheme and host only; "(unparsable URL)" when it is not one.
std::string mask_push_url(std::string_view url);

}  // namespace noodbel
