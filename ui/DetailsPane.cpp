#include "DetailsPane.h"

#include "LabelHistoryView.h"
#include "OutcomeStyle.h"
#include "SearchIndex.h"
#include "SearchMatches.h"

#include <QColor>
#include <QGridLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QVBoxLayout>

namespace overrule {
namespace {

// A multi-megabyte response would stall the editor's layout; the reviewer needs the start.
constexpr qsizetype kMaxShownChars = 1 << 20;

QString capped(const QString& text)
{
    if (text.size() <= kMaxShownChars)
        return text;
    return text.left(kMaxShownChars) + DetailsPane::tr("\n\n[… %1 more characters not shown]")
                                           .arg(QLocale().toString(text.size() - kMaxShownChars));
}

QLabel* valueLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // names and ids come from files: never rich text
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    return label;
}

QLabel* keyLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setAlignment(Qt::AlignRight | Qt::AlignTop);
    return label;
}

QString prettyJson(const QString& json)
{
    if (json.trimmed().isEmpty())
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (doc.isNull())
        return json;
    if (doc.isObject() && doc.object().isEmpty())
        return {};
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

// The chat as a transcript; non-text content parts are shown as their JSON.
QString transcript(const QString& messagesJson)
{
    const QJsonDocument doc = QJsonDocument::fromJson(messagesJson.toUtf8());
    if (!doc.isArray())
        return prettyJson(messagesJson);
    QStringList turns;
    for (const QJsonValue& value : doc.array()) {
        const QJsonObject message = value.toObject();
        const QJsonValue content = message.value(QStringLiteral("content"));
        QString text;
        if (content.isString()) {
            text = content.toString();
        } else if (content.isArray()) {
            QStringList parts;
            for (const QJsonValue& part : content.toArray()) {
                const QJsonObject object = part.toObject();
                parts << (object.value(QStringLiteral("text")).isString()
                              ? object.value(QStringLiteral("text")).toString()
                              : QString::fromUtf8(
                                    QJsonDocument(object).toJson(QJsonDocument::Compact)));
            }
            text = parts.join(QLatin1Char('\n'));
        }
        turns << QStringLiteral("── %1 ──\n%2")
                     .arg(message.value(QStringLiteral("role")).toString(), text);
    }
    return turns.join(QStringLiteral("\n\n"));
}

QPlainTextEdit* readOnlyText(QWidget* parent)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Reviewing is driven from the table; clicking in a text to copy must not steal the keys.
    edit->setFocusPolicy(Qt::ClickFocus);
    return edit;
}

} // namespace

DetailsPane::DetailsPane(const Database& db, QWidget* parent)
    : QWidget(parent), m_store(db), m_title(new QLabel(this)), m_verdict(valueLabel(this)),
      m_category(valueLabel(this)), m_score(valueLabel(this)), m_intent(valueLabel(this)),
      m_model(valueLabel(this)), m_review(valueLabel(this)), m_reviewDetail(valueLabel(this)),
      m_splitter(new QSplitter(Qt::Vertical, this)), m_prompt(readOnlyText(this)),
      m_response(readOnlyText(this)), m_tabs(new QTabWidget(this)),
      m_history(new LabelHistoryView(this)), m_metadata(readOnlyText(this)),
      m_messages(readOnlyText(this))
{
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    QFont reviewFont = m_review->font();
    reviewFont.setBold(true);
    m_review->setFont(reviewFont);

    auto* facts = new QGridLayout;
    facts->setHorizontalSpacing(8);
    facts->setVerticalSpacing(2);
    facts->addWidget(keyLabel(tr("Verdict"), this), 0, 0);
    facts->addWidget(m_verdict, 0, 1);
    facts->addWidget(keyLabel(tr("Score"), this), 0, 2);
    facts->addWidget(m_score, 0, 3);
    facts->addWidget(keyLabel(tr("Category"), this), 1, 0);
    facts->addWidget(m_category, 1, 1);
    facts->addWidget(keyLabel(tr("Intent"), this), 1, 2);
    facts->addWidget(m_intent, 1, 3);
    facts->addWidget(keyLabel(tr("Model"), this), 2, 0);
    facts->addWidget(m_model, 2, 1, 1, 3);
    facts->addWidget(keyLabel(tr("Review"), this), 3, 0);
    facts->addWidget(m_review, 3, 1, 1, 3);
    facts->addWidget(m_reviewDetail, 4, 1, 1, 3);
    facts->setColumnStretch(1, 3);
    facts->setColumnStretch(3, 2);

    m_metadata->setPlaceholderText(tr("No metadata."));
    m_messages->setPlaceholderText(tr("The item has no chat messages."));
    m_tabs->addTab(m_history, tr("History"));
    m_tabs->addTab(m_metadata, tr("Metadata"));
    m_tabs->addTab(m_messages, tr("Messages"));
    m_tabs->setDocumentMode(true);

    m_splitter->addWidget(makeTextBox(tr("Prompt"), m_prompt));
    m_splitter->addWidget(makeTextBox(tr("Response"), m_response));
    m_splitter->addWidget(m_tabs);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addLayout(facts);
    layout->addWidget(m_splitter, 1);
    showItem(0);
}

