#include "checker/cluster_files.hpp"

#include <charconv>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace factline {

using Json = nlohmann::ordered_json;

namespace {

/// A line that cannot be used; the message names the field.
struct BadLine : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json date_json(const std::optional<CivilDate>& date) { return date ? Json(to_iso(*date)) : Json(nullptr); }

Json optional_int(const std::optional<int>& value) { return value ? Json(*value) : Json(nullptr); }

const Json& field(const Json& object, const char* key) {
    const auto it = object.find(key);
    if (it == object.end()) throw BadLine(fmt::format("missing field '{}'", key));
    return *it;
}

std::string text_field(const Json& object, const char* key) {
    const Json& value = field(object, key);
    if (!value.is_string() || value.get<std::string>().empty()) {
        throw BadLine(fmt::format("'{}' must be a non-empty string", key));
    }
    return value.get<std::string>();
}

std::optional<int> int_field(const Json& object, const char* key, int low, int high) {
    const Json& value = field(object, key);
    if (value.is_null()) return std::nullopt;
    if (!value.is_number_integer() || value.get<long long>() < low || value.get<long long>() > high) {
        throw BadLine(fmt::format("'{}' must be null or a whole number from {} to {}", key, low, high));
    }
    return value.get<int>();
}

/// A date and its provenance: both known, or null and "unknown".
DatedBy dated_field(const Json& object, const char* date_key, const char* source_key) {
    DatedBy dated;
    const Json& date = field(object, date_key);
    if (!date.is_null()) {
        dated.date = date.is_string() ? parse_iso(date.get<std::string>()) : std::nullopt;
        if (!dated.date) throw BadLine(fmt::format("'{}' must be null or a date YYYY-MM-DD", date_key));
    }
    const std::string source = text_field(object, source_key);
    const auto parsed = parse_date_source(source);
    if (!parsed) {
        throw BadLine(fmt::format("'{}' is '{}', not one of metadata, header, dateline, cluster, weekday, "
                                  "relative, unknown",
                                  source_key, source));
    }
    dated.source = *parsed;
    if (dated.date.has_value() == (dated.source == DateSource::unknown)) {
        throw BadLine(fmt::format("'{}' must be \"unknown\" exactly when '{}' is null", source_key, date_key));
    }
    return dated;
}

std::uint64_t shingle_from(const Json& value) {
    const std::string text = value.is_string() ? value.get<std::string>() : std::string{};
    std::uint64_t shingle = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), shingle, 16);
    if (text.size() != 16 || error != std::errc{} || end != text.data() + text.size()) {
        throw BadLine("'shingles' must hold strings of 16 hex digits");
    }
    return shingle;
}

DocumentSketch sketch_from(const Json& j) {
    DocumentSketch sketch;
    sketch.doc = text_field(j, "doc");
    sketch.doc_hash = text_field(j, "doc_hash");
    sketch.date_evidence.date = dated_field(j, "date", "date_source");
    sketch.date_evidence.partial_month = int_field(j, "partial_month", 1, 12);
    sketch.date_evidence.partial_day = int_field(j, "partial_day", 1, 31);
    const Json& weekdays = field(j, "weekdays");
    const Json& shingles = field(j, "shingles");
    if (!weekdays.is_array() || !shingles.is_array()) throw BadLine("'weekdays' and 'shingles' must be arrays");
    for (const Json& day : weekdays) {
        if (!day.is_number_integer() || day.get<long long>() < 0 || day.get<long long>() > 6) {
            throw BadLine("'weekdays' must hold numbers from 0 (Monday) to 6 (Sunday)");
        }
        sketch.date_evidence.body_weekdays.push_back(day.get<int>());
    }
    sketch.shingles.reserve(shingles.size());
    for (const Json& shingle : shingles) sketch.shingles.push_back(shingle_from(shingle));
    // cluster_documents compares shingle sets by merging them: they must be sorted and unique.
    for (std::size_t i = 1; i < sketch.shingles.size(); ++i) {
        if (sketch.shingles[i - 1] >= sketch.shingles[i]) throw BadLine("'shingles' must be sorted and unique");
    }
    return sketch;
}

ClusterAssignment assignment_from(const Json& j) {
    ClusterAssignment assignment;
    assignment.doc = text_field(j, "doc");
    assignment.doc_hash = text_field(j, "doc_hash");
    assignment.cluster = text_field(j, "cluster");
    assignment.date = dated_field(j, "published", "published_source");
    return assignment;
}

/// Calls `use(object, line)` for every non-blank line of `path`; a line that is
/// not a JSON object, or that `use` rejects, is an error at path:line.
template <typename Use>
void for_each_line(const std::filesystem::path& path, const char* id, Diagnostics& diagnostics, Use use) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diagnostics.error("input.unreadable", path.string(), 0, 0, "cannot open file");
        return;
    }
    std::uint32_t number = 0;
    for (std::string line; std::getline(in, line);) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        try {
            const Json json = Json::parse(line);
            if (!json.is_object()) throw BadLine("expected a JSON object");
            use(json, number);
        } catch (const BadLine& error) {
            diagnostics.error(id, path.string(), number, 1, error.what());
        } catch (const Json::exception& error) {
            diagnostics.error(id, path.string(), number, 1, fmt::format("not a JSON object: {}", error.what()));
        }
    }
}

}  // namespace

std::string to_json_line(const DocumentSketch& sketch) {
    const DocumentDateEvidence& evidence = sketch.date_evidence;
    Json j;
    j["doc"] = sketch.doc;
    j["doc_hash"] = sketch.doc_hash;
    j["date"] = date_json(evidence.date.date);
    j["date_source"] = std::string(to_string(evidence.date.source));
    j["partial_month"] = optional_int(evidence.partial_month);
    j["partial_day"] = optional_int(evidence.partial_day);
    j["weekdays"] = evidence.body_weekdays;
    Json shingles = Json::array();
    for (std::uint64_t shingle : sketch.shingles) shingles.push_back(fmt::format("{:016x}", shingle));
    j["shingles"] = std::move(shingles);
    return dump(j);
}

std::string to_json_line(const ClusterAssignment& assignment) {
    Json j;
    j["doc"] = assignment.doc;
    j["doc_hash"] = assignment.doc_hash;
    j["cluster"] = assignment.cluster;
    j["published"] = date_json(assignment.date.date);
    j["published_source"] = std::string(to_string(assignment.date.source));
    return dump(j);
}

std::vector<DocumentSketch> read_sketches(const std::filesystem::path& path, Diagnostics& diagnostics) {
    std::error_code ec;
    const auto file = std::filesystem::is_directory(path, ec) ? path / sketches_file_name : path;
    std::vector<DocumentSketch> sketches;
    for_each_line(file, "sketches.invalid", diagnostics,
                  [&](const Json& j, std::uint32_t) { sketches.push_back(sketch_from(j)); });
    return sketches;
}

ClusterMap read_cluster_map(const std::filesystem::path& path, Diagnostics& diagnostics) {
    std::vector<ClusterAssignment> assignments;
    for_each_line(path, "clusters.invalid", diagnostics, [&](const Json& j, std::uint32_t line) {
        assignments.push_back(assignment_from(j));
        assignments.back().line = line;
    });
    return index_cluster_map(std::move(assignments), path.string(), diagnostics);
}

}  // namespace factline
