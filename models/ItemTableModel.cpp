#include "ItemTableModel.h"

#include "Database.h"
#include "ItemQuery.h"

#include <QColor>
#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace overrule {
namespace {

// How many ids nextUnreviewedRow() checks per query, and how many such queries it makes before
// it reads the run's unreviewed items at once.
constexpr int kScanChunk = 1024;
constexpr int kNearChunks = 4;

std::string placeholders(int count)
{
    std::string out;
    out.reserve(static_cast<size_t>(count) * 2);
    for (int i = 0; i < count; ++i)
        out += i == 0 ? "?" : ",?";
    return out;
}

// Binds `count` ids and leaves the remaining slots NULL (which match nothing), so that one
// prepared statement serves every page size.
void bindIds(Statement& st, const std::int64_t* ids, int count, int slots)
{
    for (int i = 0; i < slots; ++i) {
        if (i < count)
            st.bind(i + 1, ids[i]);
        else
            st.bindNull(i + 1);
    }
}

QString scoreText(const std::optional<double>& score)
{
    return score ? QString::number(*score, 'f', 3) : QString();
}

} // namespace

ItemTableModel::ItemTableModel(const Database& db, QObject* parent)
    : QAbstractTableModel(parent), m_db(db)
{
    m_pageQuery = m_db.prepare(
        "SELECT i.id, i.external_id, i.verdict, i.intent, c.name, i.score, i.outcome, i.excerpt "
        "FROM items i LEFT JOIN categories c ON c.id = i.category_id WHERE i.id IN (" +
        placeholders(kPageSize) + ")");
    m_unreviewedQuery = m_db.prepare("SELECT id FROM items WHERE outcome = 0 AND id IN (" +
                                     placeholders(kScanChunk) + ")");
}

ItemTableModel::~ItemTableModel() = default;

void ItemTableModel::setRun(std::int64_t runId)
{
    if (runId == m_runId)
        return;
    m_runId = runId;
    reload();
}

std::int64_t ItemTableModel::runId() const
{
    return m_runId;
}

void ItemTableModel::setFilter(const ItemFilter& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

const ItemFilter& ItemTableModel::filter() const
{
    return m_filter;
}

void ItemTableModel::fail(const QString& message) const
{
    // A view repaints often; one broken page must not flood the window with the same message.
    if (message == m_lastError)
        return;
    m_lastError = message;
    // const: data() may fail while reading a page; the signal is only a notification.
    Q_EMIT const_cast<ItemTableModel*>(this)->queryFailed(message);
}

Result<std::vector<std::int64_t>> ItemTableModel::queryIds() const
{
    // Indexed by Column.
    static constexpr ItemSortKey kKeys[ColumnCount] = {
        ItemSortKey::File,  ItemSortKey::Verdict, ItemSortKey::Intent, ItemSortKey::Category,
        ItemSortKey::Score, ItemSortKey::Outcome, ItemSortKey::Prompt};
    return ItemQuery::matchingIds(m_db, m_runId, m_filter, kKeys[m_sortColumn],
                                  m_sortOrder == Qt::DescendingOrder);
}

void ItemTableModel::reload()
{
    m_lastError.clear(); // a new query reports its own failure, even one seen before
    auto ids = queryIds();
    beginResetModel();
    m_pages.clear();
    if (ids) {
        m_ids = std::move(ids).value();
    } else {
        m_ids.clear();
    }
    m_ids.shrink_to_fit();
    endResetModel();
    if (!ids)
        fail(ids.error().toString());
}

void ItemTableModel::sort(int column, Qt::SortOrder order)
{
    // -1 (a proxy's "unsorted") means file order.
    if (column < 0 || column >= ColumnCount) {
        column = IdColumn;
        order = Qt::AscendingOrder;
    }
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    m_lastError.clear();
    auto ids = queryIds();
    if (!ids) {
        fail(ids.error().toString());
        return;
    }
    std::vector<std::int64_t> sorted = std::move(ids).value();
    if (sorted.size() != m_ids.size()) {
        // The run changed since the last query (e.g. decided items left an "unreviewed" filter).
        beginResetModel();
        m_pages.clear();
        m_ids = std::move(sorted);
        endResetModel();
        return;
    }

    // Same rows, new order: a layout change keeps the view's current item and selection.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::unordered_set<std::int64_t> wanted;
    for (const QModelIndex& index : before)
        wanted.insert(itemIdAt(index.row()));
    std::unordered_map<std::int64_t, int> newRow;
    for (size_t row = 0; row < sorted.size() && newRow.size() < wanted.size(); ++row) {
        if (wanted.count(sorted[row]))
            newRow.emplace(sorted[row], static_cast<int>(row));
    }
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex& index : before) {
        const auto found = newRow.find(itemIdAt(index.row()));
        after << (found == newRow.end() ? QModelIndex()
                                        : createIndex(found->second, index.column()));
    }
    m_ids = std::move(sorted);
    m_pages.clear();
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

std::int64_t ItemTableModel::itemIdAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_ids.size()))
        return 0;
    return m_ids[static_cast<size_t>(row)];
}

