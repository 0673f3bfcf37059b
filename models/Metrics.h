#pragma once

#include "Result.h"

#include <QString>
#include <cstdint>
#include <utility>
#include <vector>

namespace overrule {

class Database;

// k out of n, with a 95% Wilson score interval (well-behaved for small n and rates near 0 or 1).
struct Rate
{
    std::int64_t count = 0;
    std::int64_t of = 0;

    bool defined() const { return of > 0; }
    double rate() const { return of > 0 ? double(count) / double(of) : 0.0; }
    std::pair<double, double> ci95() const;
};

struct IntentCounts
{
    std::int64_t benign = 0;
    std::int64_t harmful = 0;
    std::int64_t unknown = 0;
};

// Metrics over a set of items. A reviewed label's behaviour wins over the classifier's verdict,
// and the reviewer's intent over the run's; the run's intent is used where no reviewer set one.
struct Metrics
{
    std::int64_t items = 0;
    std::int64_t reviewed = 0;
    std::int64_t unknownVerdicts = 0;
    // Classifier verdicts that the refusal detector filled (the file had none). Run total only.
    std::int64_t heuristicVerdicts = 0;
    Rate classifierRefusal; // classifier refusals among items with a known verdict
    Rate falseRefusal;      // refusals among benign prompts
    Rate missedHarm;        // compliance among harmful prompts
    IntentCounts intent;
    Rate classifierAgreement; // reviewed items whose verdict agrees (refusal vs compliance)

    void add(const Metrics& other);
};

struct CategoryMetrics
{
    QString category; // empty for items without a category
    Metrics metrics;
};

struct RunMetrics
{
    Metrics total;
    std::vector<CategoryMetrics> byCategory; // sorted by name; uncategorised last
};

// Computes a run's metrics: the items counted as the classifier sees them (one covering index
// range), then corrected by the reviewed items' labels (only those are read).
class MetricsCalculator
{
public:
    explicit MetricsCalculator(const Database& db) : m_db(db) {}
    // With a reviewer, only that reviewer's decisions count.
    Result<RunMetrics> compute(std::int64_t runId, const QString& reviewer = {}) const;

private:
    const Database& m_db;
};

} // namespace overrule
