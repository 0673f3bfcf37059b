#include "MainWindow.h"

#include "CategoryEditorDialog.h"
#include "CategoryStore.h"
#include "Database.h"
#include "DetailsPane.h"
#include "FilterBar.h"
#include "ImportDialog.h"
#include "ItemStore.h"
#include "ItemTableModel.h"
#include "ItemTableView.h"
#include "MetricsDialog.h"
#include "RecentWorkspaces.h"
#include "ReviewController.h"
#include "ReviewSession.h"
#include "ReviewStatusBar.h"
#include "ReviewerNameDialog.h"
#include "RunListModel.h"
#include "RunListPanel.h"
#include "RunStore.h"
#include "SearchIndexer.h"
#include "SettingsDialog.h"
#include "ShortcutSheet.h"
#include "WindowActions.h"
#include "net/Downloader.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace overrule {
namespace {
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kSplitterKey = QStringLiteral("window/splitter");
const QString kDetailsKey = QStringLiteral("window/details");
const QString kHeaderKey = QStringLiteral("window/tableHeader");
const QString kAutoAdvanceKey = QStringLiteral("review/autoAdvance");
constexpr int kMessageMs = 6000;

bool isWorkspaceFile(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("overrule") || suffix == QLatin1String("sqlite") ||
           suffix == QLatin1String("db");
}
} // namespace

MainWindow::MainWindow(Database& db, QSettings& settings, QWidget* parent)
    : QMainWindow(parent), m_db(db), m_settings(settings), m_runs(new RunListModel(db, this)),
      m_items(new ItemTableModel(db, this)),
      m_session(
          new ReviewSession(db, settings.value(ReviewerNameDialog::kSettingsKey).toString(), this)),
      m_actions(new WindowActions(this)), m_status(new ReviewStatusBar(this)),
      m_indexer(new SearchIndexer(db, this))
{
    setWindowTitle(tr("%1 — Overrule").arg(QFileInfo(db.path()).fileName()));
    setAcceptDrops(true);
    setStatusBar(m_status);
    m_status->setReviewer(m_session->reviewer());
    m_actions->populate(menuBar());
    m_actions->trackUndoStack(m_session->undoStack());
    m_recent = new RecentWorkspaces(settings, m_actions->recentMenu(), this);
    m_recent->add(db.path());
    buildPanes();
    connectActions();
    reloadCategories();
    restoreSettings();

    // Back where the reviewer left this workspace, else on the newest run.
    const auto lastRun = m_settings.value(lastRunKey()).toLongLong();
    if (lastRun == 0 || !m_runPanel->selectRun(lastRun))
        m_runPanel->selectRun(m_runs->runIdAt(0));
    m_table->setFocus();
}

MainWindow::~MainWindow()
{
    saveSettings();
}

void MainWindow::buildPanes()
{
    m_runPanel = new RunListPanel(m_db, m_runs, this);
    m_filterBar = new FilterBar(this);
    m_table = new ItemTableView(this);
    m_table->setItemModel(m_items);
    m_details = new DetailsPane(m_db, this);

    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 6, 0, 0);
    centreLayout->setSpacing(4);
    centreLayout->addWidget(m_filterBar);
    centreLayout->addWidget(m_table, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_runPanel);
    m_splitter->addWidget(centre);
    m_splitter->addWidget(m_details);
    // Below these widths the panes stop being readable; the table gives way instead.
    m_runPanel->setMinimumWidth(140);
    m_details->setMinimumWidth(340);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({170, 830, 440});
    setCentralWidget(m_splitter);

    m_controller = new ReviewController(m_db, *m_session, *m_items, *m_table, *m_details, this);

    connect(m_runPanel, &RunListPanel::runSelected, this, &MainWindow::onRunSelected);
    connect(m_runPanel, &RunListPanel::runRemoved, this, [this](std::int64_t) {
        // Undo of a decision on a deleted item has nothing left to restore.
        m_session->undoStack()->clear();
    });
    connect(m_runPanel, &RunListPanel::metricsRequested, this, &MainWindow::showMetrics);
    connect(m_runPanel, &RunListPanel::importRequested, this, [this] { importFile({}); });
    connect(m_filterBar, &FilterBar::filterChanged, this, [this](const ItemFilter& filter) {
        m_details->setSearch(filter.search); // before the table moves to another item
        m_items->setFilter(filter);
        updateCounts();
    });
    connect(m_filterBar, &FilterBar::searchDone, m_table, [this] { m_table->setFocus(); });
    connect(m_table, &ItemTableView::currentItemChanged, m_details, &DetailsPane::showItem);
    connect(m_items, &ItemTableModel::queryFailed, this, [this](const QString& message) {
        m_status->showMessage(tr("Query failed: %1").arg(message), kMessageMs);
    });
    connect(m_runs, &RunListModel::queryFailed, this, [this](const QString& message) {
        m_status->showMessage(tr("The runs could not be read: %1").arg(message), kMessageMs);
    });
    connect(m_controller, &ReviewController::statusMessage, this,
            [this](const QString& message) { m_status->showMessage(message, kMessageMs); });
    connect(m_controller, &ReviewController::itemChanged, this, &MainWindow::updateCounts);
    connect(m_indexer, &SearchIndexer::started, this, &MainWindow::updateCounts);
    connect(m_indexer, &SearchIndexer::indexed, this, [this](std::int64_t runId) {
        if (runId == m_items->runId() && !m_items->filter().search.isEmpty())
            m_items->reload();
        updateCounts();
    });
    connect(m_indexer, &SearchIndexer::failed, this, [this](std::int64_t, const QString& message) {
        m_status->showMessage(tr("Search indexing stopped: %1").arg(message), kMessageMs);
        updateCounts();
    });
}

