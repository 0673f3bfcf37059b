#include "ImportSourcePage.h"

#include "net/Downloader.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>
#include <QWizard>

namespace overrule {
namespace {
// The download keeps the URL's file name so that format detection sees its extension.
QString downloadName(const QString& url)
{
    const QString name = QFileInfo(QUrl(url).fileName()).fileName();
    return name.isEmpty() || name.startsWith(QLatin1Char('.')) ? QStringLiteral("download") : name;
}
} // namespace

ImportSourcePage::ImportSourcePage(QWidget* parent)
    : QWizardPage(parent), m_fromFile(new QRadioButton(tr("A &file on this computer"), this)),
      m_fromUrl(new QRadioButton(tr("A &URL (downloaded first)"), this)),
      m_file(new QLineEdit(this)), m_browse(new QPushButton(tr("&Browse…"), this)),
      m_url(new QLineEdit(this)), m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel download"), this)), m_status(new QLabel(this))
{
    setTitle(tr("Choose the evaluation run"));
    setSubTitle(tr("JSONL, JSON or CSV; Inspect AI logs (.eval, .json), promptfoo exports, "
                   "lm-evaluation-harness samples; gzip-compressed too."));
    m_file->setObjectName(QStringLiteral("sourceFile"));
    m_url->setObjectName(QStringLiteral("sourceUrl"));
    m_file->setPlaceholderText(tr("/path/to/run.jsonl"));
    m_url->setPlaceholderText(QStringLiteral("https://…"));
    m_fromFile->setChecked(true);
    auto* group = new QButtonGroup(this);
    group->addButton(m_fromFile);
    group->addButton(m_fromUrl);

    m_progress->setRange(0, 0);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_cancel->hide();
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* note = new QLabel(tr("Downloads verify the server's certificate and use the proxy "
                               "settings of the environment (https_proxy, no_proxy)."),
                            this);
    note->setWordWrap(true);
    QPalette muted = note->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
    note->setPalette(muted);

    auto* grid = new QGridLayout;
    grid->setColumnMinimumWidth(0, 24);
    grid->addWidget(m_fromFile, 0, 0, 1, 3);
    grid->addWidget(m_file, 1, 1);
    grid->addWidget(m_browse, 1, 2);
    grid->setRowMinimumHeight(2, 12);
    grid->addWidget(m_fromUrl, 3, 0, 1, 3);
    grid->addWidget(m_url, 4, 1, 1, 2);
    grid->addWidget(note, 5, 1, 1, 2);
    grid->setColumnStretch(1, 1);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addSpacing(12);
    layout->addLayout(progressRow);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(m_browse, &QPushButton::clicked, this, &ImportSourcePage::browse);
    connect(m_cancel, &QPushButton::clicked, this, &ImportSourcePage::cancelDownload);
    auto changed = [this] {
        m_file->setEnabled(m_fromFile->isChecked() && !m_thread);
        m_browse->setEnabled(m_fromFile->isChecked() && !m_thread);
        m_url->setEnabled(m_fromUrl->isChecked() && !m_thread);
        Q_EMIT completeChanged();
    };
    connect(m_fromFile, &QRadioButton::toggled, this, changed);
    connect(m_file, &QLineEdit::textChanged, this, changed);
    connect(m_url, &QLineEdit::textChanged, this, changed);
    // Typing in a field chooses it.
    connect(m_file, &QLineEdit::textEdited, m_fromFile, [this] { m_fromFile->setChecked(true); });
    connect(m_url, &QLineEdit::textEdited, m_fromUrl, [this] { m_fromUrl->setChecked(true); });
    changed();
}

ImportSourcePage::~ImportSourcePage()
{
    m_cancelFlag = true;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void ImportSourcePage::setFilePath(const QString& path)
{
    m_file->setText(QDir::toNativeSeparators(path));
    m_fromFile->setChecked(true);
}

void ImportSourcePage::setUrl(const QString& url)
{
    m_url->setText(url);
    m_fromUrl->setChecked(true);
}

bool ImportSourcePage::usesUrl() const
{
    return m_fromUrl->isChecked();
}

QString ImportSourcePage::localPath() const
{
    if (!usesUrl())
        return QDir::fromNativeSeparators(m_file->text().trimmed());
    return m_downloadedUrl == m_url->text().trimmed() ? m_downloadedPath : QString();
}

QString ImportSourcePage::sourceUrl() const
{
    return usesUrl() ? m_url->text().trimmed() : QString();
}

bool ImportSourcePage::isComplete() const
{
    if (m_thread)
        return false;
    return usesUrl() ? !m_url->text().trimmed().isEmpty() : !m_file->text().trimmed().isEmpty();
}

bool ImportSourcePage::validatePage()
{
    if (m_thread)
        return false;
    if (!usesUrl()) {
        const QString path = localPath();
        if (!QFileInfo(path).isFile()) {
            showStatus(tr("There is no file at %1.").arg(path), true);
            return false;
        }
        showStatus(QString(), false);
        return true;
    }
    if (!localPath().isEmpty() && QFileInfo(localPath()).isFile())
        return true;
    m_advanceWhenDone = true;
    startDownload();
    return false;
}

void ImportSourcePage::browse()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import an evaluation run"), QFileInfo(localPath()).absolutePath(),
        tr("Evaluation runs (*.jsonl *.ndjson *.json *.csv *.eval *.gz);;All files (*)"));
    if (!path.isEmpty())
        setFilePath(path);
}

