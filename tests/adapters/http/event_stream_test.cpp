// SseParser: the event stream format (HTML Living Standard, server-sent events) with chunk
// boundaries anywhere.
#include "adapters/http/event_stream.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace noodbel {
namespace {

std::vector<SseEvent> parse_in_pieces(const std::string& stream, std::size_t piece) {
  SseParser parser;
  std::vector<SseEvent> events;
  for (std::size_t i = 0; i < stream.size(); i += piece) {
    parser.feed(std::string_view(stream).substr(i, piece),
                [&](const SseEvent& e) { events.push_back(e); });
  }
  return events;
}

const std::string kStream =
    ":connected\r\n\r\n"
    "id: 1\r\nevent: receive\r\ndata: {\"a\":\r\ndata:1}\r\n\r\n"
    ": keep-alive\n"
    "event:receive\ndata:{\"b\":\"é\"}\nid:2\n\n"
    "data\rdata: \r\r"
    "retry: 1500\nid: 3\ndata: third\n\n";

TEST(SseParser, ParsesFieldsCommentsAndMultiLineDataAtEveryChunkSize) {
  for (std::size_t piece = 1; piece <= kStream.size(); ++piece) {
    const std::vector<SseEvent> events = parse_in_pieces(kStream, piece);
    ASSERT_EQ(events.size(), 4u) << "piece " << piece;
    EXPECT_EQ(events[0].type, "receive");
    EXPECT_EQ(events[0].data, "{\"a\":\n1}");
    EXPECT_EQ(events[0].id, "1");
    EXPECT_EQ(events[1].data, "{\"b\":\"é\"}");
    EXPECT_EQ(events[1].id, "2");
    EXPECT_EQ(events[2].type, "message");  // no event field: the default type
    EXPECT_EQ(events[2].data, "\n");       // "data" and "data: " are two empty lines
    EXPECT_EQ(events[2].id, "2");          // the last id carries over
    EXPECT_EQ(events[3].data, "third");
    EXPECT_EQ(events[3].id, "3");
  }
}

TEST(SseParser, RemembersLastEventIdAndRetryHint) {
  SseParser parser;
  parser.feed(kStream, [](const SseEvent&) {});
  EXPECT_EQ(parser.last_event_id(), "3");
  EXPECT_EQ(parser.retry_ms(), 1500);
}

TEST(SseParser, CommentsAndEventsWithoutDataDispatchNothing) {
  SseParser parser;
  int count = 0;
  parser.feed(": only a comment\n\nevent: receive\n\nid: 9\n\nretry: soon\n\n",
              [&](const SseEvent&) { ++count; });
  EXPECT_EQ(count, 0);
  EXPECT_EQ(parser.last_event_id(), "9");
  EXPECT_FALSE(parser.retry_ms());
}

TEST(SseParser, AnIncompleteEventWaitsForItsBlankLine) {
  SseParser parser;
  std::vector<SseEvent> events;
  parser.feed("data: half", [&](const SseEvent& e) { events.push_back(e); });
  EXPECT_TRUE(events.empty());
  parser.feed("\n", [&](const SseEvent& e) { events.push_back(e); });
  EXPECT_TRUE(events.empty());
  parser.feed("\n", [&](const SseEvent& e) { events.push_back(e); });
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "half");
}

TEST(SseParser, OversizedEventsAreDroppedWholeAndTheStreamGoesOn) {
  SseParser parser(64);
  std::vector<SseEvent> events;
  const std::string big(200, 'x');
  parser.feed("data: " + big + "\ndata: more\n\ndata: " + std::string(40, 'y') + "\ndata: " +
                  std::string(40, 'z') + "\n\ndata: ok\n\n",
              [&](const SseEvent& e) { events.push_back(e); });
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "ok");
  EXPECT_EQ(parser.dropped(), 2);
}

TEST(EventStream, RefusesHttpsAndMalformedUrlsWithAClearError) {
  const Status https = read_event_stream({"https://127.0.0.1:1/api/v1/events"}, {});
  ASSERT_FALSE(https.ok());
  EXPECT_EQ(https.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(https.error().message.find("http://"), std::string::npos);
  const Status bad = read_event_stream({"127.0.0.1:8081"}, {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::kInvalidInput);
}

}  // namespace
}  // namespace noodbel
