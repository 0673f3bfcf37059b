#include "BenchSupport.h"

#include <QFile>
#include <algorithm>
#include <cmath>
#include <malloc.h>
#include <sys/resource.h>

namespace overrule::bench {

double Samples::percentile(double p) const
{
    if (m_ms.empty())
        return 0;
    std::vector<double> sorted = m_ms;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = static_cast<size_t>(std::ceil(p / 100.0 * double(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

double Samples::min() const
{
    return m_ms.empty() ? 0 : *std::min_element(m_ms.begin(), m_ms.end());
}

double Samples::max() const
{
    return m_ms.empty() ? 0 : *std::max_element(m_ms.begin(), m_ms.end());
}

QJsonObject Samples::toJson() const
{
    auto round3 = [](double v) { return std::round(v * 1000.0) / 1000.0; };
    return QJsonObject{{QStringLiteral("median_ms"), round3(median())},
                       {QStringLiteral("p90_ms"), round3(percentile(90))},
                       {QStringLiteral("min_ms"), round3(min())},
                       {QStringLiteral("max_ms"), round3(max())},
                       {QStringLiteral("n"), count()}};
}

namespace memory {
namespace {

// A "Vm...:   1234 kB" line of /proc/self/status, in MB; -1 when unreadable.
double statusField(const char* name)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(name) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(prefix)) {
            const QByteArray kb = line.mid(prefix.size()).trimmed().split(' ').value(0);
            return kb.toDouble() / 1024.0;
        }
    }
    return -1;
}

} // namespace

double currentMb()
{
    return statusField("VmRSS");
}

double peakMb()
{
    return statusField("VmHWM");
}

double maxRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

bool resetPeak()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

void trimHeap()
{
    malloc_trim(0);
}

} // namespace memory
} // namespace overrule::bench
