#include "adapters/app/logging.h"

#include <cstdio>
#include <memory>

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "adapters/app/logfmt.h"
#include "bot/text/logfmt_value.h"

namespace noodbel {
namespace {

// %* in the pattern: the message as one logfmt payload (adapters/app/logfmt.h), so a
// line with a stray quote, a newline or a library's free text still parses, and phone
// numbers are masked even where a caller forgot mask_phone.
class LogfmtPayload final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&,
              spdlog::memory_buf_t& dest) override {
    const std::string payload =
        to_logfmt_payload(std::string_view(msg.payload.data(), msg.payload.size()));
    dest.append(payload.data(), payload.data() + payload.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<LogfmtPayload>();
  }
};

}  // namespace

void setup_logging(const std::string& level) {
  auto logger = spdlog::stderr_logger_mt("noodbel");
  auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
  formatter->add_flag<LogfmtPayload>('*').set_pattern("ts=%Y-%m-%dT%H:%M:%S.%eZ level=%l %*");
  logger->set_formatter(std::move(formatter));
  logger->set_level(spdlog::level::from_str(level));
  logger->flush_on(spdlog::level::info);
  spdlog::set_default_logger(logger);
  // spdlog's own failures (a bad format string) as a logfmt line too.
  spdlog::set_error_handler([](const std::string& message) {
    std::fprintf(stderr, "level=error event=log.failed error=%s\n",
                 logfmt_value(message).c_str());
  });
}

}  // namespace noodbel
