// PLACEHOLDER (to be replaced by the time work): finds nothing.
#include "checker/time.hpp"

namespace factline {

std::vector<TimeExpression> find_times(std::string_view, Span, std::optional<CivilDate>) { return {}; }

DocumentDateEvidence read_document_date(const Document& document, const Layout&) {
    DocumentDateEvidence evidence;
    if (document.meta.published) evidence.date = {document.meta.published, DateSource::metadata};
    return evidence;
}

DatedBy complete_with_weekday(const DocumentDateEvidence&, CivilDate) { return {}; }

}  // namespace factline
