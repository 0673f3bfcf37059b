#include "PresetBar.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>

namespace overrule {
namespace {
constexpr qint64 kMaxMappingBytes = 1 << 20;
} // namespace

PresetBar::PresetBar(std::function<QString()> currentMapping, QWidget* parent)
    : QWidget(parent), m_current(std::move(currentMapping)), m_list(new QComboBox(this)),
      m_load(new QPushButton(tr("&Load"), this)), m_state(new QLabel(this))
{
    m_list->setObjectName(QStringLiteral("presetList"));
    m_list->setMinimumContentsLength(16);
    m_list->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto* save = new QPushButton(tr("&Save as preset…"), this);
    auto* import = new QPushButton(tr("Open mapping file…"), this);
    auto* exportButton = new QPushButton(tr("Export mapping file…"), this);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    auto* label = new QLabel(tr("Pre&set:"), this);
    label->setBuddy(m_list);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label, 0, 0);
    layout->addWidget(m_list, 0, 1);
    layout->addWidget(m_load, 0, 2);
    layout->addWidget(save, 0, 3);
    layout->addWidget(import, 1, 1);
    layout->addWidget(exportButton, 1, 2, 1, 2);
    layout->addWidget(m_state, 2, 0, 1, 4);
    layout->setColumnStretch(1, 1);

    connect(m_load, &QPushButton::clicked, this,
            [this] { report(loadPreset(m_list->currentText())); });
    connect(save, &QPushButton::clicked, this, &PresetBar::askSave);
    connect(import, &QPushButton::clicked, this, &PresetBar::askImport);
    connect(exportButton, &QPushButton::clicked, this, &PresetBar::askExport);
    reload();
}

void PresetBar::setPresets(MappingPresets presets)
{
    m_presets = std::move(presets);
    reload();
}

void PresetBar::reload()
{
    const QString current = m_list->currentText();
    m_list->clear();
    m_list->addItems(m_presets.names());
    if (const int index = m_list->findText(current); index >= 0)
        m_list->setCurrentIndex(index);
    m_list->setEnabled(m_list->count() > 0);
    m_load->setEnabled(m_list->count() > 0);
    m_list->setPlaceholderText(tr("No saved presets"));
}

Status PresetBar::savePreset(const QString& name)
{
    const QString json = m_current();
    if (json.trimmed().isEmpty())
        return makeError(tr("The mapping is empty: there is nothing to save."));
    if (auto saved = m_presets.save(name, json.toUtf8()); !saved)
        return saved;
    reload();
    m_list->setCurrentText(name);
    m_state->setText(tr("Saved preset “%1”.").arg(name));
    return {};
}

Status PresetBar::loadPreset(const QString& name)
{
    auto json = m_presets.load(name);
    if (!json)
        return json.error();
    Q_EMIT mappingLoaded(QString::fromUtf8(*json), tr("preset “%1”").arg(name));
    m_state->setText(tr("Loaded preset “%1”.").arg(name));
    return {};
}

Status PresetBar::importFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(file.errorString(), path);
    if (file.size() > kMaxMappingBytes)
        return makeError(tr("too large for a mapping file"), path);
    Q_EMIT mappingLoaded(QString::fromUtf8(file.readAll()), QFileInfo(path).fileName());
    m_state->setText(tr("Opened %1.").arg(QFileInfo(path).fileName()));
    return {};
}

Status PresetBar::exportFile(const QString& path)
{
    const QByteArray json = m_current().toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return makeError(file.errorString(), path);
    m_state->setText(tr("Exported to %1.").arg(QFileInfo(path).fileName()));
    return {};
}

void PresetBar::askSave()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save the mapping as a preset"), tr("Preset name:"),
                              QLineEdit::Normal, m_list->currentText(), &ok);
    if (!ok)
        return;
    if (m_presets.contains(name) &&
        QMessageBox::question(this, tr("Replace the preset?"),
                              tr("A preset named “%1” exists. Replace it?").arg(name)) !=
            QMessageBox::Yes)
        return;
    report(savePreset(name));
}

void PresetBar::askImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a mapping file"), QString(),
                                                      tr("Mapping files (*.json);;All files (*)"));
    if (!path.isEmpty())
        report(importFile(path));
}

void PresetBar::askExport()
{
    if (m_current().trimmed().isEmpty()) {
        report(makeError(tr("The mapping is empty: there is nothing to export.")));
        return;
    }
    QString path =
        QFileDialog::getSaveFileName(this, tr("Export the mapping"), QStringLiteral("mapping.json"),
                                     tr("Mapping files (*.json);;All files (*)"));
    if (!path.isEmpty())
        report(exportFile(path));
}

void PresetBar::report(const Status& status)
{
    QPalette palette = m_state->palette();
    palette.setColor(QPalette::WindowText,
                     status ? palette.color(QPalette::PlaceholderText) : QColor(0xc6, 0x28, 0x28));
    m_state->setPalette(palette);
    if (!status)
        m_state->setText(status.error().toString());
}

} // namespace overrule
