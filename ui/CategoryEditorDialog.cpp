#include "CategoryEditorDialog.h"

#include "Database.h"
#include "ItemStore.h"
#include "LabelHistoryView.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace overrule {
namespace {
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kVersionTextRole = Qt::UserRole + 2;

QPlainTextEdit* editor(const QString& placeholder, QWidget* parent)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return edit;
}

QString originText(const QString& origin)
{
    if (origin == QLatin1String("taxonomy"))
        return CategoryEditorDialog::tr("bundled taxonomy");
    if (origin == QLatin1String("imported"))
        return CategoryEditorDialog::tr("found in an import");
    return CategoryEditorDialog::tr("added by a reviewer");
}
} // namespace

CategoryEditorDialog::CategoryEditorDialog(const Database& db, QString author, QWidget* parent)
    : QDialog(parent), m_db(db), m_store(db), m_author(std::move(author)),
      m_filter(new QLineEdit(this)), m_list(new QListWidget(this)), m_heading(new QLabel(this)),
      m_tabs(new QTabWidget(this)),
      m_definition(editor(tr("What the category is, in one or two sentences."), this)),
      m_covers(editor(tr("What it covers: one example or rule per line."), this)),
      m_excludes(editor(tr("What it does not cover (carve-outs): one per line. Narrowing a "
                           "category that causes false refusals usually happens here."),
                        this)),
      m_rationale(new QLineEdit(this)), m_save(new QPushButton(tr("&Save as new version"), this)),
      m_saveState(new QLabel(this)), m_versions(new QTreeWidget(this)),
      m_evidence(new QTreeWidget(this))
{
    setWindowTitle(tr("Categories"));

    // Left: the categories.
    m_filter->setPlaceholderText(tr("Filter categories"));
    m_filter->setClearButtonEnabled(true);
    m_list->setUniformItemSizes(true);
    auto* add = new QPushButton(tr("&New category…"), this);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(add);

    // Right: the definition editor, the versions and the evidence.
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    m_heading->setFont(headingFont);

    m_rationale->setPlaceholderText(tr("Why this change? (required, e.g. \"refund requests were "
                                       "refused as fraud\")"));
    m_saveState->setTextFormat(Qt::PlainText);
    m_saveState->setForegroundRole(QPalette::PlaceholderText);
    auto* definitionPage = new QWidget(this);
    auto* form = new QFormLayout(definitionPage);
    form->addRow(tr("&Definition:"), m_definition);
    form->addRow(tr("C&overs:"), m_covers);
    form->addRow(tr("E&xcludes:"), m_excludes);
    form->addRow(tr("&Rationale:"), m_rationale);
    auto* saveRow = new QHBoxLayout;
    saveRow->addWidget(m_saveState, 1);
    saveRow->addWidget(m_save);
    form->addRow(saveRow);

    m_versions->setHeaderLabels({tr("Version"), tr("When"), tr("Author"), tr("Rationale")});
    m_versions->setRootIsDecorated(false);
    m_versions->setUniformRowHeights(true);
    m_versions->header()->setStretchLastSection(true);
    auto* versionsPage = new QWidget(this);
    auto* versionsLayout = new QVBoxLayout(versionsPage);
    auto* versionsHint = new QLabel(tr("Double-click a version to copy its text into the "
                                       "editor (saving it makes a new version)."),
                                    this);
    versionsHint->setForegroundRole(QPalette::PlaceholderText);
    versionsLayout->addWidget(m_versions, 1);
    versionsLayout->addWidget(versionsHint);

    m_evidence->setHeaderLabels(
        {tr("Run"), tr("Item"), tr("Reviewer"), tr("When"), tr("Note"), tr("Prompt")});
    m_evidence->setRootIsDecorated(false);
    m_evidence->setUniformRowHeights(true);
    m_evidence->setWordWrap(false);
    m_evidence->header()->setStretchLastSection(true);
    auto* evidencePage = new QWidget(this);
    auto* evidenceLayout = new QVBoxLayout(evidencePage);
    auto* evidenceHint = new QLabel(tr("False refusals whose reviewers named this category as "
                                       "the culprit. Double-click one to open it."),
                                    this);
    evidenceHint->setForegroundRole(QPalette::PlaceholderText);
    evidenceLayout->addWidget(m_evidence, 1);
    evidenceLayout->addWidget(evidenceHint);

    m_tabs->addTab(definitionPage, tr("Definition"));
    m_tabs->addTab(versionsPage, tr("Versions"));
    m_tabs->addTab(evidencePage, tr("Evidence"));
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_heading);
    rightLayout->addWidget(m_tabs, 1);

    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 660});
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(960, 640);

    connect(buttons, &QDialogButtonBox::rejected, this, &CategoryEditorDialog::reject);
    connect(add, &QPushButton::clicked, this, &CategoryEditorDialog::newCategory);
    connect(m_filter, &QLineEdit::textChanged, this, &CategoryEditorDialog::applyListFilter);
    connect(m_list, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem* current, QListWidgetItem* previous) {
                if (m_switching || !current)
                    return;
                const std::int64_t id = current->data(kIdRole).toLongLong();
                if (id == m_categoryId)
                    return;
                if (!confirmDiscard()) {
                    const QSignalBlocker blocker(m_list);
                    m_list->setCurrentItem(previous);
                    return;
                }
                showCategory(id);
            });
    for (QPlainTextEdit* edit : {m_definition, m_covers, m_excludes})
        connect(edit, &QPlainTextEdit::textChanged, this, &CategoryEditorDialog::updateSaveState);
    connect(m_rationale, &QLineEdit::textChanged, this, &CategoryEditorDialog::updateSaveState);
    connect(m_save, &QPushButton::clicked, this, &CategoryEditorDialog::saveVersion);
    connect(m_versions, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* row) {
        const QStringList text = row->data(0, kVersionTextRole).toStringList();
        if (text.size() != 3)
            return;
        m_definition->setPlainText(text[0]);
        m_covers->setPlainText(text[1]);
        m_excludes->setPlainText(text[2]);
        m_rationale->setText(tr("Back to version %1").arg(row->text(0)));
        m_tabs->setCurrentIndex(0);
    });
    connect(m_evidence, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* row) {
        Q_EMIT itemRequested(row->data(0, kIdRole).toLongLong());
    });

    reloadList(std::nullopt);
}

