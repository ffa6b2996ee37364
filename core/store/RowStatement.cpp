#include "RowStatement.h"

#include "store/Database.h"
#include "util/Tr.h"

#include <QDateTime>
#include <QSqlDriver>
#include <QSqlRecord>

#include <sqlite3.h>

namespace Tributary {

namespace {

// The sqlite3 connection under Qt's QSQLITE connection, or null. Debian builds Qt's driver against
// the system's libsqlite3, which this library links too: one library, one kind of handle.
sqlite3 *sqliteHandle(Database &db)
{
    const QVariant handle = db.db().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

} // namespace

std::unique_ptr<RowStatement> RowStatement::prepare(Database &db, const QString &sql, Error *error)
{
    std::unique_ptr<RowStatement> s(new RowStatement(db, sql));
    if (db.isSqlite()) {
        s->m_handle = sqliteHandle(db);
        if (!s->m_handle) {
            *error = Error(Error::Code::Database, Tr::tr("the SQLite connection offers no handle to prepare a statement on"), sql);
            return nullptr;
        }
        const QByteArray text = sql.toUtf8();
        if (sqlite3_prepare_v3(s->m_handle, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT, &s->m_stmt, nullptr) != SQLITE_OK) {
            *error = Error(Error::Code::Database, Tr::tr("a statement failed on the main database"),
                           QString::fromUtf8(sqlite3_errmsg(s->m_handle)) + QStringLiteral(" -- in: ") + sql.simplified().left(300));
            return nullptr;
        }
        return s;
    }
    s->m_query = QSqlQuery(db.db());
    if (!db.prepare(s->m_query, sql, error))
        return nullptr;
    return s;
}

RowStatement::~RowStatement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

void RowStatement::bindNull(int index)
{
    if (m_stmt)
        sqlite3_bind_null(m_stmt, index + 1);
    else
        m_query.bindValue(index, QVariant());
}

void RowStatement::bind(int index, qint64 value)
{
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, index + 1, value);
    else
        m_query.bindValue(index, value);
}

void RowStatement::bind(int index, const QString &text)
{
    if (text.isNull()) {
        bindNull(index);
        return;
    }
    if (!m_stmt) {
        m_query.bindValue(index, text);
        return;
    }
    bindUtf8(index, text.toUtf8());
}

void RowStatement::bindUtf8(int index, const QByteArray &utf8)
{
    if (!m_stmt) {
        m_query.bindValue(index, QString::fromUtf8(utf8));
        return;
    }
    if (m_texts.size() <= index)
        m_texts.resize(index + 1);
    m_texts[index] = utf8; // shared, not copied; alive until this parameter is bound again
    const QByteArray &kept = m_texts.at(index);
    sqlite3_bind_text(m_stmt, index + 1, kept.constData(), int(kept.size()), SQLITE_STATIC);
}

void RowStatement::bind(int index, const QVariant &value)
{
    if (!m_stmt) {
        m_query.bindValue(index, value);
        return;
    }
    if (!value.isValid() || value.isNull()) {
        bindNull(index);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        bind(index, value.toLongLong());
        return;
    case QMetaType::Double:
    case QMetaType::Float:
        sqlite3_bind_double(m_stmt, index + 1, value.toDouble());
        return;
    case QMetaType::QString:
        bind(index, *static_cast<const QString *>(value.constData()));
        return;
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        sqlite3_bind_blob(m_stmt, index + 1, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
        return;
    }
    case QMetaType::QDateTime:
        bind(index, value.toDateTime().toString(Qt::ISODateWithMs));
        return;
    default:
        bind(index, value.toString());
    }
}

bool RowStatement::exec(Error *error)
{
    m_row.clear();
    if (!m_stmt) {
        if (!m_db.exec(m_query, error))
            return false;
        if (m_query.isSelect() && m_query.next()) {
            const int columns = m_query.record().count();
            for (int i = 0; i < columns; ++i)
                m_row.append(m_query.value(i));
        }
        m_query.finish();
        return true;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        const int columns = sqlite3_column_count(m_stmt);
        for (int i = 0; i < columns; ++i) {
            switch (sqlite3_column_type(m_stmt, i)) {
            case SQLITE_INTEGER: m_row.append(qint64(sqlite3_column_int64(m_stmt, i))); break;
            case SQLITE_FLOAT: m_row.append(sqlite3_column_double(m_stmt, i)); break;
            case SQLITE_NULL: m_row.append(QVariant()); break;
            default:
                m_row.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, i)), sqlite3_column_bytes(m_stmt, i)));
            }
        }
    }
    // Reset at once: a statement left active would keep the transaction from committing. (Its
    // result repeats the step's error, which errmsg still holds.)
    sqlite3_reset(m_stmt);
    if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        return true;
    *error = Error(Error::Code::Database, Tr::tr("a statement failed on the main database"),
                   QString::fromUtf8(sqlite3_errmsg(m_handle)) + QStringLiteral(" -- in: ") + m_sql.simplified().left(300));
    return false;
}

} // namespace Tributary
