#pragma once
// Writes JSON text directly into a string, byte for byte as nlohmann::json's
// dump() (no indent, ensure_ascii off, invalid UTF-8 replaced by U+FFFD) would
// write the same values. The run's largest outputs (assertions.jsonl and
// documents.jsonl: one object per assertion and per document) were built as
// nlohmann objects first, which cost more than writing them (issue 7).
// Readers still parse with nlohmann::json (model_json.cpp).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace factline {

/// Appends `value` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view value);

class JsonArrayText;

/// One JSON object, written key by key in call order: {"a":1,"b":"x"}. Keys
/// are the program's own plain ASCII names and are written unescaped.
class JsonObjectText {
public:
    explicit JsonObjectText(std::string& out) : out_(out) { out_.push_back('{'); }
    JsonObjectText(const JsonObjectText&) = delete;
    JsonObjectText& operator=(const JsonObjectText&) = delete;

    JsonObjectText& string(std::string_view key, std::string_view value);
    JsonObjectText& number(std::string_view key, std::int64_t value);
    JsonObjectText& boolean(std::string_view key, bool value);
    JsonObjectText& null(std::string_view key);
    JsonObjectText& strings(std::string_view key, const std::vector<std::string>& values);
    /// A nested object: write its keys with the returned writer, then close() it.
    JsonObjectText object(std::string_view key);
    /// A nested array of objects: add them with the returned writer, then close() it.
    JsonArrayText array(std::string_view key);
    /// Writes the closing brace; the writer is done.
    void close() { out_.push_back('}'); }

private:
    void key(std::string_view name);

    std::string& out_;
    bool first_ = true;
};

/// An array of objects: [{…},{…}].
class JsonArrayText {
public:
    explicit JsonArrayText(std::string& out) : out_(out) { out_.push_back('['); }
    JsonArrayText(const JsonArrayText&) = delete;
    JsonArrayText& operator=(const JsonArrayText&) = delete;

    /// The next element: write its keys, then close() it.
    JsonObjectText object();
    /// Writes the closing bracket; the writer is done.
    void close() { out_.push_back(']'); }

private:
    std::string& out_;
    bool first_ = true;
};

}  // namespace factline