void ImportSourcePage::startDownload()
{
    if (m_thread)
        return;
    const QString url = m_url->text().trimmed();
    if (!Downloader::isUrl(url)) {
        showStatus(tr("Enter an address that starts with https:// (or http://)."), true);
        m_advanceWhenDone = false;
        return;
    }
    // A fresh folder per download: the previous file goes with its folder.
    m_downloads = std::make_unique<QTemporaryDir>();
    if (!m_downloads->isValid()) {
        showStatus(tr("Cannot create a temporary folder: %1").arg(m_downloads->errorString()),
                   true);
        m_advanceWhenDone = false;
        return;
    }
    m_downloadedUrl.clear();
    m_downloadedPath.clear();
    const QString target = m_downloads->filePath(downloadName(url));
    m_cancelFlag = false;
    setDownloading(true);
    showStatus(tr("Downloading %1…").arg(url), false);
    m_thread = QThread::create([this, url, target] {
        Downloader::Progress progress;
        progress.cancel = &m_cancelFlag;
        progress.callback = [this](std::int64_t received, std::int64_t total) {
            QMetaObject::invokeMethod(
                this, [this, received, total] { onDownloadProgress(received, total); },
                Qt::QueuedConnection);
        };
        const Result<QString> fetched = Downloader().fetch(url, target, progress);
        const QString error = fetched ? QString() : fetched.error().toString();
        const bool cancelled = m_cancelFlag.load();
        QMetaObject::invokeMethod(
            this,
            [this, url, target, error, cancelled] {
                onDownloadFinished(url, target, error, cancelled);
            },
            Qt::QueuedConnection);
    });
    m_thread->start();
}

void ImportSourcePage::cancelDownload()
{
    if (!m_thread)
        return;
    m_cancelFlag = true;
    m_advanceWhenDone = false;
    showStatus(tr("Cancelling the download…"), false);
}

void ImportSourcePage::onDownloadProgress(std::int64_t received, std::int64_t total)
{
    if (!m_thread)
        return;
    const QLocale locale;
    if (total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(static_cast<int>(received * 1000 / total));
        m_progress->setFormat(
            tr("%p% · %1 of %2")
                .arg(locale.formattedDataSize(received), locale.formattedDataSize(total)));
    } else {
        m_progress->setRange(0, 0); // size unknown: a busy bar with the count
        m_progress->setFormat(locale.formattedDataSize(received));
    }
}

void ImportSourcePage::onDownloadFinished(const QString& url, const QString& path,
                                          const QString& error, bool cancelled)
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    setDownloading(false);
    const bool advance = m_advanceWhenDone;
    m_advanceWhenDone = false;
    if (cancelled) {
        showStatus(tr("Download cancelled."), false);
        Q_EMIT downloadFinished(false);
        return;
    }
    if (!error.isEmpty()) {
        showStatus(tr("The download failed: %1").arg(error), true);
        Q_EMIT downloadFinished(false);
        return;
    }
    m_downloadedUrl = url;
    m_downloadedPath = path;
    showStatus(
        tr("Downloaded %1 (%2).")
            .arg(QFileInfo(path).fileName(), QLocale().formattedDataSize(QFileInfo(path).size())),
        false);
    Q_EMIT downloadFinished(true);
    if (advance && wizard() && wizard()->currentPage() == this)
        wizard()->next();
}

void ImportSourcePage::setDownloading(bool downloading)
{
    m_progress->setVisible(downloading);
    m_cancel->setVisible(downloading);
    if (downloading) {
        m_progress->setRange(0, 0);
        m_progress->setFormat(QString());
    }
    m_fromFile->setEnabled(!downloading);
    m_fromUrl->setEnabled(!downloading);
    m_file->setEnabled(!downloading && !usesUrl());
    m_browse->setEnabled(!downloading && !usesUrl());
    m_url->setEnabled(!downloading && usesUrl());
    Q_EMIT completeChanged();
}

void ImportSourcePage::showStatus(const QString& text, bool error)
{
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, error ? QColor(0xc6, 0x28, 0x28)
                                                 : this->palette().color(QPalette::WindowText));
    m_status->setPalette(palette);
    m_status->setText(text);
}

} // namespace overrule
