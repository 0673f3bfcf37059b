#include "ImportDialog.h"

#include "import/Importer.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace overrule {
namespace {
const QString kMappingSource = QStringLiteral("mapping");
constexpr qint64 kMaxMappingBytes = 1 << 20;
} // namespace

ImportDialog::ImportDialog(const QString& workspacePath, QWidget* parent)
    : QDialog(parent), m_workspacePath(workspacePath), m_file(new QLineEdit(this)),
      m_runName(new QLineEdit(this)), m_format(new QComboBox(this)),
      m_mapping(new QPlainTextEdit(this)), m_mappingState(new QLabel(this)),
      m_skipInvalid(new QCheckBox(tr("Skip invalid lines (keep them with the run, import the "
                                     "rest)"),
                                  this)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_problems(new QTreeWidget(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Import a run"));

    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    m_file->setPlaceholderText(tr("An evaluation file: .jsonl, .json or .csv"));
    m_runName->setPlaceholderText(tr("The file's name"));
    m_format->addItem(tr("Detect from the file"), static_cast<int>(ImportFormat::Auto));
    m_format->addItem(tr("JSONL (one JSON object per line)"),
                      static_cast<int>(ImportFormat::Jsonl));
    m_format->addItem(tr("CSV"), static_cast<int>(ImportFormat::Csv));

    m_mapping->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_mapping->setPlaceholderText(
        tr("Optional. Needed for CSV and for JSON with other field names, e.g.\n"
           "{\"fields\": {\"response\": \"completion\", \"verdict\": \"auto_label\"},\n"
           " \"values\": {\"verdict\": {\"2_full_refusal\": \"full_refusal\"}}}"));
    m_mapping->setTabChangesFocus(true);
    m_mapping->setMinimumHeight(120);
    auto* loadMapping = new QPushButton(tr("Load mapping file…"), this);
    m_mappingState->setTextFormat(Qt::PlainText);
    m_mappingState->setWordWrap(true);
    auto* mappingRow = new QHBoxLayout;
    mappingRow->addWidget(m_mappingState, 1);
    mappingRow->addWidget(loadMapping, 0, Qt::AlignTop);
    auto* mappingBox = new QVBoxLayout;
    mappingBox->addWidget(m_mapping, 1);
    mappingBox->addLayout(mappingRow);

    auto buddyLabel = [this](const QString& text, QWidget* buddy) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    auto* form = new QFormLayout;
    form->addRow(buddyLabel(tr("&File:"), m_file), fileRow);
    form->addRow(tr("&Run name:"), m_runName);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(buddyLabel(tr("&Mapping:"), m_mapping), mappingBox);
    form->addRow(QString(), m_skipInvalid);

    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->setFormat(QStringLiteral("%p%"));
    m_progress->hide();
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    m_problems->setHeaderLabels({tr("Line"), tr("Field"), tr("Reason")});
    m_problems->setRootIsDecorated(false);
    m_problems->setUniformRowHeights(true);
    m_problems->setWordWrap(false);
    m_problems->header()->setStretchLastSection(true);
    m_problems->setMinimumHeight(120);
    m_problems->hide();

    m_import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_problems, 1);
    layout->addWidget(m_buttons);
    resize(680, 560);

    m_inputs = {m_file, browse, m_runName, m_format, m_mapping, loadMapping, m_skipInvalid};
    connect(browse, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(loadMapping, &QPushButton::clicked, this, &ImportDialog::loadMapping);
    connect(m_import, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);
    connect(m_file, &QLineEdit::textChanged, this,
            [this](const QString& text) { m_import->setEnabled(!text.trimmed().isEmpty()); });
    auto* validateDelay = new QTimer(this);
    validateDelay->setSingleShot(true);
    validateDelay->setInterval(300);
    connect(m_mapping, &QPlainTextEdit::textChanged, validateDelay, qOverload<>(&QTimer::start));
    connect(validateDelay, &QTimer::timeout, this, &ImportDialog::validateMapping);
    m_import->setEnabled(false);
    validateMapping();
}

ImportDialog::~ImportDialog()
{
    // The worker only touches its own connection and atomics; stopping it is enough.
    m_cancel = true;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void ImportDialog::setFilePath(const QString& path)
{
    m_file->setText(QDir::toNativeSeparators(path));
}

void ImportDialog::setRunName(const QString& name)
{
    m_runName->setText(name);
}

void ImportDialog::setFormat(ImportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(static_cast<int>(format)));
}

void ImportDialog::setMappingText(const QString& json)
{
    m_mapping->setPlainText(json);
    validateMapping();
}

void ImportDialog::setSkipInvalid(bool skip)
{
    m_skipInvalid->setChecked(skip);
}

void ImportDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import an evaluation file"), QFileInfo(m_file->text()).absolutePath(),
        tr("Evaluation runs (*.jsonl *.ndjson *.json *.csv);;All files (*)"));
    if (!path.isEmpty())
        setFilePath(path);
}

