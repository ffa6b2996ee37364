#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Tributary {

// Describes one forum collection: its table, its columns and how the API shows and writes them.
// The store, the API and the generator all read this one description, so a column is added in
// one place.
struct ForumColumn
{
    enum Type { Id, Integer, Text, Timestamp };

    QByteArray name;
    Type type = Text;
    bool nullable = false;
    bool visible = true;     // serialised by the API (users never show password/remember_token)
    bool writable = false;   // accepted in POST/PATCH bodies
    bool required = false;   // required by POST
    QString references;      // collection a foreign key names, empty otherwise
};

struct ForumEntity
{
    QString name;            // collection and table name: "messages"
    QByteArray singular;     // "message", for webhook event types
    QList<ForumColumn> columns;

    const ForumColumn *column(const QByteArray &columnName) const;

    static const QList<ForumEntity> &all();
    static const ForumEntity *find(const QString &collection);
};

} // namespace Tributary
