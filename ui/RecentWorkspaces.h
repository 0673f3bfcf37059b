#pragma once

#include <QObject>
#include <QStringList>

class QMenu;
class QSettings;

namespace overrule {

// The File > Recent workspaces menu, backed by QSettings "workspaces/recent" (newest first).
class RecentWorkspaces : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxEntries = 8;

    RecentWorkspaces(QSettings& settings, QMenu* menu, QObject* parent = nullptr);

    QStringList paths() const;
    // Moves `path` to the front (adding it when new) and keeps at most kMaxEntries.
    void add(const QString& path);
    void remove(const QString& path);

Q_SIGNALS:
    void openRequested(const QString& path);

private:
    void save(const QStringList& paths);
    void rebuildMenu();

    QSettings& m_settings;
    QMenu* m_menu;
};

} // namespace overrule