QWidget* DetailsPane::makeTextBox(const QString& title, QPlainTextEdit* edit)
{
    auto* box = new QWidget(this);
    auto* label = new QLabel(title, box);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(label);
    layout->addWidget(edit, 1);
    return box;
}

void DetailsPane::showItem(std::int64_t itemId)
{
    m_itemId = itemId;
    m_details.reset();
    if (itemId == 0) {
        showMessage(m_emptyMessage.isEmpty() ? tr("No item selected") : m_emptyMessage);
        return;
    }
    auto read = m_store.details(itemId);
    if (!read) {
        showMessage(tr("Cannot read item %1: %2").arg(itemId).arg(read.error().toString()));
        return;
    }
    m_details = std::move(read).value();
    showDetails(*m_details);
}

void DetailsPane::setEmptyMessage(const QString& message)
{
    m_emptyMessage = message;
    if (m_itemId == 0)
        showItem(0);
}

void DetailsPane::refresh()
{
    // Keep the reader's place in long texts across a re-read.
    const int promptScroll = m_prompt->verticalScrollBar()->value();
    const int responseScroll = m_response->verticalScrollBar()->value();
    showItem(m_itemId);
    m_prompt->verticalScrollBar()->setValue(promptScroll);
    m_response->verticalScrollBar()->setValue(responseScroll);
}

void DetailsPane::showMessage(const QString& message)
{
    m_title->setText(message);
    for (QLabel* label :
         {m_verdict, m_category, m_score, m_intent, m_model, m_review, m_reviewDetail})
        label->clear();
    m_prompt->clear();
    m_response->clear();
    // With no item there is no empty text to point out, nor a previous item's history count.
    m_prompt->setPlaceholderText(QString());
    m_response->setPlaceholderText(QString());
    m_metadata->clear();
    m_messages->clear();
    m_history->setHistory({});
    m_tabs->setTabText(0, tr("History"));
    setEnabled(false);
}

