#pragma once
// Stage 5 data: the vocabulary of the rule packs (actors with aliases and
// groups, holder groups, regions with aliases, containment and groups, topics
// and their values). Built once from rules/ and then read-only. Matching of
// the vocabulary in text lives in lexicon_match.{hpp,cpp}.
// OWNER: extraction work (issue 4). This is the first cut of the structure.
#include <map>
#include <string>
#include <vector>

namespace factline {

struct Lexicon {
    std::vector<std::string> holder_groups;              // russia ukraine west narrator other
    std::map<std::string, std::vector<std::string>> topic_values;  // topic -> allowed values
    std::map<std::string, std::string> region_parent;    // city/town id -> containing region id
};

}  // namespace factline