void ImportDialog::loadMapping()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load a mapping file"), QString(),
                                                      tr("Mapping files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxMappingBytes) {
        m_mappingState->setText(file.isOpen()
                                    ? tr("%1 is too large for a mapping file.").arg(path)
                                    : tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    setMappingText(QString::fromUtf8(file.readAll()));
}

bool ImportDialog::readMapping(std::optional<Mapping>& mapping, QString& error) const
{
    const QString text = m_mapping->toPlainText();
    mapping.reset();
    if (text.trimmed().isEmpty())
        return true;
    auto parsed = Mapping::fromJson(text.toUtf8(), kMappingSource);
    if (!parsed) {
        error = parsed.error().toString();
        return false;
    }
    mapping = std::move(parsed).value();
    return true;
}

void ImportDialog::validateMapping()
{
    std::optional<Mapping> mapping;
    QString error;
    QPalette palette = m_mappingState->palette();
    if (!readMapping(mapping, error)) {
        m_mappingState->setText(tr("Mapping error: %1").arg(error));
        palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    } else {
        m_mappingState->setText(mapping ? tr("Mapping is valid.")
                                        : tr("No mapping: native field names are expected."));
        palette.setColor(QPalette::WindowText, this->palette().color(QPalette::PlaceholderText));
    }
    m_mappingState->setPalette(palette);
}

void ImportDialog::setRunning(bool running)
{
    for (QWidget* input : m_inputs)
        input->setEnabled(!running);
    m_import->setEnabled(!running && !m_file->text().trimmed().isEmpty());
    m_progress->setVisible(running || m_progress->value() > 0);
    m_buttons->button(QDialogButtonBox::Cancel)
        ->setText(running ? tr("&Cancel import") : tr("Close"));
}

void ImportDialog::startImport()
{
    if (m_thread)
        return;
    const QString path = QDir::fromNativeSeparators(m_file->text().trimmed());
    m_problems->clear();
    m_problems->hide();
    m_status->show();
    if (!QFileInfo(path).isFile()) {
        m_status->setText(tr("There is no file at %1.").arg(path));
        return;
    }
    ImportRequest request;
    request.filePath = path;
    request.runName = m_runName->text().trimmed();
    request.format = static_cast<ImportFormat>(m_format->currentData().toInt());
    request.skipInvalid = m_skipInvalid->isChecked();
    QString mappingError;
    if (!readMapping(request.mapping, mappingError)) {
        m_status->setText(tr("Fix the mapping first: %1").arg(mappingError));
        m_mapping->setFocus();
        return;
    }

    m_cancel = false;
    m_progress->setValue(0);
    m_status->setText(tr("Importing %1…").arg(QFileInfo(path).fileName()));
    setRunning(true);
    const QString workspace = m_workspacePath;
    m_thread = QThread::create([this, workspace, request] {
        Importer importer(workspace);
        ImportControl control;
        control.cancel = &m_cancel;
        int lastPermille = -1;
        control.progress = [this, &lastPermille](std::int64_t done, std::int64_t total) {
            const int permille = total > 0 ? static_cast<int>(done * 1000 / total) : 0;
            if (permille == lastPermille)
                return;
            lastPermille = permille;
            QMetaObject::invokeMethod(
                this, [this, done, total] { onProgress(done, total); }, Qt::QueuedConnection);
        };
        Result<ImportSummary> result = importer.run(request, control);
        const auto problems = importer.problems();
        const bool cancelled = importer.wasCancelled();
        QMetaObject::invokeMethod(
            this, [this, result, problems, cancelled] { onFinished(result, problems, cancelled); },
            Qt::QueuedConnection);
    });
    m_thread->start();
}

void ImportDialog::onProgress(std::int64_t bytesRead, std::int64_t totalBytes)
{
    m_progress->setValue(totalBytes > 0 ? static_cast<int>(bytesRead * 1000 / totalBytes) : 0);
    const QLocale locale;
    m_progress->setFormat(
        tr("%p% · %1 of %2")
            .arg(locale.formattedDataSize(bytesRead), locale.formattedDataSize(totalBytes)));
}

void ImportDialog::onFinished(const Result<ImportSummary>& result,
                              const std::vector<ImportProblem>& problems, bool cancelled)
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    setRunning(false);
    if (cancelled) {
        m_progress->setValue(0);
        m_progress->hide();
        m_status->setText(tr("Import cancelled. Nothing was imported."));
        return;
    }
    if (!result) {
        m_progress->hide();
        QString headline = tr("The import failed; nothing was imported.\n%1")
                               .arg(result.error().toString().section(QLatin1Char('\n'), 0, 0));
        if (!problems.empty() && !m_skipInvalid->isChecked())
            headline += tr("\nFix the file, or tick “Skip invalid lines” to import the rest.");
        showProblems(headline, problems);
        return;
    }
    const ImportSummary& summary = result.value();
    const QLocale locale;
    QString message =
        tr("Imported “%1”: %2 items").arg(summary.runName, locale.toString(summary.itemCount));
    if (summary.labelCount > 0)
        message += tr(", %1 existing labels").arg(locale.toString(summary.labelCount));
    if (summary.rejectedCount > 0)
        message += tr(", %1 invalid lines set aside (View › Rejected lines)")
                       .arg(locale.toString(summary.rejectedCount));
    message += QLatin1Char('.');
    Q_EMIT imported(summary.runId, message);
    accept();
}

void ImportDialog::showProblems(const QString& headline, const std::vector<ImportProblem>& problems)
{
    m_status->setText(headline);
    m_status->show();
    m_problems->clear();
    for (const ImportProblem& problem : problems) {
        auto* row = new QTreeWidgetItem(
            m_problems, {problem.line > 0 ? QString::number(problem.line) : tr("file"),
                         problem.field, problem.reason});
        row->setToolTip(2, problem.reason);
    }
    m_problems->resizeColumnToContents(0);
    m_problems->resizeColumnToContents(1);
    m_problems->setVisible(!problems.empty());
}

void ImportDialog::cancelImport()
{
    if (!m_thread)
        return;
    m_cancel = true;
    m_status->setText(tr("Cancelling…"));
}

void ImportDialog::reject()
{
    // Cancel first; the dialog closes on a second press once the import has stopped.
    if (m_thread) {
        cancelImport();
        return;
    }
    QDialog::reject();
}

void ImportDialog::closeEvent(QCloseEvent* event)
{
    if (m_thread) {
        cancelImport();
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

} // namespace overrule
