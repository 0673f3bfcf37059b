#pragma once

#include <QString>

namespace overrule {

// The workspace used when --db is not given: one file in the user's data folder.
QString defaultWorkspacePath();

} // namespace overrule
