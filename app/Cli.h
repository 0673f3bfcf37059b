#pragma once

#include <QStringList>
#include <QTextStream>

namespace overrule {

// Parses the command line and runs one subcommand. Output goes to `out`; errors go to `err` as
// one line ("overrule: error: ...") with a non-zero exit code.
class Cli
{
public:
    Cli(QTextStream& out, QTextStream& err) : m_out(out), m_err(err) {}

    // True when the arguments ask for the CLI rather than the GUI.
    static bool wantsCli(const QStringList& arguments);
    // The workspace named by --db, or empty.
    static QString workspaceArgument(const QStringList& arguments);

    int run(const QStringList& arguments);

private:
    QTextStream& m_out;
    QTextStream& m_err;
};

} // namespace overrule
