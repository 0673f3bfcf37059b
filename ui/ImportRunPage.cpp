#include "ImportRunPage.h"

#include "import/Importer.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDateTime>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QRadioButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWizard>

namespace overrule {

ImportRunPage::ImportRunPage(QString workspacePath, std::function<Result<ImportRequest>()> request,
                             QWidget* parent)
    : QWizardPage(parent), m_workspacePath(std::move(workspacePath)), m_request(std::move(request)),
      m_runName(new QLineEdit(this)),
      m_skipInvalid(new QCheckBox(tr("&Skip invalid records (keep them with the run, import "
                                     "the rest)"),
                                  this)),
      m_reimport(new QGroupBox(tr("This file was imported before"), this)),
      m_reimportText(new QLabel(m_reimport)),
      m_skip(new QRadioButton(tr("S&kip: import nothing, show the existing run"), m_reimport)),
      m_newRun(new QRadioButton(tr("Import it again as a &new run"), m_reimport)),
      m_addNew(
          new QRadioButton(tr("&Add only the items the existing run does not have"), m_reimport)),
      m_progress(new QProgressBar(this)), m_status(new QLabel(this)),
      m_problems(new QTreeWidget(this))
{
    setTitle(tr("Import"));
    setSubTitle(tr("Name the run and import it. The workspace is changed only now, in one "
                   "step: a failed or cancelled import leaves nothing behind."));
    setButtonText(QWizard::FinishButton, tr("&Import"));
    m_runName->setObjectName(QStringLiteral("runName"));
    m_runName->setMaxLength(200);
    m_reimportText->setTextFormat(Qt::PlainText);
    m_reimportText->setWordWrap(true);
    m_skip->setChecked(true);
    auto* choices = new QButtonGroup(this);
    for (QRadioButton* button : {m_skip, m_newRun, m_addNew})
        choices->addButton(button);
    auto* reimportLayout = new QVBoxLayout(m_reimport);
    reimportLayout->addWidget(m_reimportText);
    reimportLayout->addWidget(m_skip);
    reimportLayout->addWidget(m_newRun);
    reimportLayout->addWidget(m_addNew);
    m_reimport->setObjectName(QStringLiteral("reimport"));
    m_reimport->hide();

    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setHeaderLabels({tr("Where"), tr("Field"), tr("Reason")});
    m_problems->setRootIsDecorated(false);
    m_problems->setUniformRowHeights(true);
    m_problems->setWordWrap(false);
    m_problems->header()->setStretchLastSection(true);
    m_problems->setMinimumHeight(120);
    m_problems->hide();

    auto* form = new QFormLayout;
    auto* nameLabel = new QLabel(tr("&Run name:"), this);
    nameLabel->setBuddy(m_runName);
    form->addRow(nameLabel, m_runName);
    form->addRow(QString(), m_skipInvalid);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_reimport);
    layout->addSpacing(8);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_problems, 1);
    layout->addStretch(0);

    connect(m_skip, &QRadioButton::toggled, this, [this](bool skip) {
        m_runName->setEnabled(!skip && !isRunning());
        m_skipInvalid->setEnabled(!skip && !isRunning());
    });
    connect(m_addNew, &QRadioButton::toggled, this,
            [this](bool add) { m_runName->setEnabled(!add && !m_skip->isChecked()); });
}

ImportRunPage::~ImportRunPage()
{
    // The workers touch only their own connection and atomics; stopping them is enough.
    m_cancel = true;
    for (QThread* thread : {m_checkThread, m_importThread}) {
        if (thread) {
            thread->wait();
            delete thread;
        }
    }
}

void ImportRunPage::setRunName(const QString& name)
{
    m_runName->setText(name);
}

void ImportRunPage::setSuggestedRunName(const QString& name)
{
    m_runName->setPlaceholderText(name.isEmpty() ? tr("The file's name") : name);
}

void ImportRunPage::setSkipInvalid(bool skip)
{
    m_skipInvalid->setChecked(skip);
}

bool ImportRunPage::skipInvalid() const
{
    return m_skipInvalid->isChecked();
}

