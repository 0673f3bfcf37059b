#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSettings;

namespace overrule {

// Edit > Settings: the refusal detector's phrase patterns, used when an imported run has no
// classifier verdicts. One pattern per line, "start: REGEX" or "within: REGEX"; the dialog will
// not save a list the detector would reject.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    static inline const QString kPatternsKey = QStringLiteral("detector/patterns");

    explicit SettingsDialog(QSettings& settings, QWidget* parent = nullptr);

    // The saved patterns, or the detector's defaults when none are saved.
    static QStringList detectorPatterns(const QSettings& settings);

    QStringList patterns() const;
    void setPatterns(const QStringList& patterns);
    void restoreDefaults();
    // Why the current text cannot be saved (RefusalDetector's messages); empty when it can.
    QStringList errors() const;

public Q_SLOTS:
    void accept() override;

private:
    void validate();

    QSettings& m_settings;
    QPlainTextEdit* m_patterns;
    QLabel* m_state;
    QPushButton* m_save;
};

} // namespace overrule
