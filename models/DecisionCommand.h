#pragma once

#include "LabelStore.h"
#include "Result.h"

#include <QString>
#include <QUndoCommand>
#include <cstdint>
#include <functional>

namespace overrule {

class Database;

// One decision on one item, as an undo step. The decision itself is written before the command
// is pushed (so a failed write pushes nothing); undo and redo append new label rows, never
// delete: the history stays append-only.
class DecisionCommand : public QUndoCommand
{
public:
    // Called after every write of undo/redo with its result.
    using WriteObserver = std::function<void(std::int64_t itemId, const Status& status)>;

    DecisionCommand(const Database& db, std::int64_t itemId, QString reviewer, Decision before,
                    Decision after, const QString& text, WriteObserver observer);

    void undo() override;
    void redo() override;

    std::int64_t itemId() const { return m_itemId; }
    const Decision& before() const { return m_before; }
    const Decision& after() const { return m_after; }

private:
    void write(const Decision& decision, const QString& source);

    const Database& m_db;
    std::int64_t m_itemId;
    QString m_reviewer;
    Decision m_before;
    Decision m_after;
    WriteObserver m_observer;
    bool m_written = true; // the first redo (from QUndoStack::push) finds it already written
};

} // namespace overrule
