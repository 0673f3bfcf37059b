#pragma once

#include <QDateTime>
#include <QString>

namespace overrule {

// Timestamps are stored as ISO 8601 UTC with milliseconds, which sort as text.
inline QString nowIso()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace overrule
