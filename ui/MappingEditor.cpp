#include "MappingEditor.h"

#include "ValueMapEditor.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace overrule {
namespace {
const QString kVerdict = QStringLiteral("verdict");
const QString kIntent = QStringLiteral("intent");
constexpr int kJsonTab = 2;

QString fieldLabel(const QString& key)
{
    static const QHash<QString, QString> labels = {
        {QStringLiteral("id"), QObject::tr("Id")},
        {QStringLiteral("prompt"), QObject::tr("Prompt")},
        {QStringLiteral("response"), QObject::tr("Response")},
        {QStringLiteral("messages"), QObject::tr("Chat messages")},
        {kVerdict, QObject::tr("Verdict")},
        {kIntent, QObject::tr("Intent")},
        {QStringLiteral("category"), QObject::tr("Category")},
        {QStringLiteral("score"), QObject::tr("Score")},
        {QStringLiteral("model"), QObject::tr("Model")},
    };
    return labels.value(key, key);
}
} // namespace

const QStringList& MappingEditor::editableFields()
{
    static const QStringList fields = {QStringLiteral("id"),
                                       QStringLiteral("prompt"),
                                       QStringLiteral("response"),
                                       QStringLiteral("messages"),
                                       kVerdict,
                                       kIntent,
                                       QStringLiteral("category"),
                                       QStringLiteral("score"),
                                       QStringLiteral("model")};
    return fields;
}

MappingEditor::MappingEditor(QWidget* parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_textDelay(new QTimer(this))
{
    m_tabs->addTab(buildFieldsTab(), tr("&Fields"));
    m_tabs->addTab(buildValuesTab(), tr("&Values"));
    m_tabs->addTab(buildJsonTab(), tr("&JSON"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    m_textDelay->setSingleShot(true);
    m_textDelay->setInterval(300);
    connect(m_textDelay, &QTimer::timeout, this, &MappingEditor::onTextEdited);
    showTextState();
}

QWidget* MappingEditor::buildFieldsTab()
{
    auto* page = new QWidget;
    auto* form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* hint = new QLabel(tr("Which field of the file holds each of Overrule's. Empty: the "
                               "field of the same name, or the format's own."),
                            page);
    hint->setWordWrap(true);
    form->addRow(hint);
    for (const QString& key : editableFields()) {
        auto* combo = new QComboBox(page);
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->setObjectName(QStringLiteral("field_") + key);
        combo->lineEdit()->setPlaceholderText(tr("%1 (default)").arg(key));
        combo->setMinimumContentsLength(12);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        m_combos.insert(key, combo);
        connect(combo, &QComboBox::currentTextChanged, this, [this, key] { onFieldEdited(key); });
        form->addRow(fieldLabel(key) + QLatin1Char(':'), combo);
    }
    auto* scroll = new QScrollArea;
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroll;
}

QWidget* MappingEditor::buildValuesTab()
{
    auto* page = new QWidget;
    auto* layout = new QVBoxLayout(page);
    auto* hint = new QLabel(tr("How the file's values become Overrule's. A verdict that maps to "
                               "nothing is kept as “unknown” with its raw text."),
                            page);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    const std::pair<QString, QStringList> maps[] = {
        {kVerdict,
         {QStringLiteral("full_refusal"), QStringLiteral("partial_refusal"),
          QStringLiteral("compliance")}},
        {kIntent, {QStringLiteral("benign"), QStringLiteral("harmful")}},
    };
    for (const auto& [key, choices] : maps) {
        auto* editor = new ValueMapEditor(choices, page);
        editor->setObjectName(QStringLiteral("values_") + key);
        m_valueEditors.insert(key, editor);
        connect(editor, &ValueMapEditor::changed, this, [this, k = key] { onValuesEdited(k); });
        layout->addWidget(new QLabel(tr("<b>%1</b>").arg(fieldLabel(key)), page));
        layout->addWidget(editor, 1);
    }
    return page;
}

QWidget* MappingEditor::buildJsonTab()
{
    auto* page = new QWidget;
    m_json = new QPlainTextEdit(page);
    m_json->setObjectName(QStringLiteral("mappingJson"));
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setTabChangesFocus(true);
    m_json->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_json->setPlaceholderText(
        tr("No mapping: native field names are expected. For example:\n"
           "{\"fields\": {\"response\": \"completion\", \"verdict\": \"auto_label\"},\n"
           " \"values\": {\"verdict\": {\"2_full_refusal\": \"full_refusal\"}}}"));
    m_jsonState = new QLabel(page);
    m_jsonState->setTextFormat(Qt::PlainText);
    m_jsonState->setWordWrap(true);
    m_jsonState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_json, 1);
    layout->addWidget(m_jsonState);
    connect(m_json, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_syncing)
            m_textDelay->start();
    });
    return page;
}

