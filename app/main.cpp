// Entry point: the command-line interface when a subcommand is given, else the review window.
#include "Cli.h"
#include "Database.h"
#include "MainWindow.h"
#include "WorkspaceDefaults.h"
#include "WorkspaceLocation.h"

#include <QApplication>
#include <QMessageBox>
#include <QSettings>
#include <cstdio>
#include <memory>

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Overrule"));
    QCoreApplication::setApplicationName(QStringLiteral("Overrule"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OVERRULE_VERSION));
}

// Owns the open workspace and its window; reopening another workspace replaces both.
class GuiSession
{
public:
    explicit GuiSession(QSettings& settings) : m_settings(settings) {}

    bool open(const QString& path)
    {
        overrule::Database::Options options;
        options.attachSearch = true; // the window searches and deletes runs
        auto db = overrule::Database::open(path, options);
        if (!db) {
            QMessageBox::critical(
                nullptr, QStringLiteral("Overrule"),
                QStringLiteral("Cannot open the workspace.\n\n%1").arg(db.error().toString()));
            return false;
        }
        if (auto defaults = overrule::installDefaults(**db); !defaults) {
            QMessageBox::warning(nullptr, QStringLiteral("Overrule"),
                                 QStringLiteral("The bundled taxonomy or sample run could not be "
                                                "loaded.\n\n%1")
                                     .arg(defaults.error().toString()));
        }
        auto window = std::make_unique<overrule::MainWindow>(**db, m_settings);
        QObject::connect(window.get(), &overrule::MainWindow::openWorkspaceRequested, window.get(),
                         [this](const QString& next) {
                             // Deferred: the window that asked is destroyed by open().
                             QMetaObject::invokeMethod(
                                 qApp, [this, next] { open(next); }, Qt::QueuedConnection);
                         });
        // The old window goes before its database.
        m_window.reset();
        m_db = std::move(db).value();
        m_window = std::move(window);
        m_window->show();
        return true;
    }

private:
    QSettings& m_settings;
    std::unique_ptr<overrule::Database> m_db;
    std::unique_ptr<overrule::MainWindow> m_window;
};

} // namespace

int main(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    if (overrule::Cli::wantsCli(arguments)) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        QTextStream out(stdout);
        QTextStream err(stderr);
        return overrule::Cli(out, err).run(arguments);
    }

    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/overrule/icons/overrule.svg")));
    QSettings settings;
    QString path = overrule::Cli::workspaceArgument(arguments);
    if (path.isEmpty())
        path = overrule::defaultWorkspacePath();
    GuiSession session(settings);
    if (!session.open(path))
        return 1;
    return app.exec();
}
