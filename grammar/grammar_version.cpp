// Keeps the grammar library non-empty while grammars are added one TU at a time.
namespace factline::grammar {
const char* grammar_library_version() { return "1"; }
}  // namespace factline::grammar
