// The DOM side of jsonl_record.hpp: what every record went through before the
// scanner, and what the scanner's tests compare it against.
#include "checker/jsonl_record.hpp"

#include <nlohmann/json.hpp>

namespace factline {

namespace {

RecordMember member_of(const nlohmann::json& object, const char* key) {
    RecordMember member;
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return member;
    if (!it->is_string()) {
        member.shape = MemberShape::other;
        return member;
    }
    member.shape = MemberShape::string;
    member.value = it->get<std::string>();
    return member;
}

}  // namespace

JsonRecord json_record_from_dom(const nlohmann::json& object) {
    JsonRecord record;
    if (const auto it = object.find("id"); it != object.end()) {
        if (it->is_string()) record.id = it->get<std::string>();
        else if (it->is_number()) record.id = it->dump();
    }
    record.text = member_of(object, "text");
    record.url = member_of(object, "url");
    record.outlet = member_of(object, "outlet");
    record.published = member_of(object, "published");
    return record;
}

}  // namespace factline
