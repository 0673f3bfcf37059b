#include "WorkspaceLocation.h"

#include <QDir>
#include <QStandardPaths>

namespace overrule {

QString defaultWorkspacePath()
{
    // GenericDataLocation + our own folder: AppDataLocation would nest organisation and
    // application name (Overrule/Overrule).
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(folder).filePath(QStringLiteral("Overrule/workspace.overrule"));
}

} // namespace overrule
