#include "ReviewerNameDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace overrule {
namespace {
QString loginName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("reviewer") : name;
}
} // namespace

ReviewerNameDialog::ReviewerNameDialog(const QString& current, QWidget* parent)
    : QDialog(parent), m_edit(new QLineEdit(current, this))
{
    setWindowTitle(tr("Reviewer name"));
    auto* text = new QLabel(tr("Your name is recorded with every decision you make, so that "
                               "labels from several reviewers can be told apart."),
                            this);
    text->setWordWrap(true);
    m_edit->setPlaceholderText(tr("e.g. alice"));
    m_edit->setMaxLength(80);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, this,
            [this](const QString& t) { m_ok->setEnabled(!t.trimmed().isEmpty()); });
    m_ok->setEnabled(!current.trimmed().isEmpty());

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(m_edit);
    layout->addWidget(buttons);
    setMinimumWidth(380);
}

QString ReviewerNameDialog::name() const
{
    return m_edit->text().trimmed();
}

QString ReviewerNameDialog::ensureName(QSettings& settings, QWidget* parent)
{
    const QString stored = settings.value(kSettingsKey).toString().trimmed();
    if (!stored.isEmpty())
        return stored;
    ReviewerNameDialog dialog(loginName(), parent);
    const QString name = dialog.exec() == QDialog::Accepted ? dialog.name() : loginName();
    settings.setValue(kSettingsKey, name);
    return name;
}

std::optional<QString> ReviewerNameDialog::change(QSettings& settings, QWidget* parent)
{
    ReviewerNameDialog dialog(settings.value(kSettingsKey).toString(), parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    settings.setValue(kSettingsKey, dialog.name());
    return dialog.name();
}

} // namespace overrule
