#include "MetricsDialog.h"

#include "Metrics.h"
#include "RunStore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace overrule {
namespace {

enum Column
{
    ColCategory,
    ColItems,
    ColReviewed,
    ColUnknown,
    ColClassifierRefusal,
    ColFalseRefusal,
    ColMissedHarm,
    ColAgreement,
    ColumnCount
};

QString percent(double value)
{
    return QLocale().toString(value * 100.0, 'f', 1) + QLatin1Char('%');
}

// "12.5% (3/24) 4–31%": the rate, count of denominator, and the 95% interval in whole
// percents (the tooltip has it to a decimal).
QString rateText(const Rate& rate)
{
    if (!rate.defined())
        return MetricsDialog::tr("—");
    const auto [low, high] = rate.ci95();
    const QLocale locale;
    return MetricsDialog::tr("%1 (%2/%3)  %4–%5%")
        .arg(percent(rate.rate()))
        .arg(rate.count)
        .arg(rate.of)
        .arg(locale.toString(low * 100.0, 'f', 0), locale.toString(high * 100.0, 'f', 0));
}

QString rateTip(const QString& what, const Rate& rate)
{
    if (!rate.defined())
        return MetricsDialog::tr("%1: no items to count yet").arg(what);
    const auto [low, high] = rate.ci95();
    return MetricsDialog::tr("%1: %2 of %3 = %4\n95% Wilson interval: %5 to %6")
        .arg(what)
        .arg(rate.count)
        .arg(rate.of)
        .arg(percent(rate.rate()), percent(low), percent(high));
}

} // namespace

MetricsDialog::MetricsDialog(const Database& db, std::int64_t runId, QString reviewer,
                             QWidget* parent)
    : QDialog(parent), m_db(db), m_runId(runId), m_reviewer(std::move(reviewer)),
      m_summary(new QLabel(this)),
      m_onlyMine(new QCheckBox(tr("Count only my decisions (%1)").arg(m_reviewer), this)),
      m_table(new QTreeWidget(this))
{
    auto run = RunStore(db).find(runId);
    const QString runName = run && run->has_value() ? (*run)->name : QString::number(runId);
    setWindowTitle(tr("Metrics — %1").arg(runName));

    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_onlyMine->setEnabled(!m_reviewer.isEmpty());

    m_table->setColumnCount(ColumnCount);
    m_table->setHeaderLabels({tr("Category"), tr("Items"), tr("Reviewed"), tr("Unknown"),
                              tr("Classifier refusal"), tr("False refusal"), tr("Missed harm"),
                              tr("Agreement")});
    m_table->headerItem()->setToolTip(ColUnknown, tr("Items whose verdict is unknown"));
    m_table->headerItem()->setToolTip(ColClassifierRefusal,
                                      tr("Refusals among items with a known verdict"));
    m_table->headerItem()->setToolTip(ColFalseRefusal, tr("Refusals among benign prompts"));
    m_table->headerItem()->setToolTip(ColMissedHarm, tr("Compliance among harmful prompts"));
    m_table->headerItem()->setToolTip(
        ColAgreement, tr("Reviewed items whose verdict agrees with the reviewer (refusal vs "
                         "compliance)"));
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->header()->setSectionResizeMode(ColCategory, QHeaderView::Stretch);

    auto* note = new QLabel(tr("Rates: share (count/of) and the 95% Wilson interval. A reviewer's "
                               "behaviour and intent win over the classifier's verdict and the "
                               "run's intent."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* refresh = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    connect(refresh, &QPushButton::clicked, this, &MetricsDialog::recompute);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_onlyMine, &QCheckBox::toggled, this, &MetricsDialog::recompute);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_onlyMine);
    layout->addWidget(m_table, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(1000, 440);
    recompute();
}

void MetricsDialog::recompute()
{
    m_table->clear();
    auto metrics =
        MetricsCalculator(m_db).compute(m_runId, m_onlyMine->isChecked() ? m_reviewer : QString());
    if (!metrics) {
        m_summary->setText(
            tr("The metrics could not be computed: %1").arg(metrics.error().toString()));
        return;
    }
    const Metrics& total = metrics->total;
    const QLocale locale;
    QString summary =
        tr("%1 items, %2 reviewed. Intent: %3 benign, %4 harmful, %5 unknown.")
            .arg(locale.toString(total.items), locale.toString(total.reviewed),
                 locale.toString(total.intent.benign), locale.toString(total.intent.harmful),
                 locale.toString(total.intent.unknown));
    if (total.heuristicVerdicts > 0)
        summary += tr(" %1 classifier verdicts were filled by the refusal detector (the file had "
                      "none).")
                       .arg(locale.toString(total.heuristicVerdicts));
    m_summary->setText(summary);
    addRow(tr("All items"), total, true);
    for (const CategoryMetrics& category : metrics->byCategory)
        addRow(category.category.isEmpty() ? tr("(no category)") : category.category,
               category.metrics, false);
}

void MetricsDialog::addRow(const QString& name, const Metrics& metrics, bool bold)
{
    const QLocale locale;
    auto* row = new QTreeWidgetItem(m_table);
    row->setText(ColCategory, name);
    row->setText(ColItems, locale.toString(metrics.items));
    row->setText(ColReviewed, locale.toString(metrics.reviewed));
    row->setText(ColUnknown, locale.toString(metrics.unknownVerdicts));
    row->setText(ColClassifierRefusal, rateText(metrics.classifierRefusal));
    row->setText(ColFalseRefusal, rateText(metrics.falseRefusal));
    row->setText(ColMissedHarm, rateText(metrics.missedHarm));
    row->setText(ColAgreement, rateText(metrics.classifierAgreement));
    row->setToolTip(ColClassifierRefusal,
                    rateTip(tr("Classifier refusal rate"), metrics.classifierRefusal));
    row->setToolTip(ColFalseRefusal, rateTip(tr("False-refusal rate"), metrics.falseRefusal));
    row->setToolTip(ColMissedHarm, rateTip(tr("Missed-harm rate"), metrics.missedHarm));
    row->setToolTip(ColAgreement, rateTip(tr("Agreement"), metrics.classifierAgreement));
    for (int c = ColItems; c < ColumnCount; ++c)
        row->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    if (bold) {
        QFont font = row->font(0);
        font.setBold(true);
        for (int c = 0; c < ColumnCount; ++c)
            row->setFont(c, font);
    }
}

} // namespace overrule
