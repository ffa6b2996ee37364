#pragma once

#include "state/LinkStore.h"
#include "util/Error.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Tributary {

class Database;
class Statements;

// The main application's edits of synced rows (tributary_edits, docs/decisions/0024). The
// triggers EntityTable::ensureEditCapture() installs write a row's values as they were before
// its first edit; Tributary writes the source's values there itself when it applies a change
// and keeps a local value, and removes the row once the local row equals the source again.
// For a link without a base of its own, this is its base; without a row here, the local row is.
class EditStore
{
public:
    EditStore(Database &db, Statements *statements = nullptr) : m_db(db), m_statements(statements) {}

    // The capture of one row, for people (the console's Records view): found is false when the
    // row was not edited since Tributary last wrote it.
    struct Capture
    {
        bool found = false;
        QJsonObject base; // the synced columns as they were before the first edit
        QString editedAt;
    };
    Result<Capture> capture(const QString &table, const QString &localId);
    // *found is false when the row was not edited since Tributary last wrote it.
    bool find(const QString &table, const QString &localId, QJsonObject *base, bool *found, Error *error);
    // `base`: the values as rowJson() writes them.
    bool put(const QString &table, const QString &localId, const QByteArray &base, const QString &now, Error *error);
    bool remove(const QString &table, const QString &localId, Error *error);
    // For a link without a base of its own (LinkStore::Link::hasOwnBase, after readBase): puts
    // the capture, when there is one, in link->baseJson. *derived: the link had no base of its
    // own; *captured: the capture was found. A link without either compares as its row.
    bool fillBase(const QString &table, LinkStore::Link *link, bool *derived, bool *captured, Error *error);

private:
    Database &m_db;
    Statements *m_statements;
};

} // namespace Tributary