void MainWindow::connectActions()
{
    WindowActions* a = m_actions;
    connect(a->importFile, &QAction::triggered, this, [this] { importFile({}); });
    connect(a->openWorkspace, &QAction::triggered, this, &MainWindow::chooseWorkspace);
    connect(m_recent, &RecentWorkspaces::openRequested, this, &MainWindow::requestWorkspace);
    connect(a->reviewerName, &QAction::triggered, this, &MainWindow::changeReviewer);
    connect(a->quit, &QAction::triggered, this, &QWidget::close);

    connect(a->undo, &QAction::triggered, m_controller, &ReviewController::undo);
    connect(a->redo, &QAction::triggered, m_controller, &ReviewController::redo);
    connect(a->find, &QAction::triggered, m_filterBar, &FilterBar::focusSearch);
    connect(a->clearFilters, &QAction::triggered, m_filterBar, &FilterBar::reset);
    m_filterBar->bindKeys(*a);
    connect(a->settings, &QAction::triggered, this, [this] {
        auto* dialog = new SettingsDialog(m_settings, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });

    ReviewController* c = m_controller;
    connect(a->falseRefusal, &QAction::triggered, c, [c] { c->decide(Outcome::FalseRefusal); });
    connect(a->correctRefusal, &QAction::triggered, c, [c] { c->decide(Outcome::CorrectRefusal); });
    connect(a->missedHarm, &QAction::triggered, c, [c] { c->decide(Outcome::MissedHarm); });
    connect(a->correctCompliance, &QAction::triggered, c,
            [c] { c->decide(Outcome::CorrectCompliance); });
    connect(a->withdraw, &QAction::triggered, c, &ReviewController::withdraw);
    connect(a->culprit, &QAction::triggered, c, &ReviewController::pickCulprit);
    connect(a->category, &QAction::triggered, c, &ReviewController::pickCategory);
    connect(a->note, &QAction::triggered, c, &ReviewController::editNote);
    connect(a->autoAdvance, &QAction::toggled, c, &ReviewController::setAutoAdvance);
    connect(a->next, &QAction::triggered, c, &ReviewController::next);
    connect(a->previous, &QAction::triggered, c, &ReviewController::previous);
    connect(a->nextUnreviewed, &QAction::triggered, c, &ReviewController::nextUnreviewed);

    connect(a->categories, &QAction::triggered, this, &MainWindow::showCategories);
    connect(a->metrics, &QAction::triggered, this, [this] { showMetrics(currentRunId()); });
    connect(a->rejectedLines, &QAction::triggered, this,
            [this] { m_runPanel->showRejectedLines(currentRunId()); });
    connect(a->shortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(a->about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings.value(kGeometryKey).toByteArray())) {
        QSize size(1440, 860);
        if (const QScreen* screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableSize() * 0.92);
        resize(size);
        // First start: a data-heavy window wants the whole screen.
        setWindowState(windowState() | Qt::WindowMaximized);
    }
    restoreState(m_settings.value(kStateKey).toByteArray());
    const QByteArray splitter = m_settings.value(kSplitterKey).toByteArray();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    const QByteArray details = m_settings.value(kDetailsKey).toByteArray();
    if (!details.isEmpty())
        m_details->restoreState(details);
    m_table->restoreHeaderState(m_settings.value(kHeaderKey).toByteArray());
    m_actions->autoAdvance->setChecked(m_settings.value(kAutoAdvanceKey, true).toBool());
}

void MainWindow::saveSettings()
{
    m_settings.setValue(kGeometryKey, saveGeometry());
    m_settings.setValue(kStateKey, saveState());
    m_settings.setValue(kSplitterKey, m_splitter->saveState());
    m_settings.setValue(kDetailsKey, m_details->saveState());
    m_settings.setValue(kHeaderKey, m_table->saveHeaderState());
    m_settings.setValue(kAutoAdvanceKey, m_actions->autoAdvance->isChecked());
    if (currentRunId() != 0)
        m_settings.setValue(lastRunKey(), QVariant::fromValue<qint64>(currentRunId()));
}

QString MainWindow::lastRunKey() const
{
    // One entry per workspace file; a path is not a valid settings key, its hash is.
    const QByteArray hash = QCryptographicHash::hash(
        QFileInfo(m_db.path()).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1);
    return QStringLiteral("workspaces/lastRun/") + QString::fromLatin1(hash.toHex().left(16));
}

void MainWindow::selectRun(std::int64_t runId)
{
    if (m_runs->rowOfRun(runId) < 0)
        m_runPanel->reload();
    m_runPanel->selectRun(runId);
}

std::int64_t MainWindow::currentRunId() const
{
    return m_runPanel->currentRunId();
}

std::int64_t MainWindow::currentItemId() const
{
    return m_table->currentItemId();
}

void MainWindow::onRunSelected(std::int64_t runId)
{
    m_items->setRun(runId);
    // Start where work is left: the first unreviewed item, else the first.
    const int first = m_items->nextUnreviewedRow(-1);
    if (!m_table->goToRow(first >= 0 ? first : 0))
        m_details->showItem(0);
    m_indexer->ensureIndexed(runId);
    auto run = RunStore(m_db).find(runId);
    m_actions->rejectedLines->setEnabled(run && run->has_value() && (*run)->rejectedCount > 0);
    m_actions->metrics->setEnabled(runId != 0);
    updateCounts();
}

void MainWindow::updateCounts()
{
    const std::int64_t runId = m_items->runId();
    updateFilterNotes();
    if (runId == 0) {
        m_status->clearCounts();
        return;
    }
    const RunStore store(m_db);
    auto run = store.find(runId);
    auto reviewed = store.reviewedCount(runId);
    if (!run || !run->has_value() || !reviewed) {
        m_status->clearCounts();
        return;
    }
    m_status->setCounts((*run)->itemCount, *reviewed, m_items->rowCount());
}

void MainWindow::updateFilterNotes()
{
    const std::int64_t runId = m_items->runId();
    m_status->showSearchState(runId != 0 && m_indexer->isBusyWith(runId), m_items->filter().search);
    QString empty;
    if (runId != 0 && m_items->rowCount() == 0)
        empty = m_items->filter() == ItemFilter{} ? tr("This run has no items")
                                                  : tr("No item matches the filters");
    m_details->setEmptyMessage(empty);
}

void MainWindow::reloadCategories()
{
    auto categories = CategoryStore(m_db).list();
    if (!categories) {
        m_status->showMessage(
            tr("The categories could not be read: %1").arg(categories.error().toString()),
            kMessageMs);
        return;
    }
    m_filterBar->setCategories(*categories);
}

void MainWindow::importFile(const QString& path)
{
    auto* dialog = new ImportDialog(m_db.path(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDetectorPatterns(SettingsDialog::detectorPatterns(m_settings));
    if (Downloader::isUrl(path))
        dialog->setUrl(path);
    else if (!path.isEmpty())
        dialog->setFilePath(path);
    connect(dialog, &ImportDialog::imported, this, &MainWindow::onImported);
    dialog->open();
}

void MainWindow::onImported(std::int64_t runId, const QString& message)
{
    m_runPanel->reload();
    reloadCategories(); // an import may bring new categories
    selectRun(runId);
    m_status->showMessage(message, kMessageMs * 2);
    m_table->setFocus();
}

void MainWindow::showItem(std::int64_t itemId)
{
    auto item = ItemStore(m_db).details(itemId);
    if (!item) {
        m_status->showMessage(item.error().toString(), kMessageMs);
        return;
    }
    selectRun(item->runId);
    if (m_items->rowOfItem(itemId) < 0)
        m_filterBar->reset();
    m_table->goToItem(itemId);
    activateWindow();
    m_table->setFocus();
}

void MainWindow::requestWorkspace(const QString& path)
{
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(m_db.path()).absoluteFilePath())
        return;
    saveSettings();
    Q_EMIT openWorkspaceRequested(path);
}

void MainWindow::chooseWorkspace()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Open or create a workspace"), QFileInfo(m_db.path()).absolutePath(),
        tr("Overrule workspaces (*.overrule);;All files (*)"), nullptr,
        QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        requestWorkspace(path);
}

void MainWindow::changeReviewer()
{
    if (auto name = ReviewerNameDialog::change(m_settings, this)) {
        m_session->setReviewer(*name);
        m_status->setReviewer(*name);
    }
}

void MainWindow::showShortcuts()
{
    if (!m_sheet) {
        m_sheet = new ShortcutSheet(this);
        m_sheet->setAttribute(Qt::WA_DeleteOnClose);
    }
    // Rebuilt each time: the undo text and toggles change.
    m_sheet->clear();
    m_sheet->addGroup(tr("Decide"), m_actions->reviewActions());
    m_sheet->addGroup(tr("Move"), m_actions->navigationActions());
    m_sheet->addGroup(tr("Filter"), QList<QAction*>{m_actions->find} << m_actions->filterActions()
                                                                     << m_actions->clearFilters);
    m_sheet->addGroup(tr("Edit"), m_actions->editActions());
    m_sheet->addGroup(tr("File"), m_actions->fileActions());
    m_sheet->addGroup(tr("View"), m_actions->viewActions() << m_actions->shortcuts);
    m_sheet->show();
    m_sheet->raise();
    m_sheet->activateWindow();
}

void MainWindow::showCategories()
{
    if (!m_categoryEditor) {
        m_categoryEditor = new CategoryEditorDialog(m_db, m_session->reviewer(), this);
        m_categoryEditor->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_categoryEditor, &CategoryEditorDialog::itemRequested, this,
                &MainWindow::showItem);
        connect(m_categoryEditor, &CategoryEditorDialog::categoriesChanged, this, [this] {
            reloadCategories();
            m_details->refresh();
        });
    }
    // Open on the culprit (or category) of the item in view: that is usually the question.
    if (const auto& item = m_details->details()) {
        const auto culprit =
            item->currentLabel ? item->currentLabel->decision.culpritId : std::nullopt;
        if (culprit)
            m_categoryEditor->selectCategory(*culprit);
        else if (item->categoryId)
            m_categoryEditor->selectCategory(*item->categoryId);
    }
    m_categoryEditor->show();
    m_categoryEditor->raise();
    m_categoryEditor->activateWindow();
}

