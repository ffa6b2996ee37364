#include "CursorResetDialog.h"

#include "DisplayText.h"
#include "engine/SourceAdmin.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Tributary::Gui {

CursorResetDialog::CursorResetDialog(Database *db, const Config &config, const QString &source, QWidget *parent)
    : QDialog(parent), m_db(db), m_config(config), m_source(source)
{
    setObjectName(QStringLiteral("cursorResetDialog"));
    setWindowTitle(tr("Reset Cursors of %1").arg(source));

    auto *intro = new QLabel(tr("A cursor is where a walk of an entity stands: the incremental sync's last applied change, a full walk "
                                "or reconciliation scan that stopped part-way, the start of a source that starts \"now\". Resetting "
                                "forgets it, so that walk starts over; no row of the main database is touched. This is what "
                                "tributaryd cursor reset does."));
    intro->setWordWrap(true);
    m_entity = new QComboBox;
    m_entity->setObjectName(QStringLiteral("cursorEntity"));
    m_entity->addItem(tr("Every entity"), QString());
    if (const SourceConfig *sc = m_config.source(source)) {
        for (const EntityConfig *e : sc->orderedEntities())
            m_entity->addItem(e->name, e->name);
    }
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("cursorKind"));
    m_kind->addItem(tr("Every kind"), QString());
    for (CursorKind k : {CursorKind::Incremental, CursorKind::Full, CursorKind::Reconcile, CursorKind::Start})
        m_kind->addItem(CursorStore::kindName(k), CursorStore::kindName(k));
    connect(m_entity, &QComboBox::currentIndexChanged, this, &CursorResetDialog::reload);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &CursorResetDialog::reload);

    m_plan = new QPlainTextEdit;
    m_plan->setObjectName(QStringLiteral("cursorPlan"));
    m_plan->setReadOnly(true);
    m_sync = new QCheckBox(tr("Sync now afterwards (an incremental sync, on the dashboard)"));
    m_sync->setObjectName(QStringLiteral("cursorSyncAfterwards"));
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("cursorError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto *buttons = new QDialogButtonBox;
    m_reset = buttons->addButton(tr("Reset"), QDialogButtonBox::DestructiveRole);
    m_reset->setObjectName(QStringLiteral("cursorReset"));
    m_reset->setAutoDefault(false);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    connect(m_reset, &QPushButton::clicked, this, &CursorResetDialog::reset);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("Entity:"), m_entity);
    form->addRow(tr("Kind:"), m_kind);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_plan, 1);
    layout->addWidget(m_sync);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(640, 420);
    reload();
}

void CursorResetDialog::setEntity(const QString &entity) { m_entity->setCurrentIndex(qMax(0, m_entity->findData(entity))); }

void CursorResetDialog::setKind(const QString &kind) { m_kind->setCurrentIndex(qMax(0, m_kind->findData(kind))); }

bool CursorResetDialog::syncAfterwards() const { return m_sync->isChecked(); }

void CursorResetDialog::setSyncAfterwards(bool sync) { m_sync->setChecked(sync); }

void CursorResetDialog::reload()
{
    m_cursors.clear();
    m_readError = Error();
    const Result<QList<CursorRecord>> chosen =
        m_db ? SourceAdmin::cursorsToReset(*m_db, m_source, m_entity->currentData().toString(), m_kind->currentData().toString())
             : Result<QList<CursorRecord>>(Error(Error::Code::Database, tr("the main database is not open")));
    if (chosen)
        m_cursors = *chosen;
    else
        m_readError = chosen.error();
    m_plan->setPlainText(planText());
    m_reset->setEnabled(!m_cursors.isEmpty());
}

QString CursorResetDialog::planText() const
{
    if (m_readError)
        return tr("Cannot read the cursors: %1").arg(DisplayText::error(m_readError));
    if (m_cursors.isEmpty())
        return tr("No cursor to reset: the next sync of each entity chosen starts from the source's start.");
    QStringList lines;
    bool incremental = false, walk = false, start = false;
    for (const CursorRecord &c : m_cursors) {
        //: %1/%2: source/entity, %3: the kind of cursor, %4: where it stands
        lines.append(tr("Would reset %1/%2 %3, now at %4.").arg(c.source, c.entity, c.kind, CursorStore::describe(c.position)));
        const std::optional<CursorKind> kind = CursorStore::kindFromName(c.kind);
        incremental = incremental || kind == CursorKind::Incremental;
        walk = walk || kind == CursorKind::Full || kind == CursorKind::Reconcile;
        start = start || kind == CursorKind::Start;
    }
    lines.append(QString());
    const SourceConfig *sc = m_config.source(m_source);
    if (incremental && sc) {
        switch (sc->start.from) {
        case StartConfig::From::Beginning:
            lines.append(tr("The next incremental sync reads from the beginning of history (start: beginning); records the main "
                            "database already has are found unchanged and not written, but every page is fetched again."));
            break;
        case StartConfig::From::Date:
            lines.append(tr("The next incremental sync reads what changed since %1 (start: date).").arg(sc->start.date.toString(Qt::ISODate)));
            break;
        case StartConfig::From::Now:
            lines.append(tr("The source starts from now (start: now): the next incremental sync reads only what changes from then on. "
                            "Source ▸ Full Re-sync catches up on everything before."));
            break;
        }
    }
    if (walk)
        lines.append(tr("A full walk or reconciliation scan that stopped part-way starts over from its beginning."));
    if (start)
        lines.append(tr("A start cursor is set again by the next run, to the source's time then: full walks and reconciliations "
                        "do not import unlinked records changed before it."));
    lines.append(tr("Nothing is deleted from the main database. Refused while a run of %1 goes on anywhere.").arg(m_source));
    return lines.join(QLatin1Char('\n'));
}

bool CursorResetDialog::reset()
{
    m_resetError = Error();
    if (!m_db || m_cursors.isEmpty())
        return false;
    if (!SourceAdmin::resetCursors(*m_db, m_config, m_source, m_cursors, &m_resetError)) {
        m_error->setText(tr("Nothing was reset: %1").arg(DisplayText::error(m_resetError)));
        m_error->show();
        return false;
    }
    accept();
    return true;
}

} // namespace Tributary::Gui