void DetailsPane::showDetails(const ItemDetails& item)
{
    setEnabled(true);
    m_title->setText(
        item.duplicateOf
            ? tr("Item %1  · same prompt as %2").arg(item.externalId, item.duplicateOfExternalId)
            : tr("Item %1").arg(item.externalId));
    m_title->setToolTip(tr("Row %1 of the run's file · database id %2").arg(item.seq).arg(item.id));

    QString verdict = displayName(item.verdict);
    if (!item.verdictRaw.isEmpty() && item.verdictRaw != toString(item.verdict))
        verdict += tr("  (file: “%1”)").arg(item.verdictRaw);
    if (item.verdictSource == VerdictSource::Heuristic)
        verdict += tr("  · heuristic");
    m_verdict->setText(verdict);
    m_category->setText(item.categoryName.isEmpty() ? tr("—") : item.categoryName);
    m_score->setText(item.score ? QString::number(*item.score, 'f', 3) : tr("—"));
    m_intent->setText(displayName(item.intent));
    m_intent->setToolTip(tr("Whether the prompt should be answered, as the run's file says"));
    m_model->setText(item.model.isEmpty() ? tr("—") : item.model);

    QPalette palette = m_review->palette();
    if (item.currentLabel) {
        const Label& label = *item.currentLabel;
        m_review->setText(displayName(label.outcome));
        palette.setColor(QPalette::WindowText, outcomeColor(label.outcome));
        QStringList detail;
        detail << tr("%1, %2 · by %3, %4")
                      .arg(displayName(label.decision.behaviour),
                           displayName(label.decision.intent).toLower(), label.reviewer,
                           shortLocalTime(label.createdAt));
        if (!label.categoryName.isEmpty())
            detail << tr("Category: %1").arg(label.categoryName);
        if (!label.culpritName.isEmpty())
            detail << tr("Culprit: %1").arg(label.culpritName);
        if (!label.decision.note.isEmpty())
            detail << tr("Note: %1").arg(label.decision.note);
        m_reviewDetail->setText(detail.join(QLatin1Char('\n')));
    } else {
        m_review->setText(tr("Unreviewed"));
        palette.setColor(QPalette::WindowText,
                         m_review->parentWidget()->palette().color(QPalette::PlaceholderText));
        m_reviewDetail->setText(tr("F false refusal · R correct refusal · M missed harm · "
                                   "C correct compliance"));
    }
    m_review->setPalette(palette);

    m_prompt->setPlaceholderText(tr("(empty prompt)"));
    m_response->setPlaceholderText(tr("(empty response)"));
    m_prompt->setPlainText(capped(item.prompt));
    m_response->setPlainText(capped(item.response));
    markMatches(m_prompt);
    markMatches(m_response);
    m_metadata->setPlainText(capped(prettyJson(item.metadataJson)));
    m_messages->setPlainText(capped(transcript(item.messagesJson)));
    m_history->setHistory(item.history);
    m_tabs->setTabText(0, tr("History (%1)").arg(item.history.size()));
}

void DetailsPane::setSearch(const QString& text)
{
    const QStringList words = searchWords(text);
    if (words == m_searchWords)
        return;
    m_searchWords = words;
    if (m_details) {
        markMatches(m_prompt);
        markMatches(m_response);
    }
}

int DetailsPane::markedMatches() const
{
    return int(m_prompt->extraSelections().size() + m_response->extraSelections().size());
}

void DetailsPane::markMatches(QPlainTextEdit* edit)
{
    // Extra selections, not a change of the text's own formats: the text stays as the file
    // has it, and clearing the search clears the marks.
    if (m_searchWords.isEmpty()) {
        edit->setExtraSelections({});
        return;
    }
    QList<QTextEdit::ExtraSelection> marks;
    QTextCharFormat format;
    format.setBackground(QColor(255, 214, 102));
    format.setForeground(QColor(Qt::black));
    QTextDocument* document = edit->document();
    for (const TextSpan& span : searchMatches(edit->toPlainText(), m_searchWords)) {
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(document);
        mark.cursor.setPosition(int(span.start));
        mark.cursor.setPosition(int(span.start + span.length), QTextCursor::KeepAnchor);
        mark.format = format;
        marks.append(mark);
    }
    edit->setExtraSelections(marks);
    // Show the first match: a long response may hold it far below the top.
    QTextCursor at(document);
    if (!marks.isEmpty())
        at.setPosition(marks.first().cursor.selectionStart());
    edit->setTextCursor(at);
    edit->ensureCursorVisible();
}

QByteArray DetailsPane::saveState() const
{
    return m_splitter->saveState();
}

void DetailsPane::restoreState(const QByteArray& state)
{
    m_splitter->restoreState(state);
}

} // namespace overrule
