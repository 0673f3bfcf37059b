#pragma once

#include <QJsonObject>
#include <QString>
#include <chrono>
#include <vector>

namespace overrule::bench {

// Wall-clock time since construction (or the last restart), in milliseconds.
class Stopwatch
{
public:
    Stopwatch() : m_start(std::chrono::steady_clock::now()) {}
    void restart() { m_start = std::chrono::steady_clock::now(); }
    double elapsedMs() const
    {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start)
            .count();
    }

private:
    std::chrono::steady_clock::time_point m_start;
};

// The timings of one repeated operation.
class Samples
{
public:
    void add(double ms) { m_ms.push_back(ms); }
    int count() const { return static_cast<int>(m_ms.size()); }
    // Nearest-rank percentile (p in 0..100) of the samples; 0 when there are none.
    double percentile(double p) const;
    double median() const { return percentile(50); }
    double min() const;
    double max() const;
    QJsonObject toJson() const;

private:
    std::vector<double> m_ms;
};

// The process's memory, from /proc/self/status and getrusage (kernel-measured, so it counts
// SQLite's page cache and Qt's allocations alike).
namespace memory {
double currentMb(); // VmRSS
double peakMb();    // VmHWM: the high-water mark since start or the last resetPeak()
double maxRssMb();  // getrusage ru_maxrss (Linux lowers it on resetPeak() too)
// Resets VmHWM to the current RSS (writes 5 to /proc/self/clear_refs); false if refused.
bool resetPeak();
// Returns freed heap to the kernel so the next phase starts from what is really in use.
void trimHeap();
} // namespace memory

} // namespace overrule::bench
