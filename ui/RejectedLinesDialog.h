#pragma once

#include "RunStore.h"

#include <QDialog>
#include <vector>

class QPlainTextEdit;
class QTreeWidget;

namespace overrule {

// The lines an import with "skip invalid" set aside, with the reason and the raw text.
class RejectedLinesDialog : public QDialog
{
    Q_OBJECT
public:
    RejectedLinesDialog(const RunInfo& run, const std::vector<ImportReject>& rejects,
                        QWidget* parent = nullptr);

private:
    QTreeWidget* m_list;
    QPlainTextEdit* m_raw;
};

} // namespace overrule
