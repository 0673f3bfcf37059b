// The words the details pane marks for a search: they must be the words the search index
// matched, so SQLite's own FTS5 tokenizer, configured as the workspace's, is the reference.
#include "Database.h"
#include "SearchIndex.h"
#include "SearchMatches.h"

#include <QRandomGenerator>
#include <QTest>

using namespace overrule;

class TestSearchMatches : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeWordsAnyCaseAnyAccent()
    {
        const QString text = QStringLiteral("Refund? I can't REFUND refunds. Café, cafe, CAFÉ!");
        const QList<TextSpan> refund = searchMatches(text, {QStringLiteral("refund")});
        QCOMPARE(refund, (QList<TextSpan>{{0, 6}, {16, 6}}));
        const QList<TextSpan> cafe = searchMatches(text, {QStringLiteral("café")});
        QCOMPARE(cafe.size(), 3);
        QCOMPARE(text.mid(cafe[2].start, cafe[2].length), QStringLiteral("CAFÉ"));
        // "can't" is searched as "can" AND "t", as the index cuts it.
        QCOMPARE(searchMatches(text, searchWords(QStringLiteral("can't"))).size(), 2);
    }

    void decomposedAccentsStayInTheirWord()
    {
        const QString text = QStringLiteral("une cafe\u0301 noire");
        const QList<TextSpan> spans = searchMatches(text, {QStringLiteral("CAFE")});
        QCOMPARE(spans, (QList<TextSpan>{{4, 5}}));
    }

    void surrogatePairsCountAsTwoUnits()
    {
        // U+1D400 MATHEMATICAL BOLD CAPITAL A is a letter outside the BMP; the emoji is not.
        const QString text = QStringLiteral("\U0001F600 word \U0001D400x word");
        const QList<TextSpan> spans = searchMatches(text, {QStringLiteral("word")});
        QCOMPARE(spans, (QList<TextSpan>{{3, 4}, {12, 4}}));
        QCOMPARE(searchMatches(text, {QStringLiteral("\U0001D400x")}), (QList<TextSpan>{{8, 3}}));
    }

    void nothingToLookFor()
    {
        QVERIFY(searchMatches(QStringLiteral("some text"), {}).isEmpty());
        QVERIFY(searchMatches(QStringLiteral("some text"), searchWords(QStringLiteral("!!!")))
                    .isEmpty());
        QVERIFY(searchMatches(QString(), {QStringLiteral("text")}).isEmpty());
    }

    void stopsAtTheLimit()
    {
        const QString text = QStringLiteral("a ").repeated(100);
        QCOMPARE(searchMatches(text, {QStringLiteral("A")}, 10).size(), 10);
    }

    // Random texts over words that differ in case, accents, punctuation and script: an item
    // gets a mark for a word exactly when FTS5 finds the item for it.
    // The workspace's own tokenizer is checked against unicode61 by tst_searchtokenizer; both
    // are used here.
    void agreesWithTheIndex_data()
    {
        QTest::addColumn<QString>("tokenizer");
        QTest::newRow("unicode61") << QStringLiteral("unicode61 remove_diacritics 2");
        QTest::newRow("workspace's") << QStringLiteral("overrule_words");
    }

    void agreesWithTheIndex()
    {
        QFETCH(QString, tokenizer);
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        QVERIFY((*db)->execute(QStringLiteral("CREATE VIRTUAL TABLE t USING fts5(body, tokenize "
                                              "= '%1', detail = none)")
                                   .arg(tokenizer)
                                   .toStdString()));
        const QStringList vocabulary = {
            QStringLiteral("refund"), QStringLiteral("Refund"), QStringLiteral("REFUNDS"),
            QStringLiteral("café"), QStringLiteral("Cafe"), QStringLiteral("CAFÉ"),
            QStringLiteral("naïve"), QStringLiteral("naive"), QStringLiteral("Über"),
            QStringLiteral("uber"), QStringLiteral("don't"), QStringLiteral("co-op"),
            QStringLiteral("x2"), QStringLiteral("2x"), QStringLiteral("日本語"),
            QStringLiteral("テキスト"), QStringLiteral("año"), QStringLiteral("ANO"),
            QStringLiteral("Ørsted"), QStringLiteral("orsted"), QStringLiteral("e\u0301t\u00e9"),
            QStringLiteral("été"), QStringLiteral("ete"), QStringLiteral("\U0001F600"),
            // Accents as separate code points, inside and outside the tokenizer's table.
            QStringLiteral("c\u0327a"), QStringLiteral("ca"), QStringLiteral("u\u0308ber"),
            QStringLiteral("a\u0331b"), QStringLiteral("a\u0332b"), QStringLiteral("x\u0306y"),
            // Scripts whose accents the tokenizer does not remove, or whose signs end a word.
            QStringLiteral("мой"), QStringLiteral("мои"), QStringLiteral("ά"), QStringLiteral("α"),
            QStringLiteral("か"), QStringLiteral("が"), QStringLiteral("नमस्ते"),
            QStringLiteral("नमस"), QStringLiteral("สวัสดี"), QStringLiteral("łódź"),
            QStringLiteral("lodz"), QStringLiteral("ǆ")};
        const QStringList separators = {QStringLiteral(" "), QStringLiteral(", "),
                                        QStringLiteral("."), QStringLiteral("\n"),
                                        QStringLiteral("—"), QStringLiteral("\U0001F600")};
        QRandomGenerator random(4);
        QStringList texts;
        for (int i = 0; i < 300; ++i) {
            QString text;
            const int words = 1 + random.bounded(12);
            for (int w = 0; w < words; ++w)
                text += vocabulary[random.bounded(vocabulary.size())] +
                        separators[random.bounded(separators.size())];
            texts << text;
            Statement insert = (*db)->prepare("INSERT INTO t(rowid, body) VALUES (?, ?)");
            insert.bind(1, std::int64_t(i)).bind(2, text);
            QVERIFY(insert.exec());
        }
        for (const QString& query : vocabulary) {
            const QString match = ftsQuery(query);
            if (match.isEmpty())
                continue;
            Statement found = (*db)->prepare("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid");
            found.bind(1, match);
            QSet<qint64> byIndex;
            while (found.step())
                byIndex.insert(found.int64(0));
            QSet<qint64> byMarks;
            for (int i = 0; i < texts.size(); ++i) {
                const QStringList words = searchWords(query);
                // An item is found when every word is in it: each must have a mark.
                bool all = true;
                for (const QString& word : words)
                    all = all && !searchMatches(texts[i], {word}).isEmpty();
                if (all)
                    byMarks.insert(i);
            }
            // Each query is a word of the texts: the index finds something, so the comparison
            // below compares something.
            QVERIFY2(!byIndex.isEmpty(), qPrintable(QStringLiteral("query %1").arg(query)));
            QVERIFY2(byIndex == byMarks, qPrintable(QStringLiteral("query %1: %2 found, %3 marked")
                                                        .arg(query)
                                                        .arg(byIndex.size())
                                                        .arg(byMarks.size())));
        }
    }
};

QTEST_GUILESS_MAIN(TestSearchMatches)
#include "tst_searchmatches.moc"
