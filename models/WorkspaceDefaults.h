#pragma once

#include "Result.h"

namespace overrule {

class Database;

// Loads the bundled default taxonomy (categories that exist already are kept as they are) and,
// when the workspace has no run yet, imports the bundled sample run so the app never opens empty.
Status installDefaults(const Database& db);

// The bundled sample run's name.
QString sampleRunName();

} // namespace overrule
