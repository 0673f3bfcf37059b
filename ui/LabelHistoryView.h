#pragma once

#include "LabelStore.h"

#include <QTreeWidget>
#include <vector>

namespace overrule {

// The append-only history of one item's labels, newest first. Withdrawals and undo rows are
// shown as they are: nothing is hidden from the reviewer.
class LabelHistoryView : public QTreeWidget
{
    Q_OBJECT
public:
    explicit LabelHistoryView(QWidget* parent = nullptr);

    void setHistory(const std::vector<Label>& history);
};

// "2024-05-01 14:03" in local time from a stored ISO 8601 UTC timestamp.
QString shortLocalTime(const QString& isoUtc);

} // namespace overrule
