#include "ImportDialog.h"

#include "ImportMappingPage.h"
#include "ImportRunPage.h"
#include "ImportSourcePage.h"
#include "MappingEditor.h"

#include <QAbstractButton>
#include <QCloseEvent>
#include <QTimer>

namespace overrule {

ImportDialog::ImportDialog(const QString& workspacePath, QWidget* parent)
    : QWizard(parent), m_workspacePath(workspacePath), m_source(new ImportSourcePage(this)),
      m_mapping(new ImportMappingPage([this] { return baseRequest(); }, this)),
      m_run(new ImportRunPage(
          workspacePath, [this] { return request(); }, this))
{
    setWindowTitle(tr("Import a run"));
    setWizardStyle(QWizard::ClassicStyle);
    setOptions(QWizard::NoBackButtonOnStartPage | QWizard::NoDefaultButton);
    setPage(SourcePage, m_source);
    setPage(MappingPage, m_mapping);
    setPage(RunPage, m_run);
    setButtonText(QWizard::FinishButton, tr("&Import"));
    resize(1120, 720);

    connect(m_run, &ImportRunPage::imported, this, &ImportDialog::imported);
    connect(m_run, &ImportRunPage::runningChanged, this, [this](bool running) {
        button(QWizard::BackButton)->setEnabled(!running);
        updateCancelButton();
    });
    connect(m_mapping, &ImportMappingPage::previewUpdated, this, [this] {
        if (const auto& preview = m_mapping->lastPreview())
            m_run->setSuggestedRunName(preview->suggestedRunName);
    });
    connect(m_source, &ImportSourcePage::completeChanged, this, &ImportDialog::updateCancelButton);
}

ImportDialog::~ImportDialog() = default;

void ImportDialog::setFilePath(const QString& path)
{
    m_source->setFilePath(path);
    m_advanceOnShow = !path.isEmpty();
    if (isVisible() && currentPage() == m_source && m_advanceOnShow)
        next();
}

void ImportDialog::setUrl(const QString& url)
{
    m_source->setUrl(url);
}

void ImportDialog::setRunName(const QString& name)
{
    m_run->setRunName(name);
}

void ImportDialog::setFormat(ImportFormat format)
{
    m_mapping->setFormat(format);
}

void ImportDialog::setMappingText(const QString& json)
{
    m_mapping->editor()->setText(json);
}

void ImportDialog::setSkipInvalid(bool skip)
{
    m_run->setSkipInvalid(skip);
}

void ImportDialog::setDetectorPatterns(const QStringList& patterns)
{
    m_detectorPatterns = patterns;
}

bool ImportDialog::isRunning() const
{
    return m_run->isRunning();
}

ImportRequest ImportDialog::baseRequest() const
{
    ImportRequest request;
    request.filePath = m_source->localPath();
    request.sourceUrl = m_source->sourceUrl();
    request.detectorPatterns = m_detectorPatterns;
    return request;
}

Result<ImportRequest> ImportDialog::request() const
{
    ImportRequest request = baseRequest();
    if (request.filePath.isEmpty())
        return makeError(tr("choose a file or download the URL first"));
    request.format = m_mapping->format();
    auto mapping = m_mapping->mapping();
    if (!mapping)
        return mapping.error();
    request.mapping = std::move(mapping).value();
    return request;
}

void ImportDialog::startImport()
{
    // Through the pages, so that each checks its part (the file exists, the mapping is valid).
    while (currentPage() != m_run) {
        const int before = currentId();
        next();
        if (currentId() == before)
            return; // the page said what is wrong
    }
    m_run->startImport();
}

void ImportDialog::cancelImport()
{
    m_run->cancelImport();
    m_source->cancelDownload();
}

bool ImportDialog::isBusy() const
{
    return m_run->isRunning() || m_source->isDownloading();
}

void ImportDialog::updateCancelButton()
{
    button(QWizard::CancelButton)
        ->setText(m_run->isRunning()          ? tr("&Cancel import")
                  : m_source->isDownloading() ? tr("&Cancel download")
                                              : tr("Cancel"));
}

void ImportDialog::reject()
{
    // Cancel the work first; the dialog closes on a second press once it has stopped.
    if (isBusy()) {
        cancelImport();
        return;
    }
    QWizard::reject();
}

void ImportDialog::closeEvent(QCloseEvent* event)
{
    if (isBusy()) {
        cancelImport();
        event->ignore();
        return;
    }
    QWizard::closeEvent(event);
}

void ImportDialog::showEvent(QShowEvent* event)
{
    QWizard::showEvent(event);
    if (!m_advanceOnShow)
        return;
    m_advanceOnShow = false;
    // After the first page is in place: a dropped file goes straight to its preview.
    QTimer::singleShot(0, this, [this] {
        if (currentPage() == m_source)
            next();
    });
}

} // namespace overrule
