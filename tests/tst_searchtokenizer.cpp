// The search index's tokenizer must give FTS5 the tokens unicode61 (remove_diacritics 2) gives,
// each once per text: the search box, the marks in the details pane (tst_searchmatches) and a
// workspace's older indexes all count on unicode61's tokens. So unicode61 is the reference.
#include "Database.h"
#include "SearchTokenizer.h"

#include <QByteArrayList>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <sqlite3.h>

using namespace overrule;

namespace {

struct Token
{
    QByteArray text;
    int start = 0;
    int end = 0;

    friend bool operator==(const Token&, const Token&) = default;
};

// Runs a registered tokenizer of the connection over `text` with FTS5's flags.
class TokenizerRun
{
public:
    TokenizerRun(sqlite3* db, const char* name, QList<const char*> arguments)
    {
        fts5_api* api = nullptr;
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr);
        sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(st);
        sqlite3_finalize(st);
        void* context = nullptr;
        if (api && api->xFindTokenizer(api, name, &context, &m_module) == SQLITE_OK)
            m_module.xCreate(context, arguments.data(), static_cast<int>(arguments.size()),
                             &m_instance);
    }
    ~TokenizerRun()
    {
        if (m_instance)
            m_module.xDelete(m_instance);
    }
    TokenizerRun(const TokenizerRun&) = delete;
    TokenizerRun& operator=(const TokenizerRun&) = delete;

    bool isValid() const { return m_instance != nullptr; }

    // The tokens until the callback has taken `stopAfter` and answers SQLITE_DONE, as FTS5
    // may; an error code as a last token.
    QList<Token> tokens(const QByteArray& text, int flags, int stopAfter = -1) const
    {
        Collected out{{}, stopAfter};
        const int rc = m_module.xTokenize(m_instance, &out, flags, text.constData(),
                                          static_cast<int>(text.size()), &onToken);
        if (rc != SQLITE_OK)
            out.tokens << Token{"<error>", rc, rc};
        return out.tokens;
    }

private:
    struct Collected
    {
        QList<Token> tokens;
        int stopAfter;
    };

    static int onToken(void* out, int, const char* token, int length, int start, int end)
    {
        auto* collected = static_cast<Collected*>(out);
        if (collected->tokens.size() == collected->stopAfter)
            collected->tokens << Token{"<called after a stop>", start, end};
        collected->tokens.append({QByteArray(token, length), start, end});
        return collected->tokens.size() == collected->stopAfter ? SQLITE_DONE : SQLITE_OK;
    }

    fts5_tokenizer m_module{};
    Fts5Tokenizer* m_instance = nullptr;
};

QSet<QByteArray> textsOf(const QList<Token>& tokens)
{
    QSet<QByteArray> set;
    for (const Token& token : tokens)
        set.insert(token.text);
    return set;
}

// Texts over words that differ in case, accents, script and length (across the 8-byte chunks
// and 64-byte blocks the tokenizer reads), with ASCII and non-ASCII separators between them.
QByteArray randomText(QRandomGenerator& random)
{
    static const QByteArrayList words = {
        "a", "I", "refund", "Refund", "REFUNDS", "x2", "2X", "0", "1234567", "12345678",
        "abcdefghi", "ABCDEFGHIJKLMNOP", "abcdefghijklmnopq",
        QByteArray("Supercalifragilisticexpialidocious").repeated(3), "café", "Cafe", "CAFÉ",
        "naïve", "naive", "Über", "uber", "日本語", "テキスト", "año", "ANO", "Ørsted", "orsted",
        "e\u0301t\u00e9", "été", "c\u0327a", "a\u0331b", "a\u0332b", "мой", "МОЙ", "ά", "α", "नमस्ते",
        "สวัสดี", "łódź", "ǆ", "İstanbul", "Ⱥb", "K\u212a", "數据", "x\U0001D400y",
        // Not valid UTF-8: unicode61 reads it its own way, and must be followed.
        "ab\xC3", "\xE2x", "\x80\x80z"};
    static const QByteArrayList separators = {" ",
                                              " ",
                                              " ",
                                              ", ",
                                              ".",
                                              "\n",
                                              "\t",
                                              "'",
                                              "-",
                                              "_",
                                              "—",
                                              "’",
                                              "\u00a0",
                                              "\u3000",
                                              "\U0001F642",
                                              "✅",
                                              QByteArray(1, '\0'),
                                              "\x7f",
                                              "~!@#$%^&*()"};
    QByteArray text;
    const int count = random.bounded(200);
    for (int i = 0; i < count; ++i) {
        if (random.bounded(3) != 0 && i > 0)
            text += separators[random.bounded(separators.size())];
        else
            text += ' ';
        text += words[random.bounded(words.size())];
    }
    return text;
}

} // namespace

