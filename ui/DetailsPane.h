#pragma once

#include "ItemStore.h"

#include <QStringList>
#include <QWidget>
#include <cstdint>
#include <optional>

class QLabel;
class QPlainTextEdit;
class QSplitter;
class QTabWidget;

namespace overrule {

class Database;
class LabelHistoryView;

// The right-hand pane: one item in full. Texts are shown as plain text only: a response that
// contains HTML or Markdown is evidence, never something to render.
class DetailsPane : public QWidget
{
    Q_OBJECT
public:
    explicit DetailsPane(const Database& db, QWidget* parent = nullptr);

    // 0 clears the pane, which then says why (setEmptyMessage) or "No item selected".
    void showItem(std::int64_t itemId);
    void setEmptyMessage(const QString& message);
    // Re-reads the shown item (after a decision, undo or redo).
    void refresh();
    std::int64_t itemId() const { return m_itemId; }
    // The shown item, when it could be read.
    const std::optional<ItemDetails>& details() const { return m_details; }

    // Marks the words of this search in the prompt and the response (as the search index
    // matches them: whole words, case and accents aside) and shows the first; empty: no marks.
    void setSearch(const QString& text);
    // How many words are marked (prompt and response).
    int markedMatches() const;

    QByteArray saveState() const;
    void restoreState(const QByteArray& state);

private:
    void showDetails(const ItemDetails& item);
    void showMessage(const QString& message);
    QWidget* makeTextBox(const QString& title, QPlainTextEdit* edit);
    void markMatches(QPlainTextEdit* edit);

    ItemStore m_store;
    QStringList m_searchWords;
    QString m_emptyMessage;
    std::int64_t m_itemId = 0;
    std::optional<ItemDetails> m_details;

    QLabel* m_title;
    QLabel* m_verdict;
    QLabel* m_category;
    QLabel* m_score;
    QLabel* m_intent;
    QLabel* m_model;
    QLabel* m_review;
    QLabel* m_reviewDetail;
    QSplitter* m_splitter;
    QPlainTextEdit* m_prompt;
    QPlainTextEdit* m_response;
    QTabWidget* m_tabs;
    LabelHistoryView* m_history;
    QPlainTextEdit* m_metadata;
    QPlainTextEdit* m_messages;
};

} // namespace overrule