QString MappingEditor::text() const
{
    return m_json->toPlainText();
}

bool MappingEditor::setText(const QString& json)
{
    m_textDelay->stop();
    {
        const QSignalBlocker blocker(m_json);
        m_json->setPlainText(json);
    }
    onTextEdited();
    return isValid();
}

void MappingEditor::setSourceFields(const QStringList& fields)
{
    if (fields == m_sourceFields)
        return;
    m_sourceFields = fields;
    m_syncing = true;
    for (auto it = m_combos.begin(); it != m_combos.end(); ++it) {
        QComboBox* combo = it.value();
        const QString current = combo->currentText();
        combo->clear();
        combo->addItem(QString());
        combo->addItems(fields);
        combo->setCurrentText(current);
    }
    m_syncing = false;
}

void MappingEditor::setSeenVerdicts(const QStringList& values)
{
    m_valueEditors.value(kVerdict)->setSeenValues(values);
}

void MappingEditor::setField(const QString& key, const QString& source)
{
    if (QComboBox* combo = m_combos.value(key))
        combo->setCurrentText(source); // onFieldEdited follows
}

void MappingEditor::showJson()
{
    m_tabs->setCurrentIndex(kJsonTab);
}

void MappingEditor::showValues()
{
    m_tabs->setCurrentIndex(kJsonTab - 1);
}

void MappingEditor::onFieldEdited(const QString& key)
{
    if (m_syncing)
        return;
    const QString source = m_combos.value(key)->currentText().trimmed();
    if (m_draft.field(key) == source)
        return;
    m_draft.setField(key, source);
    refreshText();
    Q_EMIT mappingChanged();
}

void MappingEditor::onValuesEdited(const QString& key)
{
    if (m_syncing)
        return;
    const ValueMapEditor* editor = m_valueEditors.value(key);
    m_draft.setValueRows(key, editor->rows(), editor->isRegex());
    // The draft may refuse a pattern (Mapping::fromJson would): show it where the JSON is.
    if (auto checked = m_draft.mapping(); !checked)
        m_textError = checked.error().toString();
    else
        m_textError.clear();
    refreshText();
    Q_EMIT mappingChanged();
}

void MappingEditor::onTextEdited()
{
    const Status applied = m_draft.setText(m_json->toPlainText());
    if (!applied) {
        m_textError = applied.error().toString();
        showTextState();
        return;
    }
    m_textError.clear();
    refreshControls();
    showTextState();
    Q_EMIT mappingChanged();
}

void MappingEditor::refreshControls()
{
    m_syncing = true;
    for (auto it = m_combos.begin(); it != m_combos.end(); ++it) {
        if (it.value()->currentText() != m_draft.field(it.key()))
            it.value()->setCurrentText(m_draft.field(it.key()));
    }
    for (auto it = m_valueEditors.begin(); it != m_valueEditors.end(); ++it) {
        const auto rows = m_draft.valueRows(it.key());
        const bool regex = m_draft.valuesAreRegex(it.key());
        if (rows != it.value()->rows() || regex != it.value()->isRegex())
            it.value()->setRows(rows, regex);
    }
    m_syncing = false;
}

void MappingEditor::refreshText()
{
    m_syncing = true;
    m_json->setPlainText(m_draft.text());
    m_syncing = false;
    showTextState();
}

void MappingEditor::showTextState()
{
    QPalette palette = m_jsonState->palette();
    if (!m_textError.isEmpty()) {
        m_jsonState->setText(tr("Mapping error: %1").arg(m_textError));
        palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
        m_tabs->setTabText(kJsonTab, tr("&JSON (error)"));
    } else {
        m_jsonState->setText(m_draft.isEmpty()
                                 ? tr("No mapping: native field names are expected.")
                                 : tr("The mapping is valid; the controls show it too."));
        palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
        m_tabs->setTabText(kJsonTab, tr("&JSON"));
    }
    m_jsonState->setPalette(palette);
}

} // namespace overrule
