#include "ImportMappingPage.h"

#include "ImportPreviewModel.h"
#include "MappingEditor.h"
#include "PresetBar.h"
#include "PreviewRunner.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace overrule {
namespace {
QString formatName(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Auto:
        return QObject::tr("Detect from the file");
    case ImportFormat::Jsonl:
        return QObject::tr("JSON Lines or a JSON array");
    case ImportFormat::Csv:
        return QObject::tr("CSV");
    case ImportFormat::Inspect:
        return QObject::tr("Inspect AI log");
    case ImportFormat::Promptfoo:
        return QObject::tr("promptfoo results");
    case ImportFormat::LmEval:
        return QObject::tr("lm-evaluation-harness samples");
    }
    return QString();
}

QString describeProblem(const ImportProblem& problem)
{
    QString text = problem.line > 0              ? QObject::tr("line %1").arg(problem.line)
                   : !problem.location.isEmpty() ? problem.location
                                                 : QObject::tr("file");
    if (!problem.field.isEmpty())
        text += QStringLiteral(": ") + problem.field;
    return text + QStringLiteral(": ") + problem.reason;
}
} // namespace

ImportMappingPage::ImportMappingPage(std::function<ImportRequest()> baseRequest, QWidget* parent)
    : QWizardPage(parent), m_baseRequest(std::move(baseRequest)), m_format(new QComboBox(this)),
      m_detected(new QLabel(this)), m_editor(new MappingEditor(this)),
      m_presets(new PresetBar([this] { return m_editor->text(); }, this)),
      m_model(new ImportPreviewModel(this)), m_table(new QTableView(this)),
      m_state(new QLabel(this)), m_runner(new PreviewRunner(this))
{
    setTitle(tr("Check how Overrule reads the file"));
    setSubTitle(tr("The first records as they will be stored. Change the format or the mapping "
                   "until they look right; nothing is imported yet."));
    m_format->setObjectName(QStringLiteral("format"));
    for (const ImportFormat format :
         {ImportFormat::Auto, ImportFormat::Jsonl, ImportFormat::Csv, ImportFormat::Inspect,
          ImportFormat::Promptfoo, ImportFormat::LmEval})
        m_format->addItem(formatName(format), static_cast<int>(format));
    m_detected->setTextFormat(Qt::PlainText);
    m_detected->setObjectName(QStringLiteral("detectedFormat"));
    auto* formatLabel = new QLabel(tr("F&ormat:"), this);
    formatLabel->setBuddy(m_format);
    auto* formatRow = new QHBoxLayout;
    formatRow->addWidget(formatLabel);
    formatRow->addWidget(m_format);
    formatRow->addWidget(m_detected, 1);

    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("preview"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ImportPreviewModel::PromptColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ImportPreviewModel::ResponseColumn, QHeaderView::Stretch);
    header->resizeSection(ImportPreviewModel::IdColumn, 60);
    header->resizeSection(ImportPreviewModel::VerdictColumn, 115);
    header->resizeSection(ImportPreviewModel::IntentColumn, 75);
    header->resizeSection(ImportPreviewModel::CategoryColumn, 90);
    header->resizeSection(ImportPreviewModel::ScoreColumn, 55);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setObjectName(QStringLiteral("previewState"));

    auto* mappingSide = new QWidget(this);
    auto* mappingLayout = new QVBoxLayout(mappingSide);
    mappingLayout->setContentsMargins(0, 0, 6, 0);
    mappingLayout->addWidget(new QLabel(tr("<b>Mapping</b>"), mappingSide));
    mappingLayout->addWidget(m_editor, 1);
    mappingLayout->addWidget(m_presets);
    auto* previewSide = new QWidget(this);
    auto* previewLayout = new QVBoxLayout(previewSide);
    previewLayout->setContentsMargins(6, 0, 0, 0);
    previewLayout->addWidget(new QLabel(tr("<b>Preview</b>"), previewSide));
    previewLayout->addWidget(m_table, 1);
    previewLayout->addWidget(m_state);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(mappingSide);
    splitter->addWidget(previewSide);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({380, 700});

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(formatRow);
    layout->addWidget(splitter, 1);

    connect(m_format, &QComboBox::currentIndexChanged, this, [this] { refreshPreview(); });
    connect(m_editor, &MappingEditor::mappingChanged, this, [this] { refreshPreview(); });
    connect(m_presets, &PresetBar::mappingLoaded, this,
            [this](const QString& json, const QString&) {
                if (!m_editor->setText(json))
                    m_editor->showJson();
            });
    connect(m_runner, &PreviewRunner::started, this, &ImportMappingPage::onPreviewStarted);
    connect(m_runner, &PreviewRunner::finished, this, &ImportMappingPage::onPreview);
}

