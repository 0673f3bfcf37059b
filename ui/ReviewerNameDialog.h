#pragma once

#include <QDialog>
#include <optional>

class QLineEdit;
class QPushButton;
class QSettings;

namespace overrule {

// Asks who is reviewing. The name goes into every label, so it cannot be empty.
class ReviewerNameDialog : public QDialog
{
    Q_OBJECT
public:
    static inline const QString kSettingsKey = QStringLiteral("reviewer/name");

    explicit ReviewerNameDialog(const QString& current, QWidget* parent = nullptr);
    QString name() const;

    // The remembered name; when there is none, asks once and remembers the answer. A dismissed
    // dialog falls back to the login name so that decisions can still be attributed.
    static QString ensureName(QSettings& settings, QWidget* parent);
    // Asks for a new name (menu action); nullopt when cancelled.
    static std::optional<QString> change(QSettings& settings, QWidget* parent);

private:
    QLineEdit* m_edit;
    QPushButton* m_ok;
};

} // namespace overrule
