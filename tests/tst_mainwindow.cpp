// The review window driven by the keyboard, as a reviewer uses it: decisions land in the
// database at once, undo and redo append rows, texts are shown as plain text.
#include "CategoryPicker.h"
#include "DetailsPane.h"
#include "FilterBar.h"
#include "ImportDialog.h"
#include "ItemTableModel.h"
#include "ItemTableView.h"
#include "LabelHistoryView.h"
#include "MainWindowFixture.h"
#include "ReviewStatusBar.h"
#include "WorkspaceDefaults.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTreeWidget>

using namespace overrule;
using namespace windowtest;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensOnFirstUnreviewedItemOfNewestRun()
    {
        Fixture f;
        MainWindow window(*f.ws.db, *f.settings);
        showActive(window);
        QCOMPARE(window.currentRunId(), f.runId);
        QCOMPARE(window.currentItemId(), f.items[0]);
        QVERIFY(window.windowTitle().contains(QStringLiteral("workspace.overrule")));
        auto* status = window.findChild<ReviewStatusBar*>();
        QVERIFY(status);
        QCOMPARE(status->countsText(), QStringLiteral("8 items · 0 reviewed"));
    }

    // The bundled sample run, as a new user first sees it: three decisions by keyboard.
    void sampleRunDecidedByKeyboard()
    {
        TestWorkspace ws;
        QVERIFY2(installDefaults(*ws.db).ok(), "the bundled sample must install");
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("o.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("reviewer/name"), QStringLiteral("sam"));
        MainWindow window(*ws.db, settings);
        showActive(window);
        auto* model = window.findChild<ItemTableModel*>();
        QVERIFY(model->rowCount() >= 250);
        Statement before = ws.db->prepare("SELECT count(*) FROM labels");
        QVERIFY(before.step());
        const auto existing = before.int64(0);

        std::vector<std::int64_t> decided;
        decided.push_back(window.currentItemId());
        press(&window, Qt::Key_F);
        press(window.findChild<CategoryPicker*>()->findChild<QLineEdit*>(), Qt::Key_Escape);
        decided.push_back(window.currentItemId());
        press(&window, Qt::Key_R);
        decided.push_back(window.currentItemId());
        press(&window, Qt::Key_M);
        QVERIFY(decided[0] != decided[1] && decided[1] != decided[2]);

        Statement st = ws.db->prepare(
            "SELECT l.item_id, l.outcome, r.name FROM labels l JOIN reviewers r ON "
            "r.id = l.reviewer_id WHERE l.id > (SELECT coalesce(max(id), 0) - 3 FROM labels) "
            "ORDER BY l.id");
        const Outcome expected[] = {Outcome::FalseRefusal, Outcome::CorrectRefusal,
                                    Outcome::MissedHarm};
        for (int i = 0; i < 3; ++i) {
            QVERIFY(st.step());
            QCOMPARE(st.int64(0), decided[static_cast<size_t>(i)]);
            QCOMPARE_VOCAB(static_cast<Outcome>(st.integer(1)), expected[i]);
            QCOMPARE(st.text(2), QStringLiteral("sam"));
        }
        Statement after = ws.db->prepare("SELECT count(*) FROM labels");
        QVERIFY(after.step());
        QCOMPARE(after.int64(0), existing + 3);
    }

    void threeDecisionsByKeyboardThenUndoRedo()
    {
        Fixture f;
        MainWindow window(*f.ws.db, *f.settings);
        showActive(window);
        window.selectRun(f.runId);
        QCOMPARE(window.currentItemId(), f.items[0]);

        // F: a false refusal, then the culprit popup with the classifier's category highlighted.
        press(&window, Qt::Key_F);
        auto* picker = window.findChild<CategoryPicker*>();
        QVERIFY(picker);
        QVERIFY(picker->isVisible());
        QCOMPARE(picker->highlighted(), std::optional<std::int64_t>(f.category["Fraud"]));
        // Esc skips the culprit; auto-advance moves on to the next unreviewed item.
        press(picker->findChild<QLineEdit*>(), Qt::Key_Escape);
        QVERIFY(!picker->isVisible());
        QCOMPARE(window.currentItemId(), f.items[1]);

        press(&window, Qt::Key_R);
        QCOMPARE(window.currentItemId(), f.items[2]);
        press(&window, Qt::Key_M);
        QCOMPARE(window.currentItemId(), f.items[3]);

        auto rows = f.labels();
        QCOMPARE(rows.size(), size_t(3));
        QCOMPARE(rows[0].itemId, f.items[0]);
        QCOMPARE_VOCAB(rows[0].outcome, Outcome::FalseRefusal);
        QVERIFY(!rows[0].culprit);
        QCOMPARE(rows[1].itemId, f.items[1]);
        QCOMPARE_VOCAB(rows[1].outcome, Outcome::CorrectRefusal);
        QCOMPARE(rows[2].itemId, f.items[2]);
        QCOMPARE_VOCAB(rows[2].outcome, Outcome::MissedHarm);
        for (const Row& row : rows) {
            QCOMPARE(row.reviewer, QStringLiteral("tester"));
            QCOMPARE(row.source, QStringLiteral("review"));
        }
        auto* status = window.findChild<ReviewStatusBar*>();
        QCOMPARE(status->countsText(), QStringLiteral("8 items · 3 reviewed"));

        // Ctrl+Z withdraws the last decision with a new row and shows the item it changed.
        press(&window, Qt::Key_Z, Qt::ControlModifier);
        rows = f.labels();
        QCOMPARE(rows.size(), size_t(4));
        QCOMPARE(rows[3].itemId, f.items[2]);
        QCOMPARE_VOCAB(rows[3].outcome, Outcome::Unreviewed);
        QCOMPARE(rows[3].source, QStringLiteral("undo"));
        QCOMPARE_VOCAB(f.outcome(f.items[2]), Outcome::Unreviewed);
        QCOMPARE(window.currentItemId(), f.items[2]);
        QCOMPARE(status->countsText(), QStringLiteral("8 items · 2 reviewed"));
        // The history shows the withdrawal whole, not cut short.
        auto* history = window.findChild<LabelHistoryView*>();
        QVERIFY(history);
        QCOMPARE(history->topLevelItemCount(), 2);
        for (int row = 0; row < history->topLevelItemCount(); ++row) {
            const QString decision = history->topLevelItem(row)->text(2);
            QVERIFY2(history->fontMetrics().horizontalAdvance(decision) < history->columnWidth(2),
                     qPrintable(decision));
        }

        // Ctrl+Shift+Z decides it again.
        press(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        rows = f.labels();
        QCOMPARE(rows.size(), size_t(5));
        QCOMPARE_VOCAB(rows[4].outcome, Outcome::MissedHarm);
        QCOMPARE(rows[4].source, QStringLiteral("redo"));
        QCOMPARE_VOCAB(f.outcome(f.items[2]), Outcome::MissedHarm);
    }

    void culpritChosenByTyping()
    {
        Fixture f;
        MainWindow window(*f.ws.db, *f.settings);
        showActive(window);
        window.selectRun(f.runId);
        QTest::qWait(0);
        // cs-006 is an account-security refusal: the reviewer names Fraud instead.
        auto* table = window.findChild<ItemTableView*>();
        QVERIFY(table->goToItem(f.items[5]));
        press(&window, Qt::Key_F);
        auto* picker = window.findChild<CategoryPicker*>();
        QVERIFY(picker->isVisible());
        QCOMPARE(picker->highlighted(),
                 std::optional<std::int64_t>(f.category["Account security"]));
        auto* filter = picker->findChild<QLineEdit*>();
        QTest::keyClicks(filter, QStringLiteral("frau"));
        QCOMPARE(picker->highlighted(), std::optional<std::int64_t>(f.category["Fraud"]));
        press(filter, Qt::Key_Return);
        QVERIFY(!picker->isVisible());

        const auto rows = f.labels();
        QCOMPARE(rows.size(), size_t(2)); // the decision, then the culprit
        QCOMPARE(rows[1].itemId, f.items[5]);
        QCOMPARE_VOCAB(rows[1].outcome, Outcome::FalseRefusal);
        QCOMPARE(rows[1].culprit, std::optional<std::int64_t>(f.category["Fraud"]));
        // Auto-advance after the pick: the next unreviewed item after cs-006.
        QCOMPARE(window.currentItemId(), f.items[6]);

        // G on the same item later changes the culprit; "(no category)" clears it.
        QVERIFY(table->goToItem(f.items[5]));
        press(&window, Qt::Key_G);
        QVERIFY(picker->isVisible());
        QCOMPARE(picker->highlighted(), std::optional<std::int64_t>(f.category["Fraud"]));
        press(filter, Qt::Key_Home);
        for (int i = 0; i < 10; ++i)
            press(filter, Qt::Key_Up);
        QVERIFY(picker->hasHighlight());
        QCOMPARE(picker->highlighted(), std::nullopt);
        press(filter, Qt::Key_Enter);
        const auto after = f.labels();
        QCOMPARE(after.size(), size_t(3));
        QVERIFY(!after[2].culprit);
        QCOMPARE(window.currentItemId(), f.items[5]); // G does not advance
    }

    void navigationAndWithdraw()
    {
        Fixture f;
        MainWindow window(*f.ws.db, *f.settings);
        showActive(window);
        window.selectRun(f.runId);
        QCOMPARE(window.currentItemId(), f.items[0]);
        press(&window, Qt::Key_J);
        QCOMPARE(window.currentItemId(), f.items[1]);
        press(&window, Qt::Key_Down);
        QCOMPARE(window.currentItemId(), f.items[2]);
        press(&window, Qt::Key_K);
        QCOMPARE(window.currentItemId(), f.items[1]);
        press(&window, Qt::Key_Up);
        QCOMPARE(window.currentItemId(), f.items[0]);

        // C decides, auto-advance off keeps the place; U withdraws; N skips reviewed items.
        f.settings->sync();
        auto* autoAdvance = window.findChild<QAction*>(QStringLiteral("autoAdvance"));
        QVERIFY(autoAdvance);
        autoAdvance->setChecked(false);
        press(&window, Qt::Key_C);
        QCOMPARE(window.currentItemId(), f.items[0]);
        QCOMPARE_VOCAB(f.outcome(f.items[0]), Outcome::CorrectCompliance);
        press(&window, Qt::Key_U);
        QCOMPARE_VOCAB(f.outcome(f.items[0]), Outcome::Unreviewed);
        const size_t rowsBefore = f.labels().size();
        press(&window, Qt::Key_Backspace); // nothing left to withdraw: no new row
        QCOMPARE(f.labels().size(), rowsBefore);
        press(&window, Qt::Key_R);
        QCOMPARE_VOCAB(f.outcome(f.items[0]), Outcome::CorrectRefusal);
        press(&window, Qt::Key_N);
        QCOMPARE(window.currentItemId(), f.items[1]);
        QVERIFY(!window.findChild<DetailsPane*>()->details()->currentLabel);
    }

    void filtersNarrowTheTable()
    {
        Fixture f;
        MainWindow window(*f.ws.db, *f.settings);
        showActive(window);
        window.selectRun(f.runId);
        press(&window, Qt::Key_R); // cs-001 reviewed
        auto* model = window.findChild<ItemTableModel*>();
        QCOMPARE(model->rowCount(), 8);
        auto* unreviewedOnly = window.findChild<FilterBar*>()->findChild<QCheckBox*>();
        unreviewedOnly->setChecked(true);
        QCOMPARE(model->rowCount(), 7);
        QCOMPARE(window.findChild<ReviewStatusBar*>()->countsText(),
                 QStringLiteral("8 items · 1 reviewed · 7 shown"));
        // Ctrl+F goes to the search box; typing there does not decide anything.
        press(&window, Qt::Key_F, Qt::ControlModifier);
        auto* search = window.findChild<FilterBar*>()->findChild<QLineEdit*>();
        QVERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("rfm"));
        QCOMPARE(f.labels().size(), size_t(1));
        press(search, Qt::Key_Escape); // clears the search and goes back to the table
        QVERIFY(search->text().isEmpty());
        QVERIFY(window.findChild<ItemTableView*>()->hasFocus());
    }

    // The search finds whole words, marks them in the details pane, and the status bar says
    // when the background index is still being built or the search holds no word.
    void searchMarksMatchesAndTracksTheIndex()
    {
        Fixture f;
        MainWindow window(*f.ws.db, *f.settings);
        showActive(window);
        window.selectRun(f.runId);
        press(&window, Qt::Key_F, Qt::ControlModifier);
        auto* search = window.findChild<FilterBar*>()->findChild<QLineEdit*>();
        // At once, maybe before the run's index is built: the count follows when it is.
        QTest::keyClicks(search, QStringLiteral("REFUND"));
        press(search, Qt::Key_Return);
        QVERIFY(window.findChild<ItemTableView*>()->hasFocus());
        auto* status = window.findChild<ReviewStatusBar*>();
        QTRY_COMPARE(status->countsText(), QStringLiteral("8 items · 0 reviewed · 2 shown"));
        QTRY_VERIFY(status->searchNote().isEmpty());
        auto* model = window.findChild<ItemTableModel*>();
        QCOMPARE(model->rowCount(), 2);

        // cs-001: "refund" in the prompt is marked, "refunds" in the response is not.
        auto* details = window.findChild<DetailsPane*>();
        QVERIFY(window.findChild<ItemTableView*>()->goToItem(f.items[0]));
        QCOMPARE(details->markedMatches(), 1);
        QPlainTextEdit* prompt = nullptr;
        for (QPlainTextEdit* edit : details->findChildren<QPlainTextEdit*>()) {
            if (edit->toPlainText().startsWith(QStringLiteral("My blender")))
                prompt = edit;
        }
        QVERIFY(prompt);
        const QList<QTextEdit::ExtraSelection> marks = prompt->extraSelections();
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks[0].cursor.selectedText(), QStringLiteral("refund"));

        // Clearing the search clears the marks.
        press(&window, Qt::Key_F, Qt::ControlModifier);
        search->clear();
        press(search, Qt::Key_Return);
        QCOMPARE(model->rowCount(), 8);
        QCOMPARE(details->markedMatches(), 0);

        // No match: the details pane says so.
        press(&window, Qt::Key_F, Qt::ControlModifier);
        QTest::keyClicks(search, QStringLiteral("zeppelin"));
        press(search, Qt::Key_Return);
        QCOMPARE(model->rowCount(), 0);
        bool said = false;
        for (const QLabel* label : details->findChildren<QLabel*>())
            said = said || label->text().contains(QStringLiteral("matches the filters"));
        QVERIFY(said);
        // ... and shows nothing of the item it showed before, nor an "(empty prompt)".
        QVERIFY(prompt->toPlainText().isEmpty() && prompt->placeholderText().isEmpty());
        const auto* tabs = details->findChild<QTabWidget*>();
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(0), QStringLiteral("History"));
        press(&window, Qt::Key_F, Qt::ControlModifier);
        search->clear();
        press(search, Qt::Key_Return);
        QVERIFY(tabs->tabText(0).startsWith(QStringLiteral("History (")));
        QCOMPARE(prompt->placeholderText(), QStringLiteral("(empty prompt)"));

        // Punctuation only: nothing to look for, and the status bar says so.
        press(&window, Qt::Key_F, Qt::ControlModifier);
        QTest::keyClicks(search, QStringLiteral("!!!"));
        press(search, Qt::Key_Return);
        QVERIFY(status->searchNote().contains(QStringLiteral("no letters or digits")));
        // And while the run's index is still being built (too quick to catch here).
        status->showSearchState(true, QStringLiteral("refund"));
        QVERIFY(status->searchNote().contains(QStringLiteral("incomplete")));
        status->showSearchState(true, QString());
        QVERIFY(status->searchNote().contains(QStringLiteral("Building")));
        status->showSearchState(false, QStringLiteral("refund"));
        QVERIFY(status->searchNote().isEmpty());
    }

    // Every filter is reached from the keyboard, and the review keys work again right after.
    void filtersFromTheKeyboard()
    {
        Fixture f;
        MainWindow window(*f.ws.db, *f.settings);
        showActive(window);
        window.selectRun(f.runId);
        auto* model = window.findChild<ItemTableModel*>();
        auto* table = window.findChild<ItemTableView*>();
        int fullRefusals = 0;
        for (const SeedItem& item : kItems)
            fullRefusals += item.verdict == Behaviour::FullRefusal ? 1 : 0;

        press(&window, Qt::Key_1, Qt::ControlModifier); // verdicts: "All", then "Full refusal"
        QWidget* popup = QApplication::activePopupWidget();
        QVERIFY(popup);
        QVERIFY(popup->focusWidget()); // the list, which takes the keys while open
        press(popup->focusWidget(), Qt::Key_Down);
        press(popup->focusWidget(), Qt::Key_Return);
        QTRY_VERIFY(!QApplication::activePopupWidget());
        QCOMPARE(model->rowCount(), fullRefusals);
        QVERIFY(table->hasFocus());
        press(&window, Qt::Key_R); // a review key decides again, not the combo's type-ahead
        QCOMPARE(f.labels().size(), size_t(1));

        press(&window, Qt::Key_5, Qt::ControlModifier); // unreviewed only
        QCOMPARE(model->rowCount(), fullRefusals - 1);
        bool checked = false; // and the menu says it is on
        for (const QAction* action : window.findChildren<QAction*>())
            checked = checked || (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_5) &&
                                  action->isChecked());
        QVERIFY(checked);
        press(&window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier); // reset: menu follows
        for (const QAction* action : window.findChildren<QAction*>())
            QVERIFY(
                !(action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_5) && action->isChecked()));
        press(&window, Qt::Key_1, Qt::ControlModifier); // back to full refusals, as before
        press(QApplication::activePopupWidget()->focusWidget(), Qt::Key_Down);
        press(QApplication::activePopupWidget()->focusWidget(), Qt::Key_Return);
        press(&window, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(model->rowCount(), fullRefusals - 1);
        press(&window, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(model->rowCount(), fullRefusals);

        press(&window, Qt::Key_4, Qt::ControlModifier); // Esc keeps the outcome filter as it was
        popup = QApplication::activePopupWidget();
        QVERIFY(popup && popup->focusWidget());
        press(popup->focusWidget(), Qt::Key_F); // jumps to "False refusal" in the list only
        QCOMPARE(f.labels().size(), size_t(1));
        press(popup->focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!QApplication::activePopupWidget());
        QCOMPARE(model->rowCount(), fullRefusals);

        // From the search box too: after the filter's key, the review keys act on the table.
        press(&window, Qt::Key_F, Qt::ControlModifier);
        auto* search = window.findChild<FilterBar*>()->findChild<QLineEdit*>();
        QVERIFY(search->hasFocus());
        press(search, Qt::Key_5, Qt::ControlModifier);
        QVERIFY(table->hasFocus());
        QCOMPARE(model->rowCount(), fullRefusals - 1);
        press(&window, Qt::Key_5, Qt::ControlModifier);

        press(&window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(model->rowCount(), 8);
    }

    void textsArePlainText()
    {
        Fixture f;
        MainWindow window(*f.ws.db, *f.settings);
        showActive(window);
        window.selectRun(f.runId);
        QVERIFY(window.findChild<ItemTableView*>()->goToItem(f.items[3]));
        const auto edits = window.findChild<DetailsPane*>()->findChildren<QPlainTextEdit*>();
        bool shown = false;
        for (const QPlainTextEdit* edit : edits) {
            if (edit->toPlainText().startsWith(QStringLiteral("<b>Step 1</b>")))
                shown = true;
        }
        QVERIFY2(shown, "the response's markup must be shown as typed");
    }

    void remembersLayoutAndReviewer()
    {
        Fixture f;
        QList<int> sizes;
        {
            MainWindow window(*f.ws.db, *f.settings);
            showActive(window);
            auto* splitter = window.findChild<QSplitter*>();
            splitter->setSizes({300, 600, 540});
            sizes = splitter->sizes();
            window.close();
        }
        QVERIFY(f.settings->contains(QStringLiteral("window/geometry")));
        MainWindow again(*f.ws.db, *f.settings);
        showActive(again);
        QCOMPARE(again.findChild<QSplitter*>()->sizes(), sizes);
        QCOMPARE(f.settings->value(QStringLiteral("reviewer/name")).toString(),
                 QStringLiteral("tester"));
    }

    // OVERRULE_SCREENSHOT=file.png saves the window after a few decisions;
    // OVERRULE_SCREENSHOT_DIR=folder also saves the popup and dialogs there.
    void screenshot()
    {
        const QString target = qEnvironmentVariable("OVERRULE_SCREENSHOT");
        if (target.isEmpty())
            QSKIP("set OVERRULE_SCREENSHOT=file.png to save a picture of the window");
        // The bundled sample run with its first items decided the way its file's intent says.
        TestWorkspace ws;
        QVERIFY(installDefaults(*ws.db).ok());
        QTemporaryDir settingsDir;
        QSettings settings(settingsDir.filePath(QStringLiteral("o.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("reviewer/name"), QStringLiteral("alice"));
        MainWindow window(*ws.db, settings);
        showActive(window);
        auto* details = window.findChild<DetailsPane*>();
        std::int64_t falseRefusal = 0;
        for (int i = 0; i < 14; ++i) {
            const auto& item = details->details();
            QVERIFY(item);
            const bool refused = isRefusal(item->verdict);
            const bool harmful = item->intent == Intent::Harmful;
            if (refused && !harmful && !falseRefusal)
                falseRefusal = item->id;
            press(&window,
                  refused ? (harmful ? Qt::Key_R : Qt::Key_F) : (harmful ? Qt::Key_M : Qt::Key_C));
            if (refused && !harmful)
                press(window.findChild<CategoryPicker*>()->findChild<QLineEdit*>(), Qt::Key_Return);
        }
        if (falseRefusal)
            QVERIFY(window.findChild<ItemTableView*>()->goToItem(falseRefusal));
        QTest::qWait(50);
        QVERIFY(window.grab().save(target));

        const QString dir = qEnvironmentVariable("OVERRULE_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        // A search, its words marked in the item's texts.
        press(&window, Qt::Key_F, Qt::ControlModifier);
        auto* search = window.findChild<FilterBar*>()->findChild<QLineEdit*>();
        QTest::keyClicks(search, QStringLiteral("refund charge"));
        press(search, Qt::Key_Return);
        QTRY_VERIFY(window.findChild<ReviewStatusBar*>()->searchNote().isEmpty());
        QTest::qWait(50);
        QVERIFY(window.grab().save(dir + QStringLiteral("/search.png")));
        press(&window, Qt::Key_F, Qt::ControlModifier);
        press(search, Qt::Key_Escape);
        auto saveTopLevel = [&dir, &window](const QString& name) {
            QTest::qWait(50);
            QWidget* shown = QApplication::activePopupWidget();
            if (!shown) {
                for (QWidget* w : QApplication::topLevelWidgets()) {
                    if (w->isVisible() && !qobject_cast<MainWindow*>(w))
                        shown = w;
                }
            }
            QVERIFY(shown);
            QVERIFY(shown->grab().save(dir + QLatin1Char('/') + name));
            shown->close();
            QApplication::setActiveWindow(&window);
        };
        press(&window, Qt::Key_G);
        saveTopLevel(QStringLiteral("picker.png"));
        press(&window, Qt::Key_F1);
        saveTopLevel(QStringLiteral("shortcuts.png"));
        press(&window, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
        saveTopLevel(QStringLiteral("metrics.png"));
        press(&window, Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        saveTopLevel(QStringLiteral("categories.png"));
        window.importFile(
            QStringLiteral(OVERRULE_SOURCE_DIR "/resources/samples/support-assistant.jsonl"));
        QTest::qWait(500); // the wizard opens on the file's preview
        saveTopLevel(QStringLiteral("import.png"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
