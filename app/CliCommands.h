#pragma once

#include "Result.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QTextStream>

namespace overrule {

class Database;

// A subcommand's arguments after parsing.
struct CommandLine
{
    QString command;
    QStringList positionals;
    QHash<QString, QString> options; // "--run" -> "name"
    QSet<QString> flags;             // "--json"

    QString option(const QString& name) const { return options.value(name); }
    bool flag(const QString& name) const { return flags.contains(name); }
};

// The subcommands. Each returns what it printed's success, or an error for Cli to report.
class CliCommands
{
public:
    CliCommands(const Database& db, QTextStream& out, QTextStream& err)
        : m_db(db), m_out(out), m_err(err)
    {
    }

    Status importFile(const CommandLine& cl);
    Status listRuns(const CommandLine& cl);
    Status stats(const CommandLine& cl);
    Status exportRun(const CommandLine& cl);

private:
    const Database& m_db;
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace overrule