class TestSearchTokenizer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Database> m_db;

    // Each term of an fts5vocab 'row' table with the number of rows that hold it.
    QList<QPair<QByteArray, qint64>> terms(const char* vocabulary) const
    {
        QList<QPair<QByteArray, qint64>> out;
        Statement st =
            m_db->prepare("SELECT term, doc FROM " + std::string(vocabulary) + " ORDER BY term");
        while (st.step()) {
            const std::string_view term = st.utf8(0);
            out.append({QByteArray(term.data(), qsizetype(term.size())), st.int64(1)});
        }
        return out;
    }

    void compareWithUnicode61(const QByteArray& text)
    {
        const TokenizerRun ours(m_db->handle(), kSearchTokenizer, {});
        const TokenizerRun reference(m_db->handle(), "unicode61", {"remove_diacritics", "2"});
        QVERIFY(ours.isValid() && reference.isValid());
        const QList<Token> document = ours.tokens(text, FTS5_TOKENIZE_DOCUMENT);
        const QList<Token> expected = reference.tokens(text, FTS5_TOKENIZE_DOCUMENT);
        // The same tokens, each once.
        QCOMPARE(textsOf(document), textsOf(expected));
        // Each where unicode61 found it first. (A token of over 65,535 bytes is given each
        // time: FTS5 keeps it once all the same.)
        if (text.size() >= 65536)
            return;
        QCOMPARE(qsizetype(textsOf(document).size()), document.size());
        for (const Token& token : document) {
            const auto first = std::find_if(expected.begin(), expected.end(),
                                            [&](const Token& t) { return t.text == token.text; });
            QVERIFY(first != expected.end());
            QCOMPARE(token, *first);
        }
        // Queries are unicode61's own.
        QCOMPARE(ours.tokens(text, FTS5_TOKENIZE_QUERY),
                 reference.tokens(text, FTS5_TOKENIZE_QUERY));
    }

