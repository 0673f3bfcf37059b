#pragma once

#include <QDialog>
#include <cstdint>

class QCheckBox;
class QLabel;
class QTreeWidget;

namespace overrule {

class Database;
struct Metrics;

// A run's metrics, total and per category: the classifier's refusal rate, and from reviewed
// labels the false-refusal and missed-harm rates, each as k/n with a 95% Wilson interval.
class MetricsDialog : public QDialog
{
    Q_OBJECT
public:
    MetricsDialog(const Database& db, std::int64_t runId, QString reviewer,
                  QWidget* parent = nullptr);

public Q_SLOTS:
    void recompute();

private:
    void addRow(const QString& name, const Metrics& metrics, bool bold);

    const Database& m_db;
    std::int64_t m_runId;
    QString m_reviewer;
    QLabel* m_summary;
    QCheckBox* m_onlyMine;
    QTreeWidget* m_table;
};

} // namespace overrule
