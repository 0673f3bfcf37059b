#pragma once

#include <QMainWindow>
#include <QPointer>
#include <cstdint>

class QSettings;
class QSplitter;

namespace overrule {

class CategoryEditorDialog;
class Database;
class DetailsPane;
class FilterBar;
class ItemTableModel;
class ItemTableView;
class RecentWorkspaces;
class ReviewController;
class ReviewSession;
class ReviewStatusBar;
class RunListModel;
class RunListPanel;
class SearchIndexer;
class ShortcutSheet;
class WindowActions;

// The review window: runs on the left, the item table in the middle, the item on the right.
// It composes the panes and wires the actions; what the keys do lives in ReviewController.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Database& db, QSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    void selectRun(std::int64_t runId);
    std::int64_t currentRunId() const;
    std::int64_t currentItemId() const;
    // Opens the import dialog prefilled with `path`: a file, or an http(s) address.
    void importFile(const QString& path);
    // Selects the item's run and the item, clearing filters that would hide it.
    void showItem(std::int64_t itemId);

    ReviewController* controller() const { return m_controller; }
    ReviewSession* session() const { return m_session; }

Q_SIGNALS:
    // The reviewer chose another workspace file; the application opens it and replaces this
    // window.
    void openWorkspaceRequested(const QString& path);

protected:
    void showEvent(QShowEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildPanes();
    void connectActions();
    void restoreSettings();
    void saveSettings();
    void onRunSelected(std::int64_t runId);
    void onImported(std::int64_t runId, const QString& message);
    void updateCounts();
    // The status bar's note on the search (SearchIndexer's progress, a search without words),
    // and the details pane's word when nothing matches.
    void updateFilterNotes();
    void reloadCategories();
    void requestWorkspace(const QString& path);
    void chooseWorkspace();
    void changeReviewer();
    void showShortcuts();
    void showCategories();
    void showMetrics(std::int64_t runId);
    void showAbout();
    QString lastRunKey() const;

    Database& m_db;
    QSettings& m_settings;
    RunListModel* m_runs;
    ItemTableModel* m_items;
    ReviewSession* m_session;
    WindowActions* m_actions;
    RunListPanel* m_runPanel = nullptr;
    FilterBar* m_filterBar = nullptr;
    ItemTableView* m_table = nullptr;
    DetailsPane* m_details = nullptr;
    QSplitter* m_splitter = nullptr;
    ReviewStatusBar* m_status;
    ReviewController* m_controller = nullptr;
    RecentWorkspaces* m_recent = nullptr;
    SearchIndexer* m_indexer;
    QPointer<ShortcutSheet> m_sheet;
    QPointer<CategoryEditorDialog> m_categoryEditor;
    bool m_reviewerAsked = false;
    bool m_layoutDone = false;
};

} // namespace overrule
