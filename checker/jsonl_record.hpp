#pragma once
// The members of one JSON Lines record that ingest reads, taken either from
// the line's bytes directly (scan_json_record) or from an nlohmann::json DOM
// (json_record_from_dom). Building a DOM per record was ~8.6 % of a document's
// instructions (issue 7); the scanner is the fast path and nlohmann stays the
// judge of every record the scanner is not sure about, so that the errors and
// columns users see are nlohmann's.
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace factline {

/// What a member holds, as far as ingest cares.
enum class MemberShape : std::uint8_t {
    missing,  // absent or null
    string,
    other,  // a number, boolean, array or object
};

struct RecordMember {
    MemberShape shape = MemberShape::missing;
    std::string value;  // the decoded string when shape == string
};

/// The members ingest reads from one record object.
struct JsonRecord {
    std::string id;  // the "id" string, a number's JSON text (as dump() writes it), else ""
    RecordMember text;
    RecordMember url;
    RecordMember outlet;
    RecordMember published;
};

/// Reads `line` without a DOM when it is one JSON object that
/// nlohmann::json::parse accepts and reads to the same members: strings
/// (escapes and UTF-8 checked as nlohmann checks them), null, true, false and,
/// in members ingest ignores, plain numbers. Returns false, leaving `record`
/// unspecified, for anything else: syntax errors, arrays or objects as member
/// values, numbers in the five members above, a name among them given twice
/// (nlohmann keeps the last), a BOM. The caller then parses with nlohmann.
[[nodiscard]] bool scan_json_record(std::string_view line, JsonRecord& record);

/// The members of a parsed object (`object.is_object()`).
[[nodiscard]] JsonRecord json_record_from_dom(const nlohmann::json& object);

}  // namespace factline
