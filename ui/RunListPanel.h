#pragma once

#include <QWidget>
#include <cstdint>

class QLabel;
class QListView;

namespace overrule {

class Database;
class RunListModel;

// The runs of the workspace, on the left. Its context menu holds what belongs to one run:
// metrics, the lines its import set aside, and deleting it.
class RunListPanel : public QWidget
{
    Q_OBJECT
public:
    RunListPanel(const Database& db, RunListModel* model, QWidget* parent = nullptr);

    std::int64_t currentRunId() const;
    bool selectRun(std::int64_t runId);
    // Re-reads the runs and keeps the selection when the run still exists.
    void reload();

    void showRejectedLines(std::int64_t runId);
    void deleteRun(std::int64_t runId);

Q_SIGNALS:
    void runSelected(std::int64_t runId); // 0: none
    void runRemoved(std::int64_t runId);
    void metricsRequested(std::int64_t runId);
    void importRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showContextMenu(const QPoint& pos);
    void updatePlaceholder();

    const Database& m_db;
    RunListModel* m_model;
    QListView* m_list;
    QLabel* m_placeholder;
    std::int64_t m_current = 0;
};

} // namespace overrule
