#include "Cli.h"

#include "CliCommands.h"
#include "Database.h"
#include "WorkspaceLocation.h"

#include <QFileInfo>

namespace overrule {
namespace {

constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

struct CommandSpec
{
    QString name;
    int positionals;          // exact number of positional arguments
    QStringList valueOptions; // options that take a value
    QStringList flags;        // options without a value
    QStringList requiredOptions;
};

const QList<CommandSpec>& specs()
{
    static const QList<CommandSpec> all = {
        {QStringLiteral("import"),
         1,
         {QStringLiteral("--run"), QStringLiteral("--format"), QStringLiteral("--mapping"),
          QStringLiteral("--on-duplicate")},
         {QStringLiteral("--skip-invalid")},
         {}},
        {QStringLiteral("runs"), 0, {}, {QStringLiteral("--json")}, {}},
        {QStringLiteral("stats"),
         1,
         {QStringLiteral("--reviewer")},
         {QStringLiteral("--json")},
         {}},
        {QStringLiteral("export"),
         1,
         {QStringLiteral("--format"), QStringLiteral("-o"), QStringLiteral("--reviewer")},
         {QStringLiteral("--reviewed-only")},
         {QStringLiteral("--format")}},
    };
    return all;
}

const QString kUsage = QStringLiteral(
    "Usage: overrule [--db FILE]                     open the review window\n"
    "       overrule [--db FILE] COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  import FILE|URL [--run NAME] [--format auto|jsonl|csv|inspect|promptfoo|lm-eval]\n"
    "              [--mapping FILE] [--skip-invalid] [--on-duplicate skip|new-run|add-new]\n"
    "                   import an evaluation run (atomic: all or nothing); .gz is read too\n"
    "  runs [--json]    list the runs in the workspace\n"
    "  stats RUN [--json] [--reviewer NAME]\n"
    "                   false-refusal, missed-harm and classifier rates with 95% intervals\n"
    "  export RUN --format jsonl|csv [-o FILE] [--reviewed-only] [--reviewer NAME]\n"
    "                   corrected labels for retraining (stdout unless -o)\n"
    "\n"
    "Options:\n"
    "  --db FILE        the workspace file (default: %1)\n"
    "  --help, -h       show this help\n"
    "  --version        show the version\n"
    "\n"
    "Exit status: 0 on success, 1 on error, 2 on a usage error.\n");

bool isGlobal(const QString& arg)
{
    return arg == QLatin1String("--help") || arg == QLatin1String("-h") ||
           arg == QLatin1String("--version") || arg == QLatin1String("-v");
}

// Splits "--name=value" into two arguments so both spellings work.
QStringList normalised(const QStringList& arguments)
{
    QStringList out;
    for (const QString& arg : arguments.mid(1)) {
        const int eq = arg.indexOf(QLatin1Char('='));
        if (arg.startsWith(QLatin1String("--")) && eq > 2) {
            out << arg.left(eq) << arg.mid(eq + 1);
        } else {
            out << arg;
        }
    }
    return out;
}

} // namespace

bool Cli::wantsCli(const QStringList& arguments)
{
    const QStringList args = normalised(arguments);
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--db")) {
            ++i;
            continue;
        }
        // Qt's own GUI options (-platform, -style...) are not ours and mean the GUI.
        if (args[i].startsWith(QLatin1Char('-')) && !isGlobal(args[i]))
            continue;
        return true;
    }
    return false;
}

QString Cli::workspaceArgument(const QStringList& arguments)
{
    const QStringList args = normalised(arguments);
    const int at = args.indexOf(QStringLiteral("--db"));
    return at >= 0 && at + 1 < args.size() ? args[at + 1] : QString();
}

int Cli::run(const QStringList& arguments)
{
    const QStringList args = normalised(arguments);
    auto usageError = [this](const QString& message) {
        m_err << "overrule: error: " << message << " (see overrule --help)\n";
        m_err.flush();
        return kExitUsage;
    };

    QString dbPath;
    CommandLine cl;
    const CommandSpec* spec = nullptr;
    for (int i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            m_out << kUsage.arg(defaultWorkspacePath());
            return 0;
        }
        if (arg == QLatin1String("--version") || arg == QLatin1String("-v")) {
            m_out << "overrule " << OVERRULE_VERSION << '\n';
            return 0;
        }
        if (arg == QLatin1String("--db")) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("--db needs a file"));
            dbPath = args[++i];
            continue;
        }
        if (!spec) {
            for (const CommandSpec& candidate : specs()) {
                if (candidate.name == arg)
                    spec = &candidate;
            }
            if (!spec)
                return usageError(QStringLiteral("unknown command or option '%1'").arg(arg));
            cl.command = arg;
            continue;
        }
        if (spec->valueOptions.contains(arg)) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("%1 needs a value").arg(arg));
            cl.options.insert(arg, args[++i]);
        } else if (spec->flags.contains(arg)) {
            cl.flags.insert(arg);
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            return usageError(QStringLiteral("'%1' is not an option of %2").arg(arg, cl.command));
        } else {
            cl.positionals << arg;
        }
    }
    if (!spec)
        return usageError(QStringLiteral("no command given"));
    if (cl.positionals.size() != spec->positionals)
        return usageError(QStringLiteral("%1 takes %2 argument(s), got %3")
                              .arg(cl.command)
                              .arg(spec->positionals)
                              .arg(cl.positionals.size()));
    for (const QString& required : spec->requiredOptions) {
        if (!cl.options.contains(required))
            return usageError(QStringLiteral("%1 needs %2").arg(cl.command, required));
    }

    if (dbPath.isEmpty())
        dbPath = defaultWorkspacePath();
    if (cl.command != QLatin1String("import") && !QFileInfo::exists(dbPath)) {
        m_err << "overrule: error: " << dbPath << ": no such workspace\n";
        return kExitError;
    }
    auto db = Database::open(dbPath);
    if (!db) {
        m_err << "overrule: error: " << db.error().toString() << '\n';
        return kExitError;
    }
    CliCommands commands(**db, m_out, m_err);
    Status status;
    if (cl.command == QLatin1String("import"))
        status = commands.importFile(cl);
    else if (cl.command == QLatin1String("runs"))
        status = commands.listRuns(cl);
    else if (cl.command == QLatin1String("stats"))
        status = commands.stats(cl);
    else
        status = commands.exportRun(cl);
    m_out.flush();
    if (!status) {
        // One line: the first line of a possibly longer report.
        m_err << "overrule: error: " << status.error().toString().section(QLatin1Char('\n'), 0, 0)
              << '\n';
        m_err.flush();
        return kExitError;
    }
    return 0;
}

} // namespace overrule
