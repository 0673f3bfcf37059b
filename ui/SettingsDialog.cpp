#include "SettingsDialog.h"

#include "import/RefusalDetector.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

namespace overrule {
namespace {
QStringList nonEmptyLines(const QString& text)
{
    QStringList lines;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    }
    return lines;
}
} // namespace

SettingsDialog::SettingsDialog(QSettings& settings, QWidget* parent)
    : QDialog(parent), m_settings(settings), m_patterns(new QPlainTextEdit(this)),
      m_state(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    auto* heading = new QLabel(tr("<b>Refusal detector</b>"), this);
    auto* intro = new QLabel(
        tr("When a run has no classifier verdicts, these phrase patterns decide them (marked "
           "“heuristic”). One pattern per line:\n"
           "  start: REGEX   a full refusal when it matches at the start of the response\n"
           "  within: REGEX   a partial refusal when it matches anywhere else\n"
           "Patterns ignore case. Lines starting with # are comments. Imports started after "
           "saving use the new list."),
        this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    m_patterns->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_patterns->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_patterns->setTabChangesFocus(true);
    m_patterns->setObjectName(QStringLiteral("detectorPatterns"));
    heading->setBuddy(m_patterns);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel |
                                             QDialogButtonBox::RestoreDefaults,
                                         this);
    m_save = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            &SettingsDialog::restoreDefaults);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(intro);
    layout->addWidget(m_patterns, 1);
    layout->addWidget(m_state);
    layout->addWidget(buttons);
    resize(760, 460);

    auto* delay = new QTimer(this);
    delay->setSingleShot(true);
    delay->setInterval(250);
    connect(m_patterns, &QPlainTextEdit::textChanged, delay, qOverload<>(&QTimer::start));
    connect(delay, &QTimer::timeout, this, &SettingsDialog::validate);
    setPatterns(detectorPatterns(settings));
}

QStringList SettingsDialog::detectorPatterns(const QSettings& settings)
{
    if (!settings.contains(kPatternsKey))
        return RefusalDetector::defaultPatterns();
    return settings.value(kPatternsKey).toStringList();
}

QStringList SettingsDialog::patterns() const
{
    return nonEmptyLines(m_patterns->toPlainText());
}

void SettingsDialog::setPatterns(const QStringList& patterns)
{
    m_patterns->setPlainText(patterns.join(QLatin1Char('\n')));
    validate();
}

void SettingsDialog::restoreDefaults()
{
    setPatterns(RefusalDetector::defaultPatterns());
}

QStringList SettingsDialog::errors() const
{
    const QStringList lines = patterns();
    QStringList errors = RefusalDetector(lines).errors();
    bool anyPattern = false;
    for (const QString& line : lines)
        anyPattern = anyPattern || !line.startsWith(QLatin1Char('#'));
    if (!anyPattern)
        errors << tr("The list is empty: runs without verdicts would all read as compliance. "
                     "Restore the defaults or add a pattern.");
    return errors;
}

void SettingsDialog::validate()
{
    const QStringList problems = errors();
    QPalette palette = m_state->palette();
    if (problems.isEmpty()) {
        m_state->setText(tr("All %1 lines are valid.").arg(patterns().size()));
        palette.setColor(QPalette::WindowText, this->palette().color(QPalette::PlaceholderText));
    } else {
        m_state->setText(problems.join(QLatin1Char('\n')));
        palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    }
    m_state->setPalette(palette);
    m_save->setEnabled(problems.isEmpty());
}

void SettingsDialog::accept()
{
    validate();
    if (!errors().isEmpty())
        return;
    m_settings.setValue(kPatternsKey, patterns());
    QDialog::accept();
}

} // namespace overrule
