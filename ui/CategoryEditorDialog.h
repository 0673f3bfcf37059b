#pragma once

#include "CategoryStore.h"

#include <QDialog>
#include <cstdint>
#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace overrule {

class Database;

// The categories: each definition with what it covers and what it excludes. Saving adds a new
// version with a required rationale; earlier versions stay listed. The evidence tab lists the
// false refusals that name the category as their culprit: the case for narrowing it.
class CategoryEditorDialog : public QDialog
{
    Q_OBJECT
public:
    CategoryEditorDialog(const Database& db, QString author, QWidget* parent = nullptr);

    bool selectCategory(std::int64_t categoryId);
    std::int64_t currentCategoryId() const { return m_categoryId; }

    // Saves the editors as a new version of the current category.
    bool saveVersion();

Q_SIGNALS:
    // The reviewer wants to see an item of the evidence list in the main window.
    void itemRequested(std::int64_t itemId);
    // A category was added or got a new version.
    void categoriesChanged();

protected:
    void reject() override;

private:
    void reloadList(std::optional<std::int64_t> select);
    void applyListFilter();
    void showCategory(std::int64_t categoryId);
    void loadVersions();
    void loadEvidence();
    void updateSaveState();
    bool isDirty() const;
    // False when the reviewer wants to keep editing unsaved changes.
    bool confirmDiscard();
    void newCategory();

    const Database& m_db;
    CategoryStore m_store;
    QString m_author;
    std::int64_t m_categoryId = 0;
    std::optional<Category> m_category;
    bool m_switching = false;

    QLineEdit* m_filter;
    QListWidget* m_list;
    QLabel* m_heading;
    QTabWidget* m_tabs;
    QPlainTextEdit* m_definition;
    QPlainTextEdit* m_covers;
    QPlainTextEdit* m_excludes;
    QLineEdit* m_rationale;
    QPushButton* m_save;
    QLabel* m_saveState;
    QTreeWidget* m_versions;
    QTreeWidget* m_evidence;
};

} // namespace overrule
