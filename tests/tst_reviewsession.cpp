#include "ItemSeed.h"
#include "LabelStore.h"
#include "ReviewSession.h"
#include "TestWorkspace.h"

#include <QSignalSpy>
#include <QUndoStack>

using namespace overrule;

Q_DECLARE_METATYPE(overrule::Behaviour)
Q_DECLARE_METATYPE(overrule::Intent)
Q_DECLARE_METATYPE(overrule::Outcome)

class TestReviewSession : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        TestWorkspace ws;
        std::int64_t runId = 0, fraud = 0, privacy = 0;
        Fixture()
        {
            runId = seed::run(*ws.db, QStringLiteral("r"));
            fraud = seed::category(*ws.db, QStringLiteral("Fraud"));
            privacy = seed::category(*ws.db, QStringLiteral("Privacy"));
        }
        std::int64_t add(Behaviour verdict, Intent intent = Intent::Unknown)
        {
            const int seq = next++;
            return seed::item(*ws.db, runId, seq,
                              {QStringLiteral("item-%1").arg(seq), verdict, intent, fraud, 0.5,
                               QStringLiteral("prompt"), QStringLiteral("response")});
        }
        int labelRows(std::int64_t itemId) const
        {
            Statement st = ws.db->prepare("SELECT count(*) FROM labels WHERE item_id = ?");
            st.bind(1, itemId);
            return st.step() ? st.integer(0) : -1;
        }
        Outcome itemOutcome(std::int64_t itemId) const
        {
            Statement st = ws.db->prepare("SELECT outcome FROM items WHERE id = ?");
            st.bind(1, itemId);
            return st.step() ? static_cast<Outcome>(st.integer(0)) : Outcome::Unreviewed;
        }
        std::vector<Label> history(std::int64_t itemId) const
        {
            return LabelStore(*ws.db).history(itemId).value();
        }
        int next = 0;
    };

    static Decision decision(Behaviour b, Intent i)
    {
        Decision d;
        d.behaviour = b;
        d.intent = i;
        return d;
    }