void CategoryEditorDialog::reloadList(std::optional<std::int64_t> select)
{
    auto categories = m_store.list();
    if (!categories) {
        m_heading->setText(
            tr("The categories could not be read: %1").arg(categories.error().toString()));
        return;
    }
    m_switching = true;
    m_list->clear();
    QListWidgetItem* selected = nullptr;
    for (const Category& category : *categories) {
        auto* row = new QListWidgetItem(category.name, m_list);
        row->setData(kIdRole, QVariant::fromValue<qint64>(category.id));
        row->setToolTip(category.current.definition);
        if ((select && *select == category.id) || (!select && !selected))
            selected = row;
    }
    m_switching = false;
    applyListFilter();
    if (selected) {
        m_list->setCurrentItem(selected);
        showCategory(selected->data(kIdRole).toLongLong());
    } else {
        m_heading->setText(tr("No categories yet."));
        m_tabs->setEnabled(false);
    }
}

void CategoryEditorDialog::applyListFilter()
{
    const QString needle = m_filter->text().trimmed();
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* item = m_list->item(row);
        item->setHidden(!needle.isEmpty() && !item->text().contains(needle, Qt::CaseInsensitive));
    }
}

bool CategoryEditorDialog::selectCategory(std::int64_t categoryId)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(kIdRole).toLongLong() == categoryId) {
            m_list->setCurrentRow(row);
            return m_categoryId == categoryId;
        }
    }
    return false;
}

void CategoryEditorDialog::showCategory(std::int64_t categoryId)
{
    auto found = m_store.find(categoryId);
    if (!found || !found->has_value()) {
        m_heading->setText(
            found ? tr("The category no longer exists.")
                  : tr("The category could not be read: %1").arg(found.error().toString()));
        m_tabs->setEnabled(false);
        return;
    }
    m_categoryId = categoryId;
    m_category = **found;
    const CategoryDefinition& current = m_category->current;
    m_tabs->setEnabled(true);
    m_heading->setText(current.version > 0
                           ? tr("%1  ·  version %2 (%3)")
                                 .arg(m_category->name)
                                 .arg(current.version)
                                 .arg(originText(m_category->origin))
                           : tr("%1  ·  no definition yet (%2)")
                                 .arg(m_category->name, originText(m_category->origin)));
    m_definition->setPlainText(current.definition);
    m_covers->setPlainText(current.covers);
    m_excludes->setPlainText(current.excludes);
    m_rationale->clear();
    loadVersions();
    loadEvidence();
    updateSaveState();
}

