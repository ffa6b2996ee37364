#pragma once

#include "config/Config.h"
#include "state/CursorStore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Tributary {
class Database;
}

namespace Tributary::Gui {

// Source ▸ Reset Cursors: tributaryd cursor reset, through the same SourceAdmin calls. The person
// chooses an entity (or every one) and a kind of cursor (or every kind); the dialog lists the
// cursors that would be forgotten, where each stands now, and what the next sync does then (by
// the source's start). Reset forgets them in one transaction holding the source's lease (refused
// while a run of the source goes on anywhere), and can start a sync right after, on the
// dashboard. Works on the console's connection: a few rows, read and deleted at once.
class CursorResetDialog : public QDialog
{
    Q_OBJECT
public:
    // `db`: the workspace's connection; `config` (copied) must hold `source`.
    CursorResetDialog(Database *db, const Config &config, const QString &source, QWidget *parent = nullptr);

    QString source() const { return m_source; }
    // Empty: every entity, every kind (CursorStore::kindName otherwise).
    void setEntity(const QString &entity);
    void setKind(const QString &kind);
    // The cursors a reset forgets now; readError() when they could not be read.
    const QList<CursorRecord> &cursors() const { return m_cursors; }
    const Error &readError() const { return m_readError; }
    QString planText() const;
    // Start an incremental sync once the cursors are reset.
    bool syncAfterwards() const;
    void setSyncAfterwards(bool sync);

    // Forgets the cursors listed; the dialog is accepted when it did, and says why not otherwise.
    bool reset();
    const Error &resetError() const { return m_resetError; }

private:
    void reload();

    Database *m_db;
    const Config m_config;
    const QString m_source;
    QList<CursorRecord> m_cursors;
    Error m_readError;
    Error m_resetError;

    QComboBox *m_entity = nullptr;
    QComboBox *m_kind = nullptr;
    QPlainTextEdit *m_plan = nullptr;
    QCheckBox *m_sync = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_reset = nullptr;
};

} // namespace Tributary::Gui
