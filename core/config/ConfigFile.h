#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Tributary {

// Reads the JSON files a person writes for Tributary: the configuration and credentials files.
// What QJsonDocument alone lets through is refused here, each with a message naming the file:
// anything but a regular file (/dev/zero, a FIFO: reading them would never end or never start),
// a file larger than the cap (read at most cap + 1 bytes, never more), text that is not a JSON
// object, and a key written twice in one object (QJsonDocument silently keeps the last one: a
// second "name" in a source would quietly make it another source).
class ConfigFile
{
public:
    static constexpr qint64 kMaxBytes = 4 * 1024 * 1024;

    // The file's top-level object; false with one line per problem in *errors.
    static bool readObject(const QString &path, QJsonObject *out, QStringList *errors, qint64 maxBytes = kMaxBytes);

    // Every key written more than once in the same object of `json` (which must parse as JSON),
    // as "the.object.path.key" (array elements as "[i]"), in the order found. Keys are compared
    // after unescaping ("na\u006de" is "name").
    static QStringList duplicateKeys(const QByteArray &json);
};

} // namespace Tributary
