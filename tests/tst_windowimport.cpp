// Runs arriving in the window: the import wizard from a file, with its problems listed, and
// files or links dropped on the window.
#include "ImportDialog.h"
#include "ItemTableModel.h"
#include "MainWindowFixture.h"

#include <QDropEvent>
#include <QFile>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTreeWidget>

using namespace overrule;
using namespace windowtest;

class TestWindowImport : public QObject
{
    Q_OBJECT

private:
    // Drags `data` over the window and drops it, as a file manager or a browser does.
    static bool drop(MainWindow& window, QMimeData& data)
    {
        const QPoint at = window.rect().center();
        QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent dropped(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &dropped);
        return dropped.isAccepted();
    }

private Q_SLOTS:
    void importDialogImportsAndSelectsTheRun()
    {
        Fixture f;
        const QString path = f.settingsDir.filePath(QStringLiteral("extra.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"id\": \"x1\", \"prompt\": \"How do I cancel my order?\", \"response\": "
                   "\"I can't help with that.\", \"verdict\": \"refused\", \"intent\": "
                   "\"benign\"}\n"
                   "{\"id\": \"x2\", \"prompt\": \"Track parcel\", \"response\": \"Sure.\", "
                   "\"verdict\": \"complied\"}\n");
        file.close();

        MainWindow window(*f.ws.db, *f.settings);
        showActive(window);
        window.importFile(path);
        auto* dialog = window.findChild<ImportDialog*>();
        QVERIFY(dialog);
        QSignalSpy imported(dialog, &ImportDialog::imported);
        dialog->setRunName(QStringLiteral("extra run"));
        dialog->startImport();
        QVERIFY(imported.wait(20000));
        const auto runId = imported.at(0).at(0).value<std::int64_t>();
        QVERIFY(runId != f.runId);
        QCOMPARE(window.currentRunId(), runId);
        QCOMPARE(window.findChild<ItemTableModel*>()->rowCount(), 2);
    }

    void importDialogListsProblems()
    {
        Fixture f;
        const QString path = f.settingsDir.filePath(QStringLiteral("bad.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"id\": \"ok\", \"prompt\": \"p\", \"response\": \"r\"}\n{not json\n");
        file.close();
        ImportDialog dialog(f.ws.path());
        dialog.setFilePath(path);
        dialog.show();
        QSignalSpy imported(&dialog, &ImportDialog::imported);
        dialog.startImport();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), 20000);
        QCOMPARE(imported.count(), 0);
        auto* problems = dialog.findChild<QTreeWidget*>();
        QVERIFY(problems && problems->isVisible());
        QVERIFY(problems->topLevelItemCount() >= 1);
        QCOMPARE(problems->topLevelItem(0)->text(0), QStringLiteral("2"));
        if (const QString dir = qEnvironmentVariable("OVERRULE_SCREENSHOT_DIR"); !dir.isEmpty())
            dialog.grab().save(dir + QStringLiteral("/import-problems.png"));
        Statement st = f.ws.db->prepare("SELECT count(*) FROM runs");
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), 1); // nothing imported
    }

    void droppedFileOpensTheWizardOnIt()
    {
        Fixture f;
        const QString path = f.settingsDir.filePath(QStringLiteral("dropped.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"id\": \"d1\", \"prompt\": \"p\", \"response\": \"r\"}\n");
        file.close();
        MainWindow window(*f.ws.db, *f.settings);
        showActive(window);
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(path)});
        QVERIFY(drop(window, data));
        QTRY_VERIFY(window.findChild<ImportDialog*>());
        auto* dialog = window.findChild<ImportDialog*>();
        bool shown = false;
        for (const QLineEdit* edit : dialog->findChildren<QLineEdit*>())
            shown = shown || QDir::fromNativeSeparators(edit->text()) == path;
        QVERIFY(shown);
        dialog->close();
    }

    // A link dragged from a browser: the wizard opens on "from a web address" with it.
    void droppedLinkOpensTheWizardOnTheAddress()
    {
        Fixture f;
        MainWindow window(*f.ws.db, *f.settings);
        showActive(window);
        const QString address = QStringLiteral("https://example.org/evals/run.jsonl");
        QMimeData data;
        data.setUrls({QUrl(address)});
        QVERIFY(drop(window, data));
        QTRY_VERIFY(window.findChild<ImportDialog*>());
        auto* dialog = window.findChild<ImportDialog*>();
        bool shown = false;
        for (const QLineEdit* edit : dialog->findChildren<QLineEdit*>())
            shown = shown || edit->text() == address;
        QVERIFY(shown);
        if (const QString dir = qEnvironmentVariable("OVERRULE_SCREENSHOT_DIR"); !dir.isEmpty())
            dialog->grab().save(dir + QStringLiteral("/import-dropped-link.png"));
        dialog->close();

        // Anything else is refused at the door.
        QMimeData other;
        other.setUrls({QUrl(QStringLiteral("ftp://example.org/run.jsonl"))});
        QVERIFY(!drop(window, other));
    }
};

QTEST_MAIN(TestWindowImport)
#include "tst_windowimport.moc"
