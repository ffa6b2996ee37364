#include "ForumEntity.h"

namespace Tributary {

namespace {

ForumColumn col(const char *name, ForumColumn::Type type, bool nullable = false,
                bool writable = false, bool required = false, const char *references = nullptr)
{
    ForumColumn c;
    c.name = name;
    c.type = type;
    c.nullable = nullable;
    c.writable = writable;
    c.required = required;
    if (references)
        c.references = QString::fromLatin1(references);
    return c;
}

QList<ForumEntity> makeEntities()
{
    using C = ForumColumn;
    const ForumColumn id = col("id", C::Id);
    const ForumColumn created = col("created_at", C::Timestamp, true);
    const ForumColumn updated = col("updated_at", C::Timestamp, true);

    ForumColumn password = col("password", C::Text, false, true);
    password.visible = false;
    ForumColumn rememberToken = col("remember_token", C::Text, true);
    rememberToken.visible = false;

    QList<ForumEntity> all;
    all.append({QStringLiteral("users"), "user",
                {id, col("name", C::Text, false, true, true), col("email", C::Text, false, true, true),
                 col("email_verified_at", C::Timestamp, true, true), password, rememberToken,
                 created, updated}});
    all.append({QStringLiteral("sections"), "section",
                {id, col("title", C::Text, false, true, true), created, updated}});
    all.append({QStringLiteral("topics"), "topic",
                {id, col("section_id", C::Integer, false, true, true, "sections"),
                 col("user_id", C::Integer, false, true, true, "users"),
                 col("title", C::Text, false, true, true), created, updated}});
    all.append({QStringLiteral("messages"), "message",
                {id, col("topic_id", C::Integer, false, true, true, "topics"),
                 col("user_id", C::Integer, false, true, true, "users"),
                 col("parent_id", C::Integer, true, true, false, "messages"),
                 col("content", C::Text, false, true, true), created, updated}});
    return all;
}

} // namespace

const ForumColumn *ForumEntity::column(const QByteArray &columnName) const
{
    for (const ForumColumn &c : columns) {
        if (c.name == columnName)
            return &c;
    }
    return nullptr;
}

const QList<ForumEntity> &ForumEntity::all()
{
    static const QList<ForumEntity> entities = makeEntities();
    return entities;
}

const ForumEntity *ForumEntity::find(const QString &collection)
{
    for (const ForumEntity &e : all()) {
        if (e.name == collection)
            return &e;
    }
    return nullptr;
}

} // namespace Tributary
