#include "ItemTableModel.h"

#include "Database.h"
#include "ItemQuery.h"

#include <QColor>
#include <algorithm>
#include <string>
#include <unordered_map>

namespace overrule {
namespace {

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

// What a row shows; readRow() reads them in this order.
constexpr std::string_view kRowColumns =
    "SELECT i.id, i.external_id, i.verdict, i.intent, c.name, i.score, i.outcome, i.excerpt, "
    "i.seq FROM items i LEFT JOIN categories c ON c.id = i.category_id ";

QString scoreText(const std::optional<double>& score)
{
    return score ? QString::number(*score, 'f', 3) : QString();
}

} // namespace

ItemTableModel::ItemTableModel(const Database& db, QObject* parent)
    : QAbstractTableModel(parent), m_db(db)
{
    m_pageQuery =
        m_db.prepare(std::string(kRowColumns) + "WHERE i.id IN (" + placeholders(kPageSize) + ")");
    m_seqPageQuery =
        m_db.prepare(std::string(kRowColumns) + "WHERE i.run_id = ? AND i.seq BETWEEN ? AND ?");
    m_seqIdQuery = m_db.prepare("SELECT id FROM items WHERE run_id = ? AND seq = ?");
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

Result<ItemRows> ItemTableModel::queryRows() const
{
    // Indexed by Column.
    static constexpr ItemSortKey kKeys[ColumnCount] = {
        ItemSortKey::File,  ItemSortKey::Verdict, ItemSortKey::Intent, ItemSortKey::Category,
        ItemSortKey::Score, ItemSortKey::Outcome, ItemSortKey::Prompt};
    return ItemRows::query(m_db, m_runId, m_filter, kKeys[m_sortColumn],
                           m_sortOrder == Qt::DescendingOrder);
}

void ItemTableModel::reload()
{
    m_lastError.clear(); // a new query reports its own failure, even one seen before
    auto rows = queryRows();
    beginResetModel();
    m_pages.clear();
    m_rows = rows ? std::move(rows).value() : ItemRows();
    endResetModel();
    if (!rows)
        fail(rows.error().toString());
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
    auto rows = queryRows();
    if (!rows) {
        fail(rows.error().toString());
        return;
    }
    if (rows->count() != m_rows.count()) {
        // The run changed since the last query (e.g. decided items left an "unreviewed" filter).
        beginResetModel();
        m_pages.clear();
        m_rows = std::move(rows).value();
        endResetModel();
        return;
    }

    // Same rows, new order: a layout change keeps the view's current item and selection.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<std::int64_t> followed;
    followed.reserve(size_t(before.size()));
    for (const QModelIndex& index : before)
        followed.push_back(itemIdAt(index.row()));
    m_rows = std::move(rows).value();
    m_pages.clear();
    std::unordered_map<std::int64_t, int> newRow;
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const std::int64_t id = followed[size_t(i)];
        auto found = newRow.find(id);
        if (found == newRow.end())
            found = newRow.emplace(id, id == 0 ? -1 : rowOfItem(id)).first;
        after << (found->second < 0 ? QModelIndex()
                                    : createIndex(found->second, before[i].column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

std::int64_t ItemTableModel::itemIdAt(int row) const
{
    if (row < 0 || row >= m_rows.count())
        return 0;
    if (m_rows.isFileOrder()) {
        // From a cached page, else one lookup of the position: asking for an id must not
        // depend on (or evict) the pages the view is showing.
        for (const Page& cached : m_pages) {
            if (cached.index == row / kPageSize)
                return cached.rows[static_cast<size_t>(row % kPageSize)].id;
        }
        m_seqIdQuery.bind(1, m_runId).bind(2, m_rows.seqOfRow(row));
        const std::int64_t id = m_seqIdQuery.step() ? m_seqIdQuery.int64(0) : 0;
        const QString error =
            m_seqIdQuery.isValid() ? m_seqIdQuery.error() : m_seqIdQuery.prepareError();
        m_seqIdQuery.reset();
        if (!error.isEmpty())
            fail(error);
        return id;
    }
    auto ids = m_rows.ids(m_db, row, 1);
    if (!ids) {
        fail(ids.error().toString());
        return 0;
    }
    return **ids;
}

int ItemTableModel::rowOfItem(std::int64_t itemId) const
{
    if (!m_rows.isFileOrder()) {
        auto row = m_rows.rowOfId(m_db, itemId);
        if (!row) {
            fail(row.error().toString());
            return -1;
        }
        return *row;
    }
    Statement st = m_db.prepare("SELECT seq FROM items WHERE id = ? AND run_id = ?");
    st.bind(1, itemId).bind(2, m_runId);
    if (!st.step()) {
        if (!st.isValid() || st.hasError())
            fail(st.isValid() ? st.error() : st.prepareError());
        return -1;
    }
    return m_rows.rowOfSeq(st.int64(0));
}

int ItemTableModel::nextUnreviewedRow(int afterRow) const
{
    auto row = m_rows.nextUnreviewed(m_db, afterRow);
    if (!row) {
        fail(row.error().toString());
        return -1;
    }
    return *row;
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

ItemTableModel::Row ItemTableModel::readRow(const Statement& st)
{
    Row r;
    r.id = st.int64(0);
    r.externalId = st.text(1);
    r.verdict = static_cast<Behaviour>(st.integer(2));
    r.intent = static_cast<Intent>(st.integer(3));
    r.categoryName = st.text(4);
    r.score = st.optionalReal(5);
    r.outcome = static_cast<Outcome>(st.integer(6));
    r.excerpt = st.text(7);
    return r;
}

// Rows [firstRow, firstRow + count) of the file order: one range of positions in the run.
Result<std::vector<ItemTableModel::Row>> ItemTableModel::fetchFileOrder(int firstRow,
                                                                        int count) const
{
    if (!m_seqPageQuery.isValid())
        return makeError(m_seqPageQuery.prepareError(), QStringLiteral("items"));
    const std::int64_t a = m_rows.seqOfRow(firstRow), b = m_rows.seqOfRow(firstRow + count - 1);
    m_seqPageQuery.bind(1, m_runId).bind(2, std::min(a, b)).bind(3, std::max(a, b));
    std::vector<Row> rows(static_cast<size_t>(count));
    while (m_seqPageQuery.step()) {
        const int at = m_rows.rowOfSeq(m_seqPageQuery.int64(8)) - firstRow;
        if (at >= 0 && at < count)
            rows[static_cast<size_t>(at)] = readRow(m_seqPageQuery);
    }
    const QString error = m_seqPageQuery.error();
    m_seqPageQuery.reset();
    if (!error.isEmpty())
        return makeError(error, QStringLiteral("items"));
    return rows;
}

Result<std::vector<ItemTableModel::Row>> ItemTableModel::fetchRows(const std::int64_t* ids,
                                                                   int count) const
{
    if (!m_pageQuery.isValid())
        return makeError(m_pageQuery.prepareError(), QStringLiteral("items"));
    bindIds(m_pageQuery, ids, count, kPageSize);
    std::vector<Row> fetched;
    fetched.reserve(static_cast<size_t>(count));
    while (m_pageQuery.step())
        fetched.push_back(readRow(m_pageQuery));
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
    const int count = std::min(kPageSize, m_rows.count() - first);
    if (count <= 0)
        return nullptr;
    Result<std::vector<Row>> rows = std::vector<Row>();
    if (m_rows.isFileOrder()) {
        rows = fetchFileOrder(first, count);
    } else if (auto ids = m_rows.ids(m_db, first, count); ids) {
        rows = fetchRows(*ids, count);
    } else {
        rows = ids.error();
    }
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
    if (row < 0 || row >= m_rows.count())
        return nullptr;
    const Page* p = page(row / kPageSize);
    return p ? &p->rows[static_cast<size_t>(row % kPageSize)] : nullptr;
}

int ItemTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows.count();
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
