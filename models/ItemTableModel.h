#pragma once

#include "ItemFilter.h"
#include "ItemRows.h"
#include "Statement.h"
#include "Vocabulary.h"

#include <QAbstractTableModel>
#include <QString>
#include <cstdint>
#include <list>
#include <optional>
#include <vector>

namespace overrule {

class Database;

// The items of one run, as a table. It never holds a whole run: ItemRows maps rows to items (by
// position in the run for the unfiltered file order, else by ordered ids, 8 bytes a row), and
// row data is read in pages from SQLite on demand, with a small LRU page cache. Filters and
// sorting run in SQL; no OFFSET scans.
class ItemTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        VerdictColumn,
        IntentColumn,
        CategoryColumn,
        ScoreColumn,
        OutcomeColumn,
        PromptColumn,
        ColumnCount
    };
    enum Role
    {
        ItemIdRole = Qt::UserRole + 1,
        OutcomeRole,
        VerdictRole
    };

    static constexpr int kPageSize = 256;
    static constexpr int kCachedPages = 8;

    explicit ItemTableModel(const Database& db, QObject* parent = nullptr);
    ~ItemTableModel() override;

    void setRun(std::int64_t runId); // 0 = no run (empty model)
    std::int64_t runId() const;
    void setFilter(const ItemFilter& filter);
    const ItemFilter& filter() const;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    std::int64_t itemIdAt(int row) const;      // 0 when out of range
    int rowOfItem(std::int64_t itemId) const;  // -1 when not in the current filter
    int nextUnreviewedRow(int afterRow) const; // -1 when none after that row (wraps: no)
    // Re-reads one row (after a decision) and emits dataChanged. The row stays even when it no
    // longer matches the filter, so the reviewer keeps their place until the next reload().
    void refreshItem(std::int64_t itemId);
    void reload(); // re-runs the query (keeps filter and sort)

    // The last query error (empty when the last query succeeded).
    const QString& lastError() const { return m_lastError; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // A query failed (the model shows what it had, or nothing).
    void queryFailed(const QString& message);

private:
    struct Row
    {
        std::int64_t id = 0;
        QString externalId;
        Behaviour verdict = Behaviour::Unknown;
        Intent intent = Intent::Unknown;
        QString categoryName;
        std::optional<double> score;
        Outcome outcome = Outcome::Unreviewed;
        QString excerpt;
    };
    struct Page
    {
        int index = 0;
        std::vector<Row> rows;
    };

    Result<ItemRows> queryRows() const;
    const Row* rowAt(int row) const;
    const Page* page(int pageIndex) const;
    static Row readRow(const Statement& st);
    Result<std::vector<Row>> fetchRows(const std::int64_t* ids, int count) const;
    Result<std::vector<Row>> fetchFileOrder(int firstRow, int count) const;
    void fail(const QString& message) const;

    const Database& m_db;
    std::int64_t m_runId = 0;
    ItemFilter m_filter;
    int m_sortColumn = IdColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    mutable ItemRows m_rows;          // reads the rest of an order when first needed
    mutable std::list<Page> m_pages;  // most recently used first
    mutable Statement m_pageQuery;    // prepared once: kPageSize bound ids
    mutable Statement m_seqPageQuery; // prepared once: a range of positions in the run
    mutable Statement m_seqIdQuery;   // prepared once: the id at one position
    mutable QString m_lastError;
};

} // namespace overrule