int ItemTableModel::rowOfItem(std::int64_t itemId) const
{
    // A linear scan of 8-byte ids: about a millisecond for a million rows, and no index to keep.
    const auto it = std::find(m_ids.cbegin(), m_ids.cend(), itemId);
    return it == m_ids.cend() ? -1 : static_cast<int>(it - m_ids.cbegin());
}

int ItemTableModel::nextUnreviewedRow(int afterRow) const
{
    // Asks SQLite rather than the page cache: the database is the truth, and a scan must not
    // evict the pages the view is showing. The next unreviewed row is usually close, so a few
    // chunks of rows are checked by id first; past them, one index range gives every unreviewed
    // item of the run and the rest of the rows are checked against it.
    const int count = static_cast<int>(m_ids.size());
    int start = std::max(afterRow + 1, 0);
    for (int chunks = 0; start < count && chunks < kNearChunks; ++chunks, start += kScanChunk) {
        const int n = std::min(kScanChunk, count - start);
        const std::int64_t* chunk = m_ids.data() + start;
        bindIds(m_unreviewedQuery, chunk, n, kScanChunk);
        std::unordered_set<std::int64_t> unreviewed;
        while (m_unreviewedQuery.step())
            unreviewed.insert(m_unreviewedQuery.int64(0));
        const QString error = m_unreviewedQuery.error();
        m_unreviewedQuery.reset();
        if (!error.isEmpty()) {
            fail(error);
            return -1;
        }
        for (int i = 0; i < n && !unreviewed.empty(); ++i) {
            if (unreviewed.count(chunk[i]))
                return start + i;
        }
    }
    if (start >= count)
        return -1;

    Statement st = m_db.prepare("SELECT id FROM items WHERE run_id = ? AND outcome = 0");
    st.bind(1, m_runId);
    std::vector<std::int64_t> unreviewed;
    while (st.step())
        unreviewed.push_back(st.int64(0));
    if (st.hasError()) {
        fail(st.error());
        return -1;
    }
    if (unreviewed.empty())
        return -1;
    std::sort(unreviewed.begin(), unreviewed.end());
    for (int row = start; row < count; ++row) {
        if (std::binary_search(unreviewed.begin(), unreviewed.end(), m_ids[size_t(row)]))
            return row;
    }
    return -1;
}

void ItemTableModel::refreshItem(std::int64_t itemId)
{
    const int row = rowOfItem(itemId);
    if (row < 0)
        return;
    const int pageIndex = row / kPageSize;
    for (Page& page : m_pages) {
        if (page.index != pageIndex)
            continue;
        auto rows = fetchRows(&itemId, 1);
        if (!rows) {
            fail(rows.error().toString());
            return;
        }
        page.rows[static_cast<size_t>(row % kPageSize)] = std::move(rows->front());
        break;
    }
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

Result<std::vector<ItemTableModel::Row>> ItemTableModel::fetchRows(const std::int64_t* ids,
                                                                   int count) const
{
    if (!m_pageQuery.isValid())
        return makeError(m_pageQuery.prepareError(), QStringLiteral("items"));
    bindIds(m_pageQuery, ids, count, kPageSize);
    std::vector<Row> fetched;
    fetched.reserve(static_cast<size_t>(count));
    while (m_pageQuery.step()) {
        Row r;
        r.id = m_pageQuery.int64(0);
        r.externalId = m_pageQuery.text(1);
        r.verdict = static_cast<Behaviour>(m_pageQuery.integer(2));
        r.intent = static_cast<Intent>(m_pageQuery.integer(3));
        r.categoryName = m_pageQuery.text(4);
        r.score = m_pageQuery.optionalReal(5);
        r.outcome = static_cast<Outcome>(m_pageQuery.integer(6));
        r.excerpt = m_pageQuery.text(7);
        fetched.push_back(std::move(r));
    }
    const QString error = m_pageQuery.error();
    m_pageQuery.reset();
    if (!error.isEmpty())
        return makeError(error, QStringLiteral("items"));

    // SQLite returns them in id order; put them back in row order. An item deleted meanwhile
    // keeps an empty row until the next reload.
    std::sort(fetched.begin(), fetched.end(),
              [](const Row& a, const Row& b) { return a.id < b.id; });
    std::vector<Row> rows(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        const auto it = std::lower_bound(fetched.begin(), fetched.end(), ids[i],
                                         [](const Row& r, std::int64_t id) { return r.id < id; });
        if (it != fetched.end() && it->id == ids[i])
            rows[static_cast<size_t>(i)] = *it;
        else
            rows[static_cast<size_t>(i)].id = ids[i];
    }
    return rows;
}

const ItemTableModel::Page* ItemTableModel::page(int pageIndex) const
{
    for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
        if (it->index == pageIndex) {
            m_pages.splice(m_pages.begin(), m_pages, it);
            return &m_pages.front();
        }
    }
    const int first = pageIndex * kPageSize;
    const int count = std::min(kPageSize, static_cast<int>(m_ids.size()) - first);
    if (count <= 0)
        return nullptr;
    auto rows = fetchRows(m_ids.data() + first, count);
    if (!rows) {
        fail(rows.error().toString());
        return nullptr;
    }
    m_pages.push_front(Page{pageIndex, std::move(rows).value()});
    if (static_cast<int>(m_pages.size()) > kCachedPages)
        m_pages.pop_back();
    return &m_pages.front();
}