private Q_SLOTS:
    void init()
    {
        auto db = Database::open(QStringLiteral(":memory:"));
        QVERIFY(db);
        m_db = std::move(*db);
    }

    void givesEachOfUnicode61sTokensOnce_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("separators only") << QByteArray(" ,.— \n");
        QTest::newRow("case") << QByteArray("Hello hello HELLO hElLo");
        QTest::newRow("accents") << QByteArray("Café cafe CAFÉ cafe\u0301");
        QTest::newRow("contraction") << QByteArray("don't DON'T won’t");
        QTest::newRow("underscore") << QByteArray("snake_case_name");
        QTest::newRow("digits") << QByteArray("0 00 007 1e10 2X 2x");
        QTest::newRow("cjk") << QByteArray("東京 数据东京");
        QTest::newRow("emoji between") << QByteArray("ok🙂ok✅OK");
        QTest::newRow("no-break space") << QByteArray("one\u00a0two");
        QTest::newRow("nul inside") << QByteArray("left\0right left", 15);
        QTest::newRow("long word")
            << QByteArray("Abcdefgh").repeated(40) + " x " + QByteArray("abcdefgh").repeated(40);
        QTest::newRow("word across 64 bytes")
            << QByteArray(60, ' ') + "boundary Boundary" + QByteArray(47, '.') + "BOUNDARY";
        QTest::newRow("very long word") << QByteArray(70000, 'x') + " y " + QByteArray(70000, 'X');
        QTest::newRow("last byte") << QByteArray(63, ' ') + "z";
        // More distinct tokens than the table starts with room for: it grows.
        QByteArray pairs;
        for (char a = 'a'; a <= 'z'; ++a)
            for (char b = 'a'; b <= 'z'; ++b) {
                const char pair[] = {a, b, ' ', a, char(b - 32), ' '};
                pairs += QByteArray(pair, sizeof pair);
            }
        QTest::newRow("many short") << pairs;
    }

    void givesEachOfUnicode61sTokensOnce()
    {
        QFETCH(QByteArray, text);
        compareWithUnicode61(text);
    }

    void randomTextsAgree()
    {
        QRandomGenerator random(10);
        for (int i = 0; i < 1500; ++i) {
            compareWithUnicode61(randomText(random));
            if (QTest::currentTestFailed()) {
                qWarning("text %d of the sequence", i);
                return;
            }
        }
    }

    // Built with either tokenizer, the index holds the same terms for the same rows, passes
    // FTS5's own check, and loses a row's terms when the row is deleted.
    void indexHoldsWhatUnicode61sWould()
    {
        QVERIFY(m_db->execute(
            "CREATE VIRTUAL TABLE ours USING fts5(prompt, response, "
            "tokenize = 'overrule_words', detail = none);"
            "CREATE VIRTUAL TABLE reference USING fts5(prompt, response, "
            "tokenize = 'unicode61 remove_diacritics 2', detail = none);"
            "CREATE VIRTUAL TABLE ours_terms USING fts5vocab(ours, 'row');"
            "CREATE VIRTUAL TABLE reference_terms USING fts5vocab(reference, 'row');"));
        QRandomGenerator random(11);
        for (int i = 1; i <= 400; ++i) {
            const QByteArray prompt = randomText(random);
            const QByteArray response = randomText(random);
            for (const char* table : {"ours", "reference"}) {
                Statement insert = m_db->prepare("INSERT INTO " + std::string(table) +
                                                 "(rowid, prompt, response) VALUES (?, ?, ?)");
                insert.bind(1, std::int64_t(i))
                    .bind(2, std::string_view(prompt.constData(), prompt.size()))
                    .bind(3, std::string_view(response.constData(), response.size()));
                QVERIFY(insert.exec());
            }
        }
        const auto check = [&] {
            const auto expected = terms("reference_terms");
            QVERIFY(expected.size() > 50);
            QCOMPARE(terms("ours_terms"), expected);
            QVERIFY(m_db->execute("INSERT INTO ours(ours) VALUES ('integrity-check')"));
        };
        check();
        QVERIFY(m_db->execute("DELETE FROM ours WHERE rowid % 3 = 0;"
                              "DELETE FROM reference WHERE rowid % 3 = 0;"));
        check();
    }

    // The index's own shape: one text per item, no content, no column sizes, rows deleted by
    // giving their text again.
    void contentlessIndexHoldsWhatUnicode61sWould()
    {
        QVERIFY(m_db->execute(
            "CREATE VIRTUAL TABLE ours USING fts5(text, content = '', tokenize = "
            "'overrule_words', detail = none, columnsize = 0);"
            "CREATE VIRTUAL TABLE reference USING fts5(text, content = '', tokenize = "
            "'unicode61 remove_diacritics 2', detail = none, columnsize = 0);"
            "CREATE VIRTUAL TABLE ours_terms USING fts5vocab(ours, 'row');"
            "CREATE VIRTUAL TABLE reference_terms USING fts5vocab(reference, 'row');"
            "CREATE TABLE texts(id INTEGER PRIMARY KEY, text TEXT);"));
        QRandomGenerator random(12);
        for (int i = 1; i <= 300; ++i) {
            const QByteArray text = randomText(random) + '\n' + randomText(random);
            Statement insert = m_db->prepare("INSERT INTO texts(id, text) VALUES (?, ?)");
            insert.bind(1, std::int64_t(i))
                .bind(2, std::string_view(text.constData(), text.size()));
            QVERIFY(insert.exec());
        }
        QVERIFY(m_db->execute("INSERT INTO ours(rowid, text) SELECT id, text FROM texts;"
                              "INSERT INTO reference(rowid, text) SELECT id, text FROM texts;"));
        QVERIFY(terms("reference_terms").size() > 50);
        QCOMPARE(terms("ours_terms"), terms("reference_terms"));
        QVERIFY(m_db->execute("INSERT INTO ours(ours, rowid, text) SELECT 'delete', id, text "
                              "FROM texts WHERE id % 3 = 0;"
                              "INSERT INTO reference(reference, rowid, text) SELECT 'delete', id, "
                              "text FROM texts WHERE id % 3 = 0;"));
        QCOMPARE(terms("ours_terms"), terms("reference_terms"));
        QVERIFY(m_db->execute("INSERT INTO ours(ours) VALUES ('integrity-check')"));
    }

    // FTS5 may stop a tokenizer by answering SQLITE_DONE: no token comes after, and the
    // tokenizer answers SQLITE_OK, as unicode61 does.
    void stopsWhenAsked_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("ascii") << QByteArray("one two three four");
        QTest::newRow("stop inside unicode61's stretch") << QByteArray("one café—été—naïve four");
        QTest::newRow("stop before unicode61's stretch") << QByteArray("one two café—été four");
    }

    void stopsWhenAsked()
    {
        QFETCH(QByteArray, text);
        const TokenizerRun ours(m_db->handle(), kSearchTokenizer, {});
        QVERIFY(ours.isValid());
        const QList<Token> tokens = ours.tokens(text, FTS5_TOKENIZE_DOCUMENT, 2);
        QCOMPARE(tokens.size(), 2);
        QCOMPARE(tokens[0].text, QByteArray("one"));
    }

    void takesNoArguments()
    {
        QVERIFY(!m_db->execute("CREATE VIRTUAL TABLE t USING fts5(body, "
                               "tokenize = 'overrule_words remove_diacritics 0')"));
    }
};

QTEST_GUILESS_MAIN(TestSearchTokenizer)
#include "tst_searchtokenizer.moc"
