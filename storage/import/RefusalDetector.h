#pragma once

#include "Vocabulary.h"

#include <QRegularExpression>
#include <QStringList>
#include <vector>

namespace overrule {

// Fills a verdict when a run has none, from phrase patterns. Each pattern is a line
// "start: REGEX" (a refusal when it matches at the start of the response) or "within: REGEX"
// (a partial refusal when it matches anywhere else). Verdicts it gives are stored as
// VerdictSource::Heuristic so metrics can tell them from a classifier's.
class RefusalDetector
{
public:
    static QStringList defaultPatterns();

    // Invalid lines are listed in errors() and ignored.
    explicit RefusalDetector(const QStringList& patterns = defaultPatterns());

    Behaviour classify(const QString& response) const;
    const QStringList& errors() const { return m_errors; }

private:
    std::vector<QRegularExpression> m_start;
    std::vector<QRegularExpression> m_within;
    QStringList m_errors;
};

} // namespace overrule
