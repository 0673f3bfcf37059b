#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace overrule {

// nlohmann's compact dump(), byte for byte, about three times faster: strings are copied in
// runs between the characters that need escaping, and nothing goes through an output adapter.
// Floats are written by nlohmann's own shortest round-trip formatter, so numbers read the
// same. What it does not write itself (invalid UTF-8, binary values) it leaves to nlohmann,
// which then writes it or throws exactly as dump() does.
std::string dumpJson(const nlohmann::json& value);

} // namespace overrule
