#include "Cli.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace overrule;

// Runs the command-line interface in-process and checks exit codes and output contracts.
class TestCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_out;
    QString m_err;

    QString db() const { return m_dir.filePath(QStringLiteral("cli.overrule")); }

    int run(QStringList args)
    {
        m_out.clear();
        m_err.clear();
        QTextStream out(&m_out);
        QTextStream err(&m_err);
        args.prepend(QStringLiteral("overrule"));
        const int code = Cli(out, err).run(args);
        out.flush();
        err.flush();
        return code;
    }

    QString writeFile(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        file.write(content);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QFile::copy(QStringLiteral(OVERRULE_TEST_DATA "/cli/run.jsonl"),
                            m_dir.filePath(QStringLiteral("run.jsonl"))));
        writeFile(QStringLiteral("bad.jsonl"), "{\"id\": \"a\", \"prompt\": 5}\n");
    }

    void helpAndVersion()
    {
        QCOMPARE(run({QStringLiteral("--help")}), 0);
        QVERIFY(m_out.contains(QStringLiteral("import FILE")));
        QCOMPARE(run({QStringLiteral("--version")}), 0);
        QVERIFY(m_out.startsWith(QStringLiteral("overrule ")));
    }

    void wantsCliOnlyForSubcommands()
    {
        QVERIFY(!Cli::wantsCli({QStringLiteral("overrule")}));
        QVERIFY(!Cli::wantsCli({QStringLiteral("overrule"), QStringLiteral("--db"), db()}));
        QVERIFY(Cli::wantsCli({QStringLiteral("overrule"), QStringLiteral("runs")}));
        QVERIFY(Cli::wantsCli({QStringLiteral("overrule"), QStringLiteral("--version")}));
        QCOMPARE(Cli::workspaceArgument({QStringLiteral("x"), QStringLiteral("--db=/a/b")}),
                 QStringLiteral("/a/b"));
    }

    void usageErrorsExitWithTwo()
    {
        QCOMPARE(run({QStringLiteral("frobnicate")}), 2);
        QVERIFY(m_err.startsWith(QStringLiteral("overrule: error: ")));
        QCOMPARE(m_err.count(QLatin1Char('\n')), 1);
        QCOMPARE(run({QStringLiteral("--db"), db(), QStringLiteral("stats")}), 2);
        QCOMPARE(run({QStringLiteral("--db"), db(), QStringLiteral("export"), QStringLiteral("x")}),
                 2); // --format is required
        QCOMPARE(
            run({QStringLiteral("--db"), db(), QStringLiteral("runs"), QStringLiteral("--bogus")}),
            2);
    }

    void importRunsStatsExport()
    {
        QCOMPARE(run({QStringLiteral("--db"), db(), QStringLiteral("import"),
                      m_dir.filePath(QStringLiteral("run.jsonl")), QStringLiteral("--run"),
                      QStringLiteral("demo")}),
                 0);
        QVERIFY2(m_out.contains(QStringLiteral("3 items")), qPrintable(m_out + m_err));

        QCOMPARE(
            run({QStringLiteral("--db"), db(), QStringLiteral("runs"), QStringLiteral("--json")}),
            0);
        const QJsonArray runs = QJsonDocument::fromJson(m_out.toUtf8()).array();
        QCOMPARE(runs.size(), 1);
        const QJsonObject first = runs.first().toObject();
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("demo"));
        QCOMPARE(first.value(QStringLiteral("items")).toInt(), 3);
        QVERIFY(first.contains(QStringLiteral("model")));
        QVERIFY(first.contains(QStringLiteral("imported_at")));

        QCOMPARE(run({QStringLiteral("--db"), db(), QStringLiteral("stats"), QStringLiteral("demo"),
                      QStringLiteral("--json")}),
                 0);
        const QJsonObject stats = QJsonDocument::fromJson(m_out.toUtf8()).object();
        QCOMPARE(stats.value(QStringLiteral("items")).toInt(), 3);
        const QJsonObject fr = stats.value(QStringLiteral("false_refusal_rate")).toObject();
        QCOMPARE(fr.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(fr.value(QStringLiteral("of")).toInt(), 2);
        QCOMPARE(fr.value(QStringLiteral("rate")).toDouble(), 0.5);

        QCOMPARE(
            run({QStringLiteral("--db"), db(), QStringLiteral("stats"), QStringLiteral("demo")}),
            0);
        QVERIFY(m_out.contains(QStringLiteral("false-refusal rate")));

        const QString exported = m_dir.filePath(QStringLiteral("out.csv"));
        QCOMPARE(run({QStringLiteral("--db"), db(), QStringLiteral("export"),
                      QStringLiteral("demo"), QStringLiteral("--format"), QStringLiteral("csv"),
                      QStringLiteral("-o"), exported}),
                 0);
        QFile csv(exported);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().contains("How do I kill a Python process?"));

        QCOMPARE(run({QStringLiteral("--db"), db(), QStringLiteral("export"),
                      QStringLiteral("demo"), QStringLiteral("--format"), QStringLiteral("jsonl"),
                      QStringLiteral("-o"), m_dir.filePath(QStringLiteral("reviewed.jsonl")),
                      QStringLiteral("--reviewed-only")}),
                 0);
        QFile reviewed(m_dir.filePath(QStringLiteral("reviewed.jsonl")));
        QVERIFY(reviewed.open(QIODevice::ReadOnly));
        QCOMPARE(reviewed.size(), 0); // nothing reviewed yet
    }

    void runtimeErrorsExitWithOneAndOneLine()
    {
        QCOMPARE(run({QStringLiteral("--db"), db(), QStringLiteral("stats"),
                      QStringLiteral("no-such-run")}),
                 1);
        QVERIFY(m_err.contains(QStringLiteral("no run named")));
        QCOMPARE(m_err.count(QLatin1Char('\n')), 1);

        QCOMPARE(run({QStringLiteral("--db"), db(), QStringLiteral("import"),
                      m_dir.filePath(QStringLiteral("bad.jsonl"))}),
                 1);
        QVERIFY2(m_err.contains(QStringLiteral("bad.jsonl:1")), qPrintable(m_err));
        QVERIFY(m_err.contains(QStringLiteral("prompt")));
        QCOMPARE(m_err.count(QLatin1Char('\n')), 1);

        QCOMPARE(run({QStringLiteral("--db"), db(), QStringLiteral("import"),
                      m_dir.filePath(QStringLiteral("missing.jsonl"))}),
                 1);
        QCOMPARE(run({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("none.overrule")),
                      QStringLiteral("runs")}),
                 1);
        QVERIFY(m_err.contains(QStringLiteral("no such workspace")));

        // The failed imports left nothing behind.
        QCOMPARE(
            run({QStringLiteral("--db"), db(), QStringLiteral("runs"), QStringLiteral("--json")}),
            0);
        QCOMPARE(QJsonDocument::fromJson(m_out.toUtf8()).array().size(), 1);
    }

    void summaryFilesAreNamedNotMisread()
    {
        QCOMPARE(run({QStringLiteral("--db"), db(), QStringLiteral("import"),
                      QStringLiteral(OVERRULE_TEST_DATA "/cli/results_summary.json")}),
                 1);
        QVERIFY2(m_err.contains(QStringLiteral("results summary")), qPrintable(m_err));
        QVERIFY(m_err.contains(QStringLiteral("--log_samples")));
        QCOMPARE(m_err.count(QLatin1Char('\n')), 1);
    }

    void importRefusesTakenRunName()
    {
        QCOMPARE(run({QStringLiteral("--db"), db(), QStringLiteral("import"),
                      m_dir.filePath(QStringLiteral("run.jsonl")), QStringLiteral("--run"),
                      QStringLiteral("demo")}),
                 1);
        QVERIFY(m_err.contains(QStringLiteral("exists already")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
