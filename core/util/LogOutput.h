#pragma once

#include <QString>

#include <cstdio>

namespace Tributary {

// The log lines of a long-running process (tributaryd serve): one line per Qt message, as text
// for people or as JSON for log collectors, with every known secret replaced by "***"
// (Redaction::redact).
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
};

} // namespace Tributary
