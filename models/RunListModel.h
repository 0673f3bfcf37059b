#pragma once

#include "RunStore.h"

#include <QAbstractListModel>
#include <cstdint>
#include <vector>

namespace overrule {

class Database;

// The runs of the workspace, one row per run, newest first.
class RunListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        RunIdRole = Qt::UserRole + 1,
        ItemCountRole,
        ModelNameRole
    };

    explicit RunListModel(const Database& db, QObject* parent = nullptr);
    void reload();
    std::int64_t runIdAt(int row) const;    // 0 when out of range
    int rowOfRun(std::int64_t runId) const; // -1 when absent
    const QString& lastError() const { return m_lastError; }

    // DisplayRole: run name; ToolTipRole: model, items, imported at, rejected lines
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void queryFailed(const QString& message);

private:
    const Database& m_db;
    std::vector<RunInfo> m_runs;
    QString m_lastError;
};

} // namespace overrule
