#include "MappingPresets.h"

#include "import/Mapping.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace overrule {
namespace {
const QString kSuffix = QStringLiteral(".json");
constexpr qint64 kMaxPresetBytes = 1 << 20;
constexpr int kMaxNameLength = 80;
} // namespace

MappingPresets::MappingPresets()
    : m_folder(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
               QStringLiteral("/presets"))
{
}

QStringList MappingPresets::names() const
{
    QStringList names;
    const QFileInfoList files =
        QDir(m_folder).entryInfoList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable);
    for (const QFileInfo& file : files)
        names << file.completeBaseName();
    std::sort(names.begin(), names.end(), [](const QString& a, const QString& b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    });
    return names;
}

bool MappingPresets::contains(const QString& name) const
{
    return nameProblem(name).isEmpty() && QFileInfo::exists(pathOf(name));
}

QString MappingPresets::nameProblem(const QString& name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("a preset needs a name");
    if (name != name.trimmed())
        return QStringLiteral("a preset name cannot start or end with a space");
    if (name.size() > kMaxNameLength)
        return QStringLiteral("a preset name has at most %1 characters").arg(kMaxNameLength);
    if (name.startsWith(QLatin1Char('.')))
        return QStringLiteral("a preset name cannot start with a dot");
    static const QString forbidden = QStringLiteral("/\\:*?\"<>|");
    for (const QChar c : name) {
        if (forbidden.contains(c) || c.category() == QChar::Other_Control)
            return QStringLiteral("a preset name cannot contain %1")
                .arg(c.isPrint() ? QString(c) : QStringLiteral("control characters"));
    }
    return QString();
}

Result<QByteArray> MappingPresets::load(const QString& name) const
{
    if (const QString problem = nameProblem(name); !problem.isEmpty())
        return makeError(problem, name);
    QFile file(pathOf(name));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read the preset: ") + file.errorString(),
                         file.fileName());
    if (file.size() > kMaxPresetBytes)
        return makeError(QStringLiteral("too large for a mapping file"), file.fileName());
    return file.readAll();
}

Status MappingPresets::save(const QString& name, const QByteArray& json) const
{
    if (const QString problem = nameProblem(name); !problem.isEmpty())
        return makeError(problem, name);
    if (auto checked = Mapping::fromJson(json, name); !checked)
        return checked.error();
    if (!QDir().mkpath(m_folder))
        return makeError(QStringLiteral("cannot create the presets folder"), m_folder);
    QSaveFile file(pathOf(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return makeError(QStringLiteral("cannot save the preset: ") + file.errorString(),
                         file.fileName());
    return {};
}

Status MappingPresets::remove(const QString& name) const
{
    if (!contains(name))
        return makeError(QStringLiteral("no such preset"), name);
    QFile file(pathOf(name));
    if (!file.remove())
        return makeError(QStringLiteral("cannot remove the preset: ") + file.errorString(),
                         file.fileName());
    return {};
}

QString MappingPresets::pathOf(const QString& name) const
{
    return m_folder + QLatin1Char('/') + name + kSuffix;
}

} // namespace overrule
