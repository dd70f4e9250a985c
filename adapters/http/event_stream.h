// Server-sent events (SSE) for clients: SseParser turns a byte stream into events (pure,
// not thread-safe); read_event_stream() keeps one GET open and hands over the body bytes
// as they arrive (blocking, one call per thread). Plain HTTP only: its one user is
// signal-cli's daemon, which listens on loopback. Beast stays hidden in event_stream.cpp.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bot/result.h"

namespace noodbel {

// One dispatched event. `id` is the last event id seen so far (ids persist across events).
struct SseEvent {
  std::string type = "message";  // the `event:` field
  std::string data;              // `data:` lines joined with "\n"
  std::string id;
};

// The event stream interpretation of the HTML Living Standard: lines end in CRLF, LF or
// CR; ":" starts a comment; fields data, event, id, retry; a blank line dispatches an event
// with data. Chunk boundaries may fall anywhere, also inside a CRLF or a UTF-8 character.
class SseParser {
 public:
  using OnEvent = std::function<void(const SseEvent&)>;
  // An event (or a line) longer than max_event_bytes is dropped whole and counted.
  explicit SseParser(std::size_t max_event_bytes = 1024 * 1024) : max_bytes_(max_event_bytes) {}

  void feed(std::string_view bytes, const OnEvent& on_event);
  const std::string& last_event_id() const { return last_id_; }
  std::optional<int> retry_ms() const { return retry_ms_; }  // the server's `retry:` hint
  int dropped() const { return dropped_; }                     // oversized events dropped

 private:
  void line(std::string_view text, const OnEvent& on_event);
  void reset_event();

  const std::size_t max_bytes_;
  std::string line_;          // the line read so far
  bool after_cr_ = false;     // the last byte was CR: a following LF belongs to it
  bool overflow_ = false;     // the current event is too long; skip to its end
  std::string data_;
  bool has_data_ = false;
  std::string type_;
  std::string last_id_;
  std::optional<int> retry_ms_;
  int dropped_ = 0;
};

struct EventStreamRequest {
  std::string url;  // "http://127.0.0.1:8081/api/v1/events"
  std::vector<std::pair<std::string, std::string>> headers = {};  // e.g. Last-Event-ID
  std::chrono::milliseconds connect_timeout{5'000};
  // The stream counts as dead when nothing (not even a keep-alive comment) arrives this long.
  std::chrono::milliseconds idle_timeout{60'000};
  // When it turns true, the call returns within ~50 ms (Error::Unavailable "cancelled").
  const std::atomic<bool>* cancel = nullptr;
};

// Called once the server answered 200; then with body bytes as they arrive (chunked
// transfer decoded). Returning false closes the stream (read_event_stream returns Ok).
struct EventStreamHandlers {
  std::function<void()> on_open;
  std::function<bool(std::string_view)> on_bytes;
};

// Blocks while the stream is open. Ok: the server ended the stream, or on_bytes asked to
// stop. Error::Unavailable: connect / read failure, idle timeout, cancel, or a non-200
// answer (the status is in the message). Error::Invalid: a malformed or https URL.
Status read_event_stream(const EventStreamRequest& request, const EventStreamHandlers& handlers);

}  // namespace noodbel
