#pragma once

#include <QWizardPage>
#include <atomic>
#include <memory>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTemporaryDir;
class QThread;

namespace overrule {

// Wizard page 1: where the run comes from, a file on this computer or an http(s) URL. A URL is
// downloaded (Downloader, certificates always verified) on a worker thread into a temporary
// folder that lives as long as the page; Next waits for it, Cancel stops it.
class ImportSourcePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ImportSourcePage(QWidget* parent = nullptr);
    ~ImportSourcePage() override;

    void setFilePath(const QString& path);
    void setUrl(const QString& url);
    bool usesUrl() const;
    // The local file to read: the chosen file, or the finished download.
    QString localPath() const;
    // The URL the local file came from; empty for a local file.
    QString sourceUrl() const;
    bool isDownloading() const { return m_thread != nullptr; }

    bool isComplete() const override;
    bool validatePage() override;

public Q_SLOTS:
    void startDownload();
    void cancelDownload();

Q_SIGNALS:
    void downloadFinished(bool ok);

private:
    void browse();
    void onDownloadProgress(std::int64_t received, std::int64_t total);
    void onDownloadFinished(const QString& url, const QString& path, const QString& error,
                            bool cancelled);
    void setDownloading(bool downloading);
    void showStatus(const QString& text, bool error);

    QRadioButton* m_fromFile;
    QRadioButton* m_fromUrl;
    QLineEdit* m_file;
    QPushButton* m_browse;
    QLineEdit* m_url;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QLabel* m_status;

    std::unique_ptr<QTemporaryDir> m_downloads;
    QString m_downloadedUrl; // the URL whose download is in m_downloadedPath
    QString m_downloadedPath;
    QThread* m_thread = nullptr;
    std::atomic<bool> m_cancelFlag{false};
    bool m_advanceWhenDone = false;
};

} // namespace overrule
