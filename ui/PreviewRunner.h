#pragma once

#include "Result.h"
#include "import/ImportTypes.h"

#include <QObject>
#include <optional>

class QThread;
class QTimer;

namespace overrule {

// Builds import previews off the UI thread. Requests are debounced; while one preview runs, only
// the newest request waits, so typing in the mapping never queues up stale work.
class PreviewRunner : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPreviewItems = 20;

    explicit PreviewRunner(QObject* parent = nullptr);
    ~PreviewRunner() override;

    // Runs after a short pause (`immediately`: at once, e.g. on entering the page).
    void request(const ImportRequest& request, bool immediately = false);
    bool isBusy() const;

Q_SIGNALS:
    void started();
    void finished(const Result<ImportPreview>& preview);

private:
    void startPending();
    void onDone(const Result<ImportPreview>& preview);

    QTimer* m_delay;
    QThread* m_thread = nullptr;
    std::optional<ImportRequest> m_pending;
};

} // namespace overrule