ImportFormat ImportMappingPage::format() const
{
    return static_cast<ImportFormat>(m_format->currentData().toInt());
}

void ImportMappingPage::setFormat(ImportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(format)));
}

Result<std::optional<Mapping>> ImportMappingPage::mapping() const
{
    if (!m_editor->isValid())
        return makeError(m_editor->textError());
    return m_editor->draft().mapping();
}

bool ImportMappingPage::isPreviewing() const
{
    return m_runner->isBusy();
}

void ImportMappingPage::initializePage()
{
    refreshPreview(true);
}

bool ImportMappingPage::validatePage()
{
    if (auto checked = mapping(); !checked) {
        showState(tr("Fix the mapping first: %1").arg(checked.error().toString()), true);
        m_editor->showJson();
        return false;
    }
    return true;
}

void ImportMappingPage::refreshPreview(bool immediately)
{
    ImportRequest request = m_baseRequest();
    if (request.filePath.isEmpty())
        return;
    request.format = format();
    auto checked = mapping();
    if (!checked) {
        showState(tr("The mapping has an error, so the preview shows the last valid one: %1")
                      .arg(checked.error().toString()),
                  true);
        return;
    }
    request.mapping = std::move(checked).value();
    m_runner->request(request, immediately);
}

void ImportMappingPage::onPreviewStarted()
{
    if (m_model->rowCount() == 0)
        showState(tr("Reading the first records…"), false);
}

void ImportMappingPage::onPreview(const Result<ImportPreview>& result)
{
    if (!result) {
        m_model->clear();
        m_preview.reset();
        m_detected->clear();
        showState(tr("Overrule cannot read this file this way: %1").arg(result.error().toString()),
                  true);
        Q_EMIT previewUpdated();
        return;
    }
    const ImportPreview& preview = result.value();
    m_preview = preview;
    m_model->setItems(preview.items);
    // Ids are short and worth reading whole; a pathological one must not eat the table.
    m_table->resizeColumnToContents(ImportPreviewModel::IdColumn);
    m_table->setColumnWidth(
        ImportPreviewModel::IdColumn,
        std::clamp(m_table->columnWidth(ImportPreviewModel::IdColumn), 50, 140));
    m_editor->setSourceFields(preview.sourceFields);
    QStringList seen;
    for (const ItemRecord& item : preview.items) {
        if (item.verdictSource == VerdictSource::File && !item.verdictRaw.isEmpty() &&
            !seen.contains(item.verdictRaw))
            seen << item.verdictRaw;
    }
    m_editor->setSeenVerdicts(seen);

    QString detected = format() == ImportFormat::Auto
                           ? tr("Detected: %1").arg(formatName(preview.format))
                           : QString();
    if (!preview.model.isEmpty())
        detected += (detected.isEmpty() ? QString() : QStringLiteral(" · ")) +
                    tr("model %1").arg(preview.model);
    m_detected->setText(detected);

    QStringList lines;
    lines
        << (preview.items.empty() ? tr("No items in the first records.")
            : preview.items.size() == 1
                ? tr("The first item as Overrule will store it.")
                : tr("The first %1 items as Overrule will store them.").arg(preview.items.size()));
    if (preview.verdictsFromHeuristic)
        lines << tr("The file has no verdicts: the refusal detector filled them (“heuristic”; "
                    "its patterns are in Edit › Settings).");
    const bool problems = !preview.problems.empty();
    if (problems) {
        lines << (preview.problems.size() == 1
                      ? tr("A problem in these records:")
                      : tr("%1 problems in these records:").arg(preview.problems.size()));
        for (std::size_t i = 0; i < preview.problems.size() && i < 3; ++i)
            lines << QStringLiteral("  ") + describeProblem(preview.problems[i]);
    }
    showState(lines.join(QLatin1Char('\n')), problems || preview.items.empty());
    Q_EMIT previewUpdated();
}

void ImportMappingPage::showState(const QString& text, bool error)
{
    QPalette palette = m_state->palette();
    palette.setColor(QPalette::WindowText, error ? QColor(0xc6, 0x28, 0x28)
                                                 : this->palette().color(QPalette::WindowText));
    m_state->setPalette(palette);
    m_state->setText(text);
}

} // namespace overrule