void MainWindow::showMetrics(std::int64_t runId)
{
    if (runId == 0)
        return;
    auto* dialog = new MetricsDialog(m_db, runId, m_session->reviewer(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Overrule"),
        tr("<p><b>Overrule %1</b></p><p>Find and fix over-refusal in LLM evaluation runs: "
           "review classifier verdicts with the keyboard, name the category definitions behind "
           "false refusals, and export corrected labels.</p><p>Workspace: %2</p>")
            .arg(QStringLiteral(OVERRULE_VERSION), m_db.path().toHtmlEscaped()));
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_layoutDone) {
        m_layoutDone = true;
        // First start: sizes proportional to the real window, the reading pane roomy.
        if (m_settings.value(kSplitterKey).toByteArray().isEmpty()) {
            const int total = m_splitter->width();
            const int runs = std::min(220, total / 7);
            const int details = total * 9 / 25;
            m_splitter->setSizes({runs, total - runs - details, details});
        }
    }
    if (m_reviewerAsked || !m_session->reviewer().isEmpty())
        return;
    m_reviewerAsked = true;
    // After the window is on screen, so that the question has a parent to sit on.
    QTimer::singleShot(0, this, [this] {
        const QString name = ReviewerNameDialog::ensureName(m_settings, this);
        m_session->setReviewer(name);
        m_status->setReviewer(name);
    });
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

namespace {
// What a drop brings: a local file, or the address of a run on the web (a link dragged from a
// browser), which the import wizard downloads.
std::optional<QUrl> droppedSource(const QMimeData* data)
{
    for (const QUrl& url : data->urls()) {
        if (url.isLocalFile() || Downloader::isUrl(url.toString()))
            return url;
    }
    return std::nullopt;
}
} // namespace

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (droppedSource(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const std::optional<QUrl> url = droppedSource(event->mimeData());
    if (!url)
        return;
    event->acceptProposedAction();
    const QString source = url->isLocalFile() ? url->toLocalFile() : url->toString();
    // Defer: a modal dialog inside a drop handler blocks the drag source.
    QTimer::singleShot(0, this, [this, source, local = url->isLocalFile()] {
        if (local && isWorkspaceFile(source))
            requestWorkspace(source);
        else
            importFile(source);
    });
}

} // namespace overrule