private Q_SLOTS:
    void decideUndoRedoAppendRows()
    {
        Fixture f;
        const auto item = f.add(Behaviour::FullRefusal, Intent::Unknown);
        ReviewSession session(*f.ws.db, QStringLiteral(" alice "));
        QCOMPARE(session.reviewer(), QStringLiteral("alice"));
        QSignalSpy changed(&session, &ReviewSession::itemChanged);

        Decision fr = decision(Behaviour::FullRefusal, Intent::Benign);
        fr.note = QStringLiteral("asks for a refund");
        QVERIFY(session.decide(item, fr));
        QCOMPARE(session.undoStack()->count(), 1);
        QCOMPARE(f.labelRows(item), 1);
        QCOMPARE_VOCAB(f.itemOutcome(item), Outcome::FalseRefusal);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<std::int64_t>(), item);
        QCOMPARE(session.currentDecision(item), fr);
        QVERIFY(!session.undoStack()->text(0).isEmpty());

        session.undoStack()->undo();
        QCOMPARE(f.labelRows(item), 2);
        QCOMPARE_VOCAB(f.itemOutcome(item), Outcome::Unreviewed);
        QCOMPARE(changed.count(), 2);
        auto h = f.history(item);
        QCOMPARE(h.front().source, QStringLiteral("undo"));
        QVERIFY(h.front().decision.isWithdrawal()); // there was no decision before
        QCOMPARE(h.front().reviewer, QStringLiteral("alice"));
        // Back to the defaults: the verdict and the run's intent.
        QCOMPARE(session.currentDecision(item), decision(Behaviour::FullRefusal, Intent::Unknown));

        session.undoStack()->redo();
        QCOMPARE(f.labelRows(item), 3);
        QCOMPARE_VOCAB(f.itemOutcome(item), Outcome::FalseRefusal);
        QCOMPARE(changed.count(), 3);
        h = f.history(item);
        QCOMPARE(h.front().source, QStringLiteral("redo"));
        QCOMPARE(h.front().decision, fr);
        QCOMPARE(h.at(2).source, QStringLiteral("review"));
    }

    void undoRestoresThePreviousDecision()
    {
        Fixture f;
        const auto item = f.add(Behaviour::Compliance, Intent::Benign);
        ReviewSession session(*f.ws.db, QStringLiteral("alice"));
        Decision first = decision(Behaviour::Compliance, Intent::Benign);
        first.categoryId = f.privacy;
        QVERIFY(session.decide(item, first));
        QVERIFY(session.decide(item, decision(Behaviour::Compliance, Intent::Harmful)));
        QCOMPARE_VOCAB(f.itemOutcome(item), Outcome::MissedHarm);
        QCOMPARE(session.undoStack()->count(), 2);
        session.undoStack()->undo();
        QCOMPARE_VOCAB(f.itemOutcome(item), Outcome::CorrectCompliance);
        QCOMPARE(session.currentDecision(item), first);
        session.undoStack()->undo();
        QCOMPARE_VOCAB(f.itemOutcome(item), Outcome::Unreviewed);
        session.undoStack()->redo();
        session.undoStack()->redo();
        QCOMPARE_VOCAB(f.itemOutcome(item), Outcome::MissedHarm);
        QCOMPARE(f.labelRows(item), 6); // 2 reviews, 2 undos, 2 redos: nothing erased
    }

    void repeatingOwnDecisionWritesNothing()
    {
        Fixture f;
        const auto item = f.add(Behaviour::FullRefusal);
        ReviewSession alice(*f.ws.db, QStringLiteral("alice"));
        QVERIFY(alice.decideOutcome(item, Outcome::CorrectRefusal));
        QVERIFY(alice.decideOutcome(item, Outcome::CorrectRefusal));
        QCOMPARE(f.labelRows(item), 1);
        QCOMPARE(alice.undoStack()->count(), 1);
        // Another reviewer agreeing is new information.
        ReviewSession bob(*f.ws.db, QStringLiteral("bob"));
        QVERIFY(bob.decideOutcome(item, Outcome::CorrectRefusal));
        QCOMPARE(f.labelRows(item), 2);
        // Withdrawing an unreviewed item writes nothing.
        const auto fresh = f.add(Behaviour::FullRefusal);
        QVERIFY(bob.decideOutcome(fresh, Outcome::Unreviewed));
        QCOMPARE(f.labelRows(fresh), 0);
    }

    void decideOutcomeMapping_data()
    {
        QTest::addColumn<Behaviour>("verdict");
        QTest::addColumn<Outcome>("outcome");
        QTest::addColumn<Behaviour>("behaviour");
        QTest::addColumn<Intent>("intent");
        const auto FR = Behaviour::FullRefusal, PR = Behaviour::PartialRefusal,
                   C = Behaviour::Compliance, U = Behaviour::Unknown;
        QTest::newRow("full + F") << FR << Outcome::FalseRefusal << FR << Intent::Benign;
        QTest::newRow("partial + F") << PR << Outcome::FalseRefusal << PR << Intent::Benign;
        QTest::newRow("compliance + F") << C << Outcome::FalseRefusal << FR << Intent::Benign;
        QTest::newRow("unknown + F") << U << Outcome::FalseRefusal << FR << Intent::Benign;
        QTest::newRow("partial + R") << PR << Outcome::CorrectRefusal << PR << Intent::Harmful;
        QTest::newRow("compliance + R") << C << Outcome::CorrectRefusal << FR << Intent::Harmful;
        QTest::newRow("compliance + M") << C << Outcome::MissedHarm << C << Intent::Harmful;
        QTest::newRow("full + M") << FR << Outcome::MissedHarm << C << Intent::Harmful;
        QTest::newRow("partial + C") << PR << Outcome::CorrectCompliance << C << Intent::Benign;
        QTest::newRow("unknown + C") << U << Outcome::CorrectCompliance << C << Intent::Benign;
    }

    void decideOutcomeMapping()
    {
        QFETCH(Behaviour, verdict);
        QFETCH(Outcome, outcome);
        QFETCH(Behaviour, behaviour);
        QFETCH(Intent, intent);
        Fixture f;
        const auto item = f.add(verdict, Intent::Harmful);
        ReviewSession session(*f.ws.db, QStringLiteral("alice"));
        QVERIFY(session.decideOutcome(item, outcome));
        const Label label = f.history(item).front();
        QCOMPARE_VOCAB(label.decision.behaviour, behaviour);
        QCOMPARE_VOCAB(label.decision.intent, intent);
        QCOMPARE_VOCAB(label.outcome, outcome);
        QCOMPARE_VOCAB(f.itemOutcome(item), outcome);
    }

    void decideOutcomeKeepsCategoryCulpritNote()
    {
        Fixture f;
        const auto item = f.add(Behaviour::FullRefusal, Intent::Benign);
        ReviewSession session(*f.ws.db, QStringLiteral("alice"));
        Decision d = decision(Behaviour::FullRefusal, Intent::Benign);
        d.categoryId = f.privacy;
        d.culpritId = f.fraud;
        d.note = QStringLiteral("own account");
        QVERIFY(session.decide(item, d));
        QVERIFY(session.decideOutcome(item, Outcome::CorrectRefusal));
        const Decision now = session.currentDecision(item);
        QCOMPARE_VOCAB(now.intent, Intent::Harmful);
        QCOMPARE(now.categoryId, d.categoryId);
        QCOMPARE(now.culpritId, d.culpritId);
        QCOMPARE(now.note, d.note);

        // Unreviewed withdraws; the history keeps all three rows.
        QVERIFY(session.decideOutcome(item, Outcome::Unreviewed));
        QCOMPARE_VOCAB(f.itemOutcome(item), Outcome::Unreviewed);
        QCOMPARE(f.labelRows(item), 3);
        QVERIFY(f.history(item).front().decision.isWithdrawal());
        QVERIFY(!LabelStore(*f.ws.db).current(item)->has_value());
        session.undoStack()->undo();
        QCOMPARE_VOCAB(f.itemOutcome(item), Outcome::CorrectRefusal);
    }

    void culpritImpliesFalseRefusal()
    {
        Fixture f;
        ReviewSession session(*f.ws.db, QStringLiteral("alice"));
        // Unreviewed partial refusal of a prompt the run calls harmful.
        const auto partial = f.add(Behaviour::PartialRefusal, Intent::Harmful);
        QVERIFY(session.setCulprit(partial, f.fraud));
        Decision now = session.currentDecision(partial);
        QCOMPARE_VOCAB(now.behaviour, Behaviour::PartialRefusal);
        QCOMPARE_VOCAB(now.intent, Intent::Benign);
        QCOMPARE(now.culpritId, std::optional<std::int64_t>(f.fraud));
        QCOMPARE_VOCAB(f.itemOutcome(partial), Outcome::FalseRefusal);

        // A culprit on an item decided as correct compliance turns it into a false refusal.
        const auto complied = f.add(Behaviour::Compliance, Intent::Benign);
        QVERIFY(session.decideOutcome(complied, Outcome::CorrectCompliance));
        QVERIFY(session.setCulprit(complied, f.privacy));
        QCOMPARE_VOCAB(session.currentDecision(complied).behaviour, Behaviour::FullRefusal);
        QCOMPARE_VOCAB(f.itemOutcome(complied), Outcome::FalseRefusal);

        // Clearing the culprit keeps the decision.
        QVERIFY(session.setCulprit(partial, std::nullopt));
        now = session.currentDecision(partial);
        QVERIFY(!now.culpritId);
        QCOMPARE_VOCAB(f.itemOutcome(partial), Outcome::FalseRefusal);
        // Clearing on an unreviewed item writes nothing.
        const auto fresh = f.add(Behaviour::FullRefusal);
        QVERIFY(session.setCulprit(fresh, std::nullopt));
        QCOMPARE(f.labelRows(fresh), 0);
        QCOMPARE(session.undoStack()->count(), 4);
    }

    void categoryAndNoteKeepVerdictAndRunIntent()
    {
        Fixture f;
        ReviewSession session(*f.ws.db, QStringLiteral("alice"));
        const auto item = f.add(Behaviour::Compliance, Intent::Harmful);
        QVERIFY(session.setCategory(item, f.privacy));
        Decision now = session.currentDecision(item);
        QCOMPARE_VOCAB(now.behaviour, Behaviour::Compliance);
        QCOMPARE_VOCAB(now.intent, Intent::Harmful);
        QCOMPARE(now.categoryId, std::optional<std::int64_t>(f.privacy));
        QCOMPARE_VOCAB(f.itemOutcome(item), Outcome::MissedHarm);

        QVERIFY(session.setNote(item, QStringLiteral("gives instructions")));
        now = session.currentDecision(item);
        QCOMPARE(now.note, QStringLiteral("gives instructions"));
        QCOMPARE(now.categoryId, std::optional<std::int64_t>(f.privacy));
        QCOMPARE(f.labelRows(item), 2);
        // Same note again: nothing new.
        QVERIFY(session.setNote(item, QStringLiteral("gives instructions")));
        QCOMPARE(f.labelRows(item), 2);

        // A note on an item with nothing known stays visible though the item stays unreviewed.
        const auto unknown = f.add(Behaviour::Unknown, Intent::Unknown);
        QVERIFY(session.setNote(unknown, QStringLiteral("verdict missing in file")));
        QCOMPARE_VOCAB(f.itemOutcome(unknown), Outcome::Unreviewed);
        QCOMPARE(session.currentDecision(unknown).note, QStringLiteral("verdict missing in file"));
    }

    void failedWriteReturnsErrorAndPushesNothing()
    {
        Fixture f;
        ReviewSession session(*f.ws.db, QStringLiteral("alice"));
        QSignalSpy changed(&session, &ReviewSession::itemChanged);
        auto missing = session.decide(424242, decision(Behaviour::FullRefusal, Intent::Benign));
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(QStringLiteral("424242")));
        QVERIFY(!session.decideOutcome(424242, Outcome::FalseRefusal));
        QVERIFY(!session.setCulprit(424242, f.fraud));
        QCOMPARE(session.undoStack()->count(), 0);
        QCOMPARE(changed.count(), 0);

        // A write the database refuses (here: a culprit that is no category).
        const auto item = f.add(Behaviour::FullRefusal);
        Decision bad = decision(Behaviour::FullRefusal, Intent::Benign);
        bad.culpritId = 99999;
        QVERIFY(!session.decide(item, bad));
        QCOMPARE(session.undoStack()->count(), 0);
        QCOMPARE(f.labelRows(item), 0);

        // No reviewer, no decision.
        ReviewSession anonymous(*f.ws.db, QString());
        QVERIFY(!anonymous.decideOutcome(item, Outcome::FalseRefusal));
        QCOMPARE(f.labelRows(item), 0);
        anonymous.setReviewer(QStringLiteral("carol"));
        QVERIFY(anonymous.decideOutcome(item, Outcome::FalseRefusal));
        QCOMPARE(f.history(item).front().reviewer, QStringLiteral("carol"));
    }

    void failedUndoIsReportedAndDropped()
    {
        Fixture f;
        const auto item = f.add(Behaviour::FullRefusal);
        ReviewSession session(*f.ws.db, QStringLiteral("alice"));
        QSignalSpy failed(&session, &ReviewSession::writeFailed);
        QVERIFY(session.decideOutcome(item, Outcome::FalseRefusal));
        QVERIFY(f.ws.db->execute("CREATE TEMP TRIGGER refuse_undo BEFORE INSERT ON labels "
                                 "WHEN NEW.source = 'undo' BEGIN "
                                 "SELECT RAISE(ABORT, 'disk says no'); END;"));
        session.undoStack()->undo();
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(QStringLiteral("disk says no")));
        // The decision stands, and the stack no longer offers to undo or redo it.
        QCOMPARE_VOCAB(f.itemOutcome(item), Outcome::FalseRefusal);
        QCOMPARE(f.labelRows(item), 1);
        QCOMPARE(session.undoStack()->count(), 0);
        QVERIFY(!session.undoStack()->canRedo());
    }
};

QTEST_GUILESS_MAIN(TestReviewSession)
#include "tst_reviewsession.moc"
