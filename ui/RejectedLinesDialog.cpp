#include "RejectedLinesDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace overrule {

RejectedLinesDialog::RejectedLinesDialog(const RunInfo& run,
                                         const std::vector<ImportReject>& rejects, QWidget* parent)
    : QDialog(parent), m_list(new QTreeWidget(this)), m_raw(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Rejected lines — %1").arg(run.name));
    const QLocale locale;
    QString summary = tr("%1 line(s) of %2 were set aside during the import.")
                          .arg(locale.toString(run.rejectedCount), run.sourcePath);
    if (static_cast<std::int64_t>(rejects.size()) < run.rejectedCount)
        summary += QLatin1Char(' ') + tr("The first %1 are listed.").arg(rejects.size());
    auto* header = new QLabel(summary, this);
    header->setTextFormat(Qt::PlainText);
    header->setWordWrap(true);

    m_list->setHeaderLabels({tr("Line"), tr("Field"), tr("Reason")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    for (const ImportReject& reject : rejects) {
        auto* row = new QTreeWidgetItem(
            m_list, {QString::number(reject.line), reject.field, reject.reason});
        row->setData(0, Qt::UserRole, reject.raw);
        row->setToolTip(2, reject.reason);
    }
    m_list->resizeColumnToContents(0);
    m_list->resizeColumnToContents(1);

    m_raw->setReadOnly(true);
    m_raw->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_raw->setPlaceholderText(tr("Select a line to see its raw text."));
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* current) {
        m_raw->setPlainText(current ? current->data(0, Qt::UserRole).toString() : QString());
    });

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_raw);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(760, 520);
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
}

} // namespace overrule
