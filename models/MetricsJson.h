#pragma once

#include "Metrics.h"

#include <QByteArray>

namespace overrule {

// The `overrule stats --json` document. Each rate is {"count", "of", "rate", "ci95"}; rate and
// ci95 are null when the denominator is 0.
QByteArray metricsToJson(const QString& runName, const RunMetrics& metrics,
                         const QString& reviewer);

} // namespace overrule