void CategoryEditorDialog::loadVersions()
{
    m_versions->clear();
    auto versions = m_store.versions(m_categoryId);
    if (!versions) {
        new QTreeWidgetItem(m_versions,
                            {QString(), QString(), QString(), versions.error().toString()});
        return;
    }
    for (const CategoryDefinition& version : *versions) {
        auto* row = new QTreeWidgetItem(m_versions, {QString::number(version.version),
                                                     shortLocalTime(version.createdAt),
                                                     version.author, version.rationale});
        row->setData(0, kVersionTextRole,
                     QStringList{version.definition, version.covers, version.excludes});
        row->setToolTip(3, version.rationale);
    }
    for (int c = 0; c < 3; ++c)
        m_versions->resizeColumnToContents(c);
    m_tabs->setTabText(1, tr("Versions (%1)").arg(versions->size()));
}

void CategoryEditorDialog::loadEvidence()
{
    m_evidence->clear();
    auto evidence = ItemStore(m_db).culpritEvidence(m_categoryId);
    if (!evidence) {
        new QTreeWidgetItem(m_evidence, {evidence.error().toString()});
        m_tabs->setTabText(2, tr("Evidence"));
        return;
    }
    for (const CulpritEvidence& entry : *evidence) {
        QString excerpt = entry.excerpt;
        excerpt.replace(QLatin1Char('\n'), QLatin1Char(' '));
        auto* row =
            new QTreeWidgetItem(m_evidence, {entry.runName, entry.externalId, entry.reviewer,
                                             shortLocalTime(entry.createdAt), entry.note, excerpt});
        row->setData(0, kIdRole, QVariant::fromValue<qint64>(entry.itemId));
        row->setToolTip(4, entry.note);
        row->setToolTip(5, entry.excerpt);
    }
    for (int c = 0; c < 4; ++c)
        m_evidence->resizeColumnToContents(c);
    m_tabs->setTabText(2, tr("Evidence (%1)").arg(evidence->size()));
}

bool CategoryEditorDialog::isDirty() const
{
    if (!m_category)
        return false;
    const CategoryDefinition& current = m_category->current;
    return m_definition->toPlainText() != current.definition ||
           m_covers->toPlainText() != current.covers ||
           m_excludes->toPlainText() != current.excludes;
}

void CategoryEditorDialog::updateSaveState()
{
    const bool dirty = isDirty();
    const bool hasRationale = !m_rationale->text().trimmed().isEmpty();
    m_save->setEnabled(dirty && hasRationale);
    if (!dirty)
        m_saveState->setText(tr("No changes."));
    else if (!hasRationale)
        m_saveState->setText(tr("Write a rationale to save."));
    else
        m_saveState->setText(
            tr("Saving makes version %1.").arg(m_category ? m_category->current.version + 1 : 1));
}

bool CategoryEditorDialog::saveVersion()
{
    if (!m_category || !isDirty() || m_rationale->text().trimmed().isEmpty())
        return false;
    CategoryDefinition draft;
    draft.definition = m_definition->toPlainText().trimmed();
    draft.covers = m_covers->toPlainText().trimmed();
    draft.excludes = m_excludes->toPlainText().trimmed();
    draft.rationale = m_rationale->text().trimmed();
    draft.author = m_author;
    auto saved = m_store.addVersion(m_categoryId, draft);
    if (!saved) {
        QMessageBox::warning(
            this, tr("Categories"),
            tr("The new version could not be saved.\n\n%1").arg(saved.error().toString()));
        return false;
    }
    reloadList(m_categoryId);
    Q_EMIT categoriesChanged();
    return true;
}

bool CategoryEditorDialog::confirmDiscard()
{
    if (!isDirty())
        return true;
    return QMessageBox::question(this, tr("Categories"),
                                 tr("Discard the unsaved changes to “%1”?").arg(m_category->name),
                                 QMessageBox::Discard | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Discard;
}

void CategoryEditorDialog::newCategory()
{
    if (!confirmDiscard())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New category"), tr("Name:"),
                                               QLineEdit::Normal, m_filter->text().trimmed(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    if (auto existing = m_store.findByName(name); existing && existing->has_value()) {
        m_filter->clear();
        reloadList((*existing)->id);
        return;
    }
    // ensure() writes the category and its first version: one transaction for both.
    Transaction tx(m_db);
    auto id = tx.isActive() ? m_store.ensure(name, QStringLiteral("user"))
                            : Result<std::int64_t>(makeError(tx.beginError()));
    if (id) {
        if (auto committed = tx.commit(); !committed)
            id = committed.error();
    }
    if (!id) {
        QMessageBox::warning(
            this, tr("Categories"),
            tr("The category could not be added.\n\n%1").arg(id.error().toString()));
        return;
    }
    m_filter->clear();
    m_category.reset(); // nothing to discard: the new category is empty
    reloadList(*id);
    m_definition->setFocus();
    Q_EMIT categoriesChanged();
}

void CategoryEditorDialog::reject()
{
    if (confirmDiscard())
        QDialog::reject();
}

} // namespace overrule
