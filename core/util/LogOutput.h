#pragma once

#include <QString>

#include <cstdio>

namespace Tributary {

// The log lines of a long-running process (tributaryd serve): one line per Qt message, as text
// for people or as JSON for log collectors, with every known secret replaced by "***".
//
// Text:  2026-11-23T05:40:00.123Z info     tributary.core.engine: message
//        (UTC with milliseconds; the level padded to the longest name so categories line up;
//        further lines of a multi-line message indented, so no line can pass for an entry)
// JSON:  {"time":"2026-11-23T05:40:00.123Z","level":"info","category":"tributary.core.engine",
//         "message":"...","pid":123}  one compact object per line; newlines stay in "message".
// Levels: debug, info, warning, critical, fatal. The handler only formats: which messages reach
// it is decided by the categories and QT_LOGGING_RULES, as with Qt's own handler.
class LogOutput
{
public:
    enum class Format { Text, Json };

    // "text" or "json" (exactly, lower-case); false for anything else, *format left alone.
    static bool parseFormat(const QString &name, Format *format);

    // Installs a Qt message handler writing to `stream`, flushed after every line. Lines from
    // many threads never interleave. Installing again only changes the format and the stream.
    static void install(Format format, FILE *stream = stderr);
    // Restores the handler that was there before install().
    static void uninstall();

    // Registers a secret: from now on redact() (and so every line written) replaces it, and its
    // URL-encoded form, by "***". SecretRef::resolve() registers every secret it returns.
    // Values shorter than 6 characters are not registered: they would too often match ordinary
    // words and numbers and make the logs unreadable; such a secret is weak anyway.
    static void addSecret(const QString &secret);

    // The text with every registered secret replaced by "***", and the values of these patterns:
    // "Authorization: <scheme> X" (also Proxy-Authorization), "Bearer X", query parameters whose
    // name is token, access_token, api_key, key, secret, password or signature, or contains
    // token, secret, password or signature (refresh_token, client_secret, X-Amz-Signature), and
    // X-…-Signature / -Token / -Key headers (X-Forum-Signature: sha256=…), and the password in
    // a URL's user info (https://user:***@host/).
    static QString redact(const QString &text);
};

} // namespace Tributary
