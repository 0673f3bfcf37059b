#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace overrule {

// Named mappings the reviewer saved for reuse: one file "presets/NAME.json" in the app's data
// folder (QStandardPaths::AppDataLocation), so they can be shared by copying the file.
class MappingPresets
{
public:
    // Defaults to the app's data folder; tests and callers may point elsewhere.
    MappingPresets();
    explicit MappingPresets(QString folder) : m_folder(std::move(folder)) {}

    const QString& folder() const { return m_folder; }
    QStringList names() const; // sorted, case-insensitively
    bool contains(const QString& name) const;
    // Empty when the name is usable; otherwise why not (it becomes a file name).
    static QString nameProblem(const QString& name);

    Result<QByteArray> load(const QString& name) const;
    // Checks the mapping before writing it; overwrites a preset of the same name.
    Status save(const QString& name, const QByteArray& json) const;
    Status remove(const QString& name) const;

private:
    QString pathOf(const QString& name) const;

    QString m_folder;
};

} // namespace overrule
