#include "RunListModel.h"

#include "Database.h"

#include <QDateTime>

namespace overrule {

RunListModel::RunListModel(const Database& db, QObject* parent)
    : QAbstractListModel(parent), m_db(db)
{
    reload();
}

void RunListModel::reload()
{
    auto runs = RunStore(m_db).list();
    beginResetModel();
    if (runs) {
        m_runs = std::move(runs).value();
        m_lastError.clear();
    } else {
        m_runs.clear();
        m_lastError = runs.error().toString();
    }
    endResetModel();
    if (!m_lastError.isEmpty())
        Q_EMIT queryFailed(m_lastError);
}

std::int64_t RunListModel::runIdAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_runs.size()))
        return 0;
    return m_runs[static_cast<size_t>(row)].id;
}

int RunListModel::rowOfRun(std::int64_t runId) const
{
    for (size_t i = 0; i < m_runs.size(); ++i) {
        if (m_runs[i].id == runId)
            return static_cast<int>(i);
    }
    return -1;
}

int RunListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

QVariant RunListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunInfo& run = m_runs[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return run.name;
    case Qt::ToolTipRole: {
        const QDateTime imported = QDateTime::fromString(run.importedAt, Qt::ISODateWithMs);
        QStringList lines;
        lines << QStringLiteral("Model: %1")
                     .arg(run.model.isEmpty() ? QStringLiteral("(not given)") : run.model);
        lines << QStringLiteral("Items: %1").arg(run.itemCount);
        lines << QStringLiteral("Imported: %1")
                     .arg(imported.isValid()
                              ? imported.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                              : run.importedAt);
        lines << QStringLiteral("Rejected lines: %1").arg(run.rejectedCount);
        return lines.join(QLatin1Char('\n'));
    }
    case RunIdRole:
        return QVariant::fromValue<qint64>(run.id);
    case ItemCountRole:
        return QVariant::fromValue<qint64>(run.itemCount);
    case ModelNameRole:
        return run.model;
    default:
        return {};
    }
}

QHash<int, QByteArray> RunListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(RunIdRole, "runId");
    names.insert(ItemCountRole, "itemCount");
    names.insert(ModelNameRole, "modelName");
    return names;
}

} // namespace overrule
