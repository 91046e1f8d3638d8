// The one table of report writers (--format picks from it).
#include "reports/json_writer.hpp"
#include "reports/report_writer.hpp"
#include "reports/text_writer.hpp"

namespace factline {

std::unique_ptr<ReportWriter> make_writer(std::string_view format) {
    if (format == "json") return std::make_unique<JsonWriter>();
    if (format == "text") return std::make_unique<TextWriter>(false);
    if (format == "github") return std::make_unique<TextWriter>(true);
    return nullptr;
}

std::vector<std::string> known_formats() { return {"json", "text", "github"}; }

}  // namespace factline
