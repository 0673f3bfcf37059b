#include "DecisionCommand.h"

#include "Database.h"

namespace overrule {

DecisionCommand::DecisionCommand(const Database& db, std::int64_t itemId, QString reviewer,
                                 Decision before, Decision after, const QString& text,
                                 WriteObserver observer)
    : QUndoCommand(text), m_db(db), m_itemId(itemId), m_reviewer(std::move(reviewer)),
      m_before(std::move(before)), m_after(std::move(after)), m_observer(std::move(observer))
{
}

void DecisionCommand::undo()
{
    write(m_before, QStringLiteral("undo"));
}

void DecisionCommand::redo()
{
    if (m_written) {
        m_written = false;
        return;
    }
    write(m_after, QStringLiteral("redo"));
}

void DecisionCommand::write(const Decision& decision, const QString& source)
{
    const auto appended = LabelStore(m_db).append(m_itemId, m_reviewer, decision, source);
    const Status status = appended ? Status() : Status(appended.error());
    // A step whose write failed no longer matches the database: QUndoStack drops obsolete
    // commands, so the stack never claims a state the workspace does not hold.
    if (!status)
        setObsolete(true);
    if (m_observer)
        m_observer(m_itemId, status);
}

} // namespace overrule
