#include "Bench.h"
#include "Database.h"
#include "ItemFilter.h"
#include "ItemTableModel.h"
#include "ReviewSession.h"
#include "RunListModel.h"

#include <algorithm>

namespace overrule::bench {

// Reads what a view paints for one screen of rows: every column's text and colour.
int paint(const ItemTableModel& model, int firstRow)
{
    int filled = 0;
    const int last = std::min(firstRow + kVisibleRows, model.rowCount());
    for (int row = std::max(firstRow, 0); row < last; ++row) {
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            filled += model.data(index, Qt::DisplayRole).isValid() ? 1 : 0;
            filled += model.data(index, Qt::ForegroundRole).isValid() ? 1 : 0;
        }
    }
    return filled;
}

void Bench::measureOperations(const Database& db)
{
    const int n = m_options.repeat;
    // A filter that matches nothing (no category has id -1): switching to it between
    // repetitions makes each measured filter change a real one, without timing a reload of the
    // whole run.
    ItemFilter cheap;
    cheap.categoryId = -1;

    Samples openFirst;
    for (int i = 0; i < n; ++i) {
        Stopwatch watch;
        auto fresh = open();
        RunListModel runs(*fresh);
        for (int row = 0; row < runs.rowCount(); ++row)
            runs.data(runs.index(row), Qt::DisplayRole);
        ItemTableModel model(*fresh);
        model.setRun(runs.runIdAt(runs.rowOfRun(m_runId)));
        paint(model, 0);
        openFirst.add(watch.elapsedMs());
    }
    record(QStringLiteral("open_first_page"), QStringLiteral("open workspace + first page"),
           openFirst);

    Samples jumpLast;
    for (int i = 0; i < n; ++i) {
        ItemTableModel model(db);
        model.setRun(m_runId);
        Stopwatch watch;
        paint(model, model.rowCount() - kVisibleRows);
        jumpLast.add(watch.elapsedMs());
    }
    record(QStringLiteral("jump_last_row"), QStringLiteral("jump to last row"), jumpLast);

    ItemTableModel model(db);
    model.setRun(m_runId);
    const int runRows = model.rowCount();

    // The run's most common category: the filter a reviewer reaches for first.
    Statement top = db.prepare("SELECT category_id FROM items WHERE run_id = ? AND category_id "
                               "NOT NULL GROUP BY category_id ORDER BY count(*) DESC LIMIT 1");
    top.bind(1, m_runId);
    const std::int64_t category = top.step() ? top.int64(0) : -1;

    ItemFilter byCategoryVerdict;
    byCategoryVerdict.categoryId = category;
    byCategoryVerdict.verdict = Behaviour::FullRefusal;
    Samples filter;
    int filterRows = 0;
    for (int i = 0; i < n; ++i) {
        model.setFilter(cheap);
        Stopwatch watch;
        model.setFilter(byCategoryVerdict);
        paint(model, 0);
        filter.add(watch.elapsedMs());
        filterRows = model.rowCount();
    }
    record(QStringLiteral("filter_category_verdict"), QStringLiteral("filter category + verdict"),
           filter);

    model.setFilter({});
    Samples sort;
    for (int i = 0; i < n; ++i) {
        Stopwatch watch;
        model.sort(ItemTableModel::ScoreColumn, i % 2 ? Qt::AscendingOrder : Qt::DescendingOrder);
        paint(model, 0);
        sort.add(watch.elapsedMs());
    }
    record(QStringLiteral("sort_score"), QStringLiteral("sort by score"), sort);
    model.sort(ItemTableModel::IdColumn);

    ItemFilter search;
    search.search = m_options.search;
    ItemFilter searchFiltered = search;
    searchFiltered.verdict = Behaviour::FullRefusal;
    Samples searchFirst, searchCombined;
    int searchRows = 0, searchCombinedRows = 0;
    for (int i = 0; i < n; ++i) {
        model.setFilter(cheap);
        Stopwatch watch;
        model.setFilter(search);
        paint(model, 0);
        searchFirst.add(watch.elapsedMs());
        searchRows = model.rowCount();
    }
    record(QStringLiteral("search_first_page"), QStringLiteral("full-text search, first page"),
           searchFirst);
    for (int i = 0; i < n; ++i) {
        model.setFilter(cheap);
        Stopwatch watch;
        model.setFilter(searchFiltered);
        paint(model, 0);
        searchCombined.add(watch.elapsedMs());
        searchCombinedRows = model.rowCount();
    }
    record(QStringLiteral("search_with_filter"), QStringLiteral("search + verdict filter"),
           searchCombined);
    model.setFilter({});

    // A decision as the window makes it: ReviewSession commits the label row, and its
    // itemChanged signal refreshes the table row. Items spread over the whole run.
    ReviewSession session(db, QStringLiteral("bench"));
    QObject::connect(&session, &ReviewSession::itemChanged, &model, &ItemTableModel::refreshItem);
    Samples decide;
    for (int i = 0; i < n; ++i) {
        const std::int64_t item = model.itemIdAt(int((qint64(runRows) * i) / n));
        Stopwatch watch;
        const Status status =
            session.decideOutcome(item, i % 2 ? Outcome::FalseRefusal : Outcome::CorrectRefusal);
        decide.add(watch.elapsedMs());
        if (!status)
            die(QStringLiteral("decision failed"), status.error());
    }
    record(QStringLiteral("commit_decision"), QStringLiteral("commit one decision"), decide);

    m_result.insert(QStringLiteral("rows"),
                    QJsonObject{{QStringLiteral("run"), runRows},
                                {QStringLiteral("filter_category_verdict"), filterRows},
                                {QStringLiteral("search"), searchRows},
                                {QStringLiteral("search_with_filter"), searchCombinedRows},
                                {QStringLiteral("search_query"), m_options.search}});
}

// Scrolls the whole run a screen at a time, as a reviewer dragging the scroll bar to the end
// would: every page is read once, and the model's page cache must keep memory flat.
void Bench::browseEndToEnd(const Database& db)
{
    ItemTableModel model(db);
    model.setRun(m_runId);
    Stopwatch watch;
    double slowest = 0;
    for (int row = 0; row < model.rowCount(); row += kVisibleRows) {
        Stopwatch screen;
        paint(model, row);
        slowest = std::max(slowest, screen.elapsedMs());
    }
    const double seconds = watch.elapsedMs() / 1000.0;
    const int screenCount = (model.rowCount() + kVisibleRows - 1) / kVisibleRows;
    m_result.insert(QStringLiteral("browse_end_to_end"),
                    QJsonObject{{QStringLiteral("seconds"), round2(seconds)},
                                {QStringLiteral("screens"), screenCount},
                                {QStringLiteral("mean_screen_ms"),
                                 round2(seconds * 1000.0 / std::max(screenCount, 1))},
                                {QStringLiteral("slowest_screen_ms"), round2(slowest)},
                                {QStringLiteral("peak_rss_mb"), round2(takePeak())}});
}

} // namespace overrule::bench