const ItemTableModel::Row* ItemTableModel::rowAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(m_ids.size()))
        return nullptr;
    const Page* p = page(row / kPageSize);
    return p ? &p->rows[static_cast<size_t>(row % kPageSize)] : nullptr;
}

int ItemTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

int ItemTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ItemTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == ItemIdRole)
        return QVariant::fromValue<qint64>(itemIdAt(index.row()));
    if (role == Qt::TextAlignmentRole) {
        const Qt::Alignment horizontal =
            index.column() == ScoreColumn ? Qt::AlignRight : Qt::AlignLeft;
        return QVariant::fromValue(int(horizontal | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole &&
        role != OutcomeRole && role != VerdictRole)
        return {};

    const Row* r = rowAt(index.row());
    if (!r)
        return {};
    switch (role) {
    case OutcomeRole:
        return static_cast<int>(r->outcome);
    case VerdictRole:
        return static_cast<int>(r->verdict);
    case Qt::ForegroundRole:
        break;
    default: {
        QString text;
        switch (index.column()) {
        case IdColumn:
            text = r->externalId;
            break;
        case VerdictColumn:
            text = displayName(r->verdict);
            break;
        case IntentColumn:
            text = r->intent == Intent::Unknown ? QString() : displayName(r->intent);
            break;
        case CategoryColumn:
            text = r->categoryName;
            break;
        case ScoreColumn:
            text = scoreText(r->score);
            break;
        case OutcomeColumn:
            text =
                r->outcome == Outcome::Unreviewed ? QStringLiteral("—") : displayName(r->outcome);
            break;
        case PromptColumn:
            text = r->excerpt;
            break;
        default:
            break;
        }
        if (role == Qt::ToolTipRole) {
            if (index.column() == OutcomeColumn)
                return displayName(r->outcome);
            return text.isEmpty() ? QVariant() : QVariant(text);
        }
        return text;
    }
    }

    // ForegroundRole: the outcomes that matter most stand out; unknown verdicts are greyed.
    if (index.column() == OutcomeColumn) {
        switch (r->outcome) {
        case Outcome::FalseRefusal:
            return QColor(0xc6, 0x28, 0x28);
        case Outcome::MissedHarm:
            return QColor(0xe6, 0x51, 0x00);
        case Outcome::CorrectRefusal:
        case Outcome::CorrectCompliance:
            return QColor(0x2e, 0x7d, 0x32);
        case Outcome::Unreviewed:
            return QColor(0x75, 0x75, 0x75);
        }
    }
    if (index.column() == VerdictColumn && r->verdict == Behaviour::Unknown)
        return QColor(0x75, 0x75, 0x75);
    return {};
}

QVariant ItemTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return QStringLiteral("ID");
    case VerdictColumn:
        return QStringLiteral("Verdict");
    case IntentColumn:
        return QStringLiteral("Intent");
    case CategoryColumn:
        return QStringLiteral("Category");
    case ScoreColumn:
        return QStringLiteral("Score");
    case OutcomeColumn:
        return QStringLiteral("Review");
    case PromptColumn:
        return QStringLiteral("Prompt");
    default:
        return {};
    }
}

} // namespace overrule
