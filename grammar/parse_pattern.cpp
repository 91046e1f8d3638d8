#include "grammar/parse_pattern.hpp"

#include "grammar/pattern.hpp"

namespace factline::grammar {

namespace {

std::vector<PatternNode> convert(const ast::PatternSequence& sequence);

struct Converter {
    using result_type = PatternNode;
    PatternNode operator()(const ast::PatternWord& word) const {
        PatternNode node;
        node.kind = PatternNode::Kind::word;
        node.text = word.text;
        node.prefix = word.prefix;
        return node;
    }
    PatternNode operator()(const ast::PatternReference& reference) const {
        PatternNode node;
        node.kind = reference.sigil == '{' ? PatternNode::Kind::slot : PatternNode::Kind::word_class;
        node.text = reference.name;
        return node;
    }
    PatternNode operator()(const ast::PatternGap& gap) const {
        PatternNode node;
        node.kind = PatternNode::Kind::gap;
        node.max_gap = gap.max;
        return node;
    }
    PatternNode operator()(const ast::PatternAnchor&) const {
        PatternNode node;
        node.kind = PatternNode::Kind::anchor;
        return node;
    }
    PatternNode operator()(const x3::forward_ast<ast::PatternGroup>& group) const {
        PatternNode node;
        node.kind = PatternNode::Kind::group;
        node.optional = group.get().optional;
        for (const auto& option : group.get().options) node.options.push_back(convert(option));
        return node;
    }
};

std::vector<PatternNode> convert(const ast::PatternSequence& sequence) {
    std::vector<PatternNode> nodes;
    for (const auto& element : sequence) nodes.push_back(boost::apply_visitor(Converter{}, element));
    return nodes;
}

std::string expected_name(const std::string& which) {
    if (which == "eoi") return "end of pattern";
    return which;
}

}  // namespace

PatternParse parse_pattern(std::string_view text) {
    PatternParse result;
    // The grammar recurses once per open group; a pattern nested deeper than
    // any rule needs would otherwise exhaust the stack (found by fuzz_pattern).
    constexpr int max_depth = 16;
    int depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '(' || text[i] == '[') ++depth;
        if (text[i] == ')' || text[i] == ']') --depth;
        if (depth > max_depth) {
            result.error_column = static_cast<std::uint32_t>(i) + 1;
            result.error = "groups nested deeper than " + std::to_string(max_depth);
            return result;
        }
    }
    std::vector<ParseMessage> messages;
    ParseState state{text.data(), &messages};
    const char* first = text.data();
    const char* const last = text.data() + text.size();
    ast::PatternSequence sequence;
    try {
        const bool ok = x3::parse(first, last, x3::with<parse_state_tag>(state)[pattern_rule()], sequence);
        if (!ok) {
            result.error_column = static_cast<std::uint32_t>(first - text.data()) + 1;
            result.error = "expected a word, {slot}, @class, (…), […] or ...";
            return result;
        }
    } catch (const x3::expectation_failure<iterator_type>& failure) {
        result.error_column = static_cast<std::uint32_t>(failure.where() - text.data()) + 1;
        result.error = "expected " + expected_name(failure.which());
        return result;
    }
    result.nodes = convert(sequence);
    return result;
}

}  // namespace factline::grammar