ReimportPolicy ImportRunPage::reimportPolicy() const
{
    // Without a known earlier import the importer refuses a duplicate rather than guessing.
    if (!m_previous)
        return ReimportPolicy::Refuse;
    if (m_newRun->isChecked())
        return ReimportPolicy::NewRun;
    if (m_addNew->isChecked())
        return ReimportPolicy::AddNew;
    return ReimportPolicy::Skip;
}

void ImportRunPage::setReimportPolicy(ReimportPolicy policy)
{
    m_newRun->setChecked(policy == ReimportPolicy::NewRun);
    m_addNew->setChecked(policy == ReimportPolicy::AddNew);
    m_skip->setChecked(policy == ReimportPolicy::Skip || policy == ReimportPolicy::Refuse);
}

void ImportRunPage::initializePage()
{
    m_done = false;
    startCheck();
}

void ImportRunPage::cleanupPage()
{
    // Going back: the file or mapping may change, so the problems shown no longer apply.
    m_problems->clear();
    m_problems->hide();
    m_status->clear();
    m_progress->hide();
}

bool ImportRunPage::isComplete() const
{
    return !isRunning();
}

bool ImportRunPage::validatePage()
{
    if (m_done)
        return true;
    startImport();
    return false;
}

void ImportRunPage::startCheck()
{
    auto request = m_request();
    const QString path = request ? request->filePath : QString();
    if (m_checkThread || path.isEmpty() || path == m_checkedPath)
        return;
    m_previous.reset();
    m_reimport->hide();
    const QString workspace = m_workspacePath;
    showStatus(tr("Checking whether this file was imported before…"), false);
    m_checkThread = QThread::create([this, workspace, path] {
        const auto previous = Importer::findPreviousImport(workspace, path);
        QMetaObject::invokeMethod(
            this, [this, path, previous] { onChecked(path, previous); }, Qt::QueuedConnection);
    });
    m_checkThread->start();
    Q_EMIT completeChanged();
}

void ImportRunPage::onChecked(const QString& filePath,
                              const Result<std::optional<RunInfo>>& previous)
{
    m_checkThread->wait();
    delete m_checkThread;
    m_checkThread = nullptr;
    m_checkedPath = filePath;
    showStatus(QString(), false);
    if (!previous) {
        // Not fatal: the import itself refuses a duplicate it finds.
        showStatus(tr("Could not check for an earlier import: %1").arg(previous.error().toString()),
                   true);
    } else if (previous->has_value()) {
        m_previous = **previous;
        const QLocale locale;
        m_reimportText->setText(
            tr("The run “%1” holds the same file (identical content), imported %2 with %3 "
               "items. What should happen?")
                .arg(m_previous->name,
                     locale.toString(
                         QDateTime::fromString(m_previous->importedAt, Qt::ISODate).toLocalTime(),
                         QLocale::ShortFormat),
                     locale.toString(m_previous->itemCount)));
        m_reimport->show();
        m_skip->setChecked(true);
    }
    Q_EMIT previousImportChecked();
    Q_EMIT completeChanged();
    if (m_importQueued) {
        m_importQueued = false;
        if (m_previous) {
            // The reviewer has to choose first.
            setRunning(false);
            showStatus(tr("Choose what to do with the earlier import, then press Import."), false);
        } else {
            startImport();
        }
    }
}

