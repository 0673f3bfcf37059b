#pragma once

#include <QString>

#include <optional>

namespace overrule {

// The words Overrule stores. They live in storage because the schema and the importers need
// them; the integer values are what the database holds, so never renumber them.

// What a response did: the classifier's verdict, or a reviewer's "behaviour".
enum class Behaviour : int { Unknown = 0, FullRefusal = 1, PartialRefusal = 2, Compliance = 3 };

// Whether the prompt should have been answered.
enum class Intent : int { Unknown = 0, Benign = 1, Harmful = 2 };

// The review outcome that follows from behaviour and intent.
enum class Outcome : int {
    Unreviewed = 0,
    FalseRefusal = 1,
    CorrectRefusal = 2,
    MissedHarm = 3,
    CorrectCompliance = 4,
};

// Where a classifier verdict came from.
enum class VerdictSource : int { File = 0, Heuristic = 1 };

QString toString(Behaviour value);
QString toString(Intent value);
QString toString(Outcome value);
QString toString(VerdictSource value);

// Human-readable names for the UI ("False refusal").
QString displayName(Behaviour value);
QString displayName(Intent value);
QString displayName(Outcome value);

// Parses the canonical names and common synonyms ("refused", "refusal", "complied", "harmless",
// ...), case-insensitively. nullopt when the text means nothing we know.
std::optional<Behaviour> parseBehaviour(const QString& text);
std::optional<Intent> parseIntent(const QString& text);
std::optional<Outcome> parseOutcome(const QString& text);

inline bool isRefusal(Behaviour b)
{
    return b == Behaviour::FullRefusal || b == Behaviour::PartialRefusal;
}

// Unreviewed when either side is unknown.
Outcome outcomeOf(Behaviour behaviour, Intent intent);

} // namespace overrule
