// Fuzz target: signal-cli receive events (adapters/signal/signal_events.h): the data of
// one SSE event or JSON-RPC notification -> InboundMessage; also the provider-id helpers.
// Input: the event's JSON data.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/signal/signal_events.h"
#include "fuzz_support.h"

using namespace noodbel;
using namespace noodbel::signal_cli;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_view(data, size);
  if (const auto ts = timestamp_of_inbound(text)) FUZZ_CHECK(*ts > 0);

  const ParsedEvent e = parse_receive_event(text, 1795435200);
  if (!e.message) {
    FUZZ_CHECK(!e.ignored.empty());  // always says why
    return 0;
  }
  FUZZ_CHECK(!e.malformed && e.ignored.empty());
  const InboundMessage& m = *e.message;
  FUZZ_CHECK(m.channel == Channel::kSignal);
  FUZZ_CHECK(m.address.size() >= 8 && m.address[0] == '+');
  FUZZ_CHECK(!m.text.empty() && fuzz::utf8_ok(m.text));  // the JSON parser only accepts UTF-8
  // The provider id carries the timestamp back.
  const auto ts = timestamp_of_inbound(m.provider_id);
  FUZZ_CHECK(ts.has_value() && *ts > 0);
  FUZZ_CHECK(m.provider_id == inbound_provider_id(m.address, *ts));
  if (m.reply_to) FUZZ_CHECK(!m.reply_to->empty() && m.reply_to->front() != '-');
  return 0;
}