void ImportRunPage::startImport()
{
    if (m_importThread)
        return;
    if (m_checkThread) {
        // The answer decides the policy: import as soon as it is in.
        m_importQueued = true;
        setRunning(true);
        return;
    }
    m_problems->clear();
    m_problems->hide();
    auto built = m_request();
    if (!built) {
        setRunning(false);
        showStatus(tr("Fix this first: %1").arg(built.error().toString()), true);
        return;
    }
    ImportRequest request = std::move(built).value();
    if (!QFileInfo(request.filePath).isFile()) {
        setRunning(false);
        showStatus(tr("There is no file at %1.").arg(request.filePath), true);
        return;
    }
    request.runName = m_runName->text().trimmed();
    request.skipInvalid = m_skipInvalid->isChecked();
    request.onDuplicate = reimportPolicy();

    m_cancel = false;
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("%p%"));
    showStatus(tr("Importing %1…")
                   .arg(request.sourceUrl.isEmpty() ? QFileInfo(request.filePath).fileName()
                                                    : request.sourceUrl),
               false);
    const QString workspace = m_workspacePath;
    m_importThread = QThread::create([this, workspace, request] {
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
    setRunning(true);
    m_importThread->start();
}

void ImportRunPage::cancelImport()
{
    if (m_importQueued) {
        m_importQueued = false;
        setRunning(false);
        showStatus(tr("Import cancelled. Nothing was imported."), false);
        return;
    }
    if (!m_importThread)
        return;
    m_cancel = true;
    showStatus(tr("Cancelling…"), false);
}

void ImportRunPage::onProgress(std::int64_t bytesRead, std::int64_t totalBytes)
{
    m_progress->setValue(totalBytes > 0 ? static_cast<int>(bytesRead * 1000 / totalBytes) : 0);
    const QLocale locale;
    m_progress->setFormat(
        tr("%p% · %1 of %2")
            .arg(locale.formattedDataSize(bytesRead), locale.formattedDataSize(totalBytes)));
}

void ImportRunPage::onFinished(const Result<ImportSummary>& result,
                               const std::vector<ImportProblem>& problems, bool cancelled)
{
    m_importThread->wait();
    delete m_importThread;
    m_importThread = nullptr;
    setRunning(false);
    if (cancelled) {
        m_progress->setValue(0);
        m_progress->hide();
        showStatus(tr("Import cancelled. Nothing was imported."), false);
        return;
    }
    if (!result) {
        m_progress->hide();
        QString headline = tr("The import failed; nothing was imported.\n%1")
                               .arg(result.error().toString().section(QLatin1Char('\n'), 0, 0));
        if (!problems.empty() && !m_skipInvalid->isChecked())
            headline += tr("\nFix the file or the mapping, or tick “Skip invalid records” to "
                           "import the rest.");
        showProblems(headline, problems);
        return;
    }
    const ImportSummary& summary = result.value();
    const QLocale locale;
    QString message;
    if (summary.skippedAsDuplicate) {
        message = tr("“%1” already holds this file; nothing was imported.").arg(summary.runName);
    } else {
        message = summary.appendedToExisting
                      ? tr("Added %1 new items to “%2”")
                            .arg(locale.toString(summary.itemCount), summary.runName)
                      : tr("Imported “%1”: %2 items")
                            .arg(summary.runName, locale.toString(summary.itemCount));
        if (summary.labelCount > 0)
            message += tr(", %1 existing labels").arg(locale.toString(summary.labelCount));
        if (summary.verdictsFromHeuristic)
            message += tr(", verdicts from the refusal detector");
        if (summary.duplicatePrompts > 0)
            message += tr(", %1 repeated prompts marked as duplicates")
                           .arg(locale.toString(summary.duplicatePrompts));
        if (summary.rejectedCount > 0)
            message += tr(", %1 invalid records set aside (View › Rejected lines)")
                           .arg(locale.toString(summary.rejectedCount));
        message += QLatin1Char('.');
    }
    m_done = true;
    showStatus(message, false);
    Q_EMIT imported(summary.runId, message);
    if (wizard())
        wizard()->accept();
}

void ImportRunPage::setRunning(bool running)
{
    const bool skip = m_skip->isChecked() && m_previous;
    m_runName->setEnabled(!running && !skip && !(m_addNew->isChecked() && m_previous));
    m_skipInvalid->setEnabled(!running && !skip);
    m_reimport->setEnabled(!running);
    m_progress->setVisible(running || m_progress->value() > 0);
    Q_EMIT completeChanged();
    Q_EMIT runningChanged(running);
}

void ImportRunPage::showStatus(const QString& text, bool error)
{
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, error ? QColor(0xc6, 0x28, 0x28)
                                                 : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
    m_status->setText(text);
}

void ImportRunPage::showProblems(const QString& headline,
                                 const std::vector<ImportProblem>& problems)
{
    showStatus(headline, true);
    m_problems->clear();
    for (const ImportProblem& problem : problems) {
        auto* row =
            new QTreeWidgetItem(m_problems, {problem.line > 0 ? QString::number(problem.line)
                                             : !problem.location.isEmpty() ? problem.location
                                                                           : tr("file"),
                                             problem.field, problem.reason});
        row->setToolTip(2, problem.reason);
    }
    m_problems->resizeColumnToContents(0);
    m_problems->resizeColumnToContents(1);
    m_problems->setVisible(!problems.empty());
}

} // namespace overrule
