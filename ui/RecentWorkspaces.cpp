#include "RecentWorkspaces.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace overrule {
namespace {
const QString kKey = QStringLiteral("workspaces/recent");

QString canonical(const QString& path)
{
    const QFileInfo info(path);
    return QDir::cleanPath(info.absoluteFilePath());
}
} // namespace

RecentWorkspaces::RecentWorkspaces(QSettings& settings, QMenu* menu, QObject* parent)
    : QObject(parent), m_settings(settings), m_menu(menu)
{
    rebuildMenu();
}

QStringList RecentWorkspaces::paths() const
{
    return m_settings.value(kKey).toStringList();
}

void RecentWorkspaces::add(const QString& path)
{
    const QString entry = canonical(path);
    QStringList list = paths();
    list.removeAll(entry);
    list.prepend(entry);
    while (list.size() > kMaxEntries)
        list.removeLast();
    save(list);
}

void RecentWorkspaces::remove(const QString& path)
{
    QStringList list = paths();
    list.removeAll(canonical(path));
    save(list);
}

void RecentWorkspaces::save(const QStringList& paths)
{
    m_settings.setValue(kKey, paths);
    rebuildMenu();
}

void RecentWorkspaces::rebuildMenu()
{
    if (!m_menu)
        return;
    // deleteLater: this may run inside the triggered() of one of these actions.
    for (QAction* old : m_menu->actions()) {
        m_menu->removeAction(old);
        old->deleteLater();
    }
    const QStringList list = paths();
    int number = 1;
    for (const QString& path : list) {
        // Alt+1..8 through the mnemonic; the full path is in the status tip.
        const QString text =
            QStringLiteral("&%1  %2").arg(number++).arg(QFileInfo(path).fileName());
        auto* action = new QAction(text, m_menu);
        m_menu->addAction(action);
        action->setStatusTip(path);
        action->setToolTip(path);
        action->setEnabled(QFileInfo::exists(path));
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT openRequested(path); });
    }
    if (list.isEmpty()) {
        auto* none = new QAction(tr("No recent workspaces"), m_menu);
        none->setEnabled(false);
        m_menu->addAction(none);
        return;
    }
    auto* separator = new QAction(m_menu);
    separator->setSeparator(true);
    m_menu->addAction(separator);
    auto* clear = new QAction(tr("Clear list"), m_menu);
    m_menu->addAction(clear);
    connect(clear, &QAction::triggered, this, [this] { save({}); });
}

} // namespace overrule
