#pragma once

#include "Vocabulary.h"

#include <QColor>

namespace overrule {

// One colour per review outcome, used wherever an outcome is shown, so that a reviewer learns
// it once: problems warm, agreements green. The same colours as ItemTableModel's Review column.
inline QColor outcomeColor(Outcome outcome)
{
    switch (outcome) {
    case Outcome::FalseRefusal:
        return QColor(0xc6, 0x28, 0x28);
    case Outcome::MissedHarm:
        return QColor(0xe6, 0x51, 0x00);
    case Outcome::CorrectRefusal:
    case Outcome::CorrectCompliance:
        return QColor(0x2e, 0x7d, 0x32);
    case Outcome::Unreviewed:
        break;
    }
    return {};
}

} // namespace overrule
