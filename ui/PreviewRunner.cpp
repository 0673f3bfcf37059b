#include "PreviewRunner.h"

#include "import/Importer.h"

#include <QThread>
#include <QTimer>

namespace overrule {

PreviewRunner::PreviewRunner(QObject* parent) : QObject(parent), m_delay(new QTimer(this))
{
    m_delay->setSingleShot(true);
    m_delay->setInterval(250);
    connect(m_delay, &QTimer::timeout, this, &PreviewRunner::startPending);
}

PreviewRunner::~PreviewRunner()
{
    // A preview reads at most a few records; waiting for it is short.
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void PreviewRunner::request(const ImportRequest& request, bool immediately)
{
    m_pending = request;
    if (immediately) {
        m_delay->stop();
        startPending();
    } else {
        m_delay->start();
    }
}

bool PreviewRunner::isBusy() const
{
    return m_thread != nullptr || m_pending.has_value();
}

void PreviewRunner::startPending()
{
    if (m_thread || !m_pending)
        return; // onDone starts the newest request
    const ImportRequest request = std::move(*m_pending);
    m_pending.reset();
    Q_EMIT started();
    m_thread = QThread::create([this, request] {
        const Result<ImportPreview> preview = Importer::preview(request, kPreviewItems);
        QMetaObject::invokeMethod(
            this, [this, preview] { onDone(preview); }, Qt::QueuedConnection);
    });
    m_thread->start();
}

void PreviewRunner::onDone(const Result<ImportPreview>& preview)
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    if (m_pending) {
        // Outdated: the mapping changed while this one ran.
        if (!m_delay->isActive())
            startPending();
        return;
    }
    Q_EMIT finished(preview);
}

} // namespace overrule
