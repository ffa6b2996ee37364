#include "LogOutput.h"

#include "Redaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMutex>

namespace Tributary {

namespace {

constexpr int kLevelWidth = 8; // "critical"
const QLatin1String kIndent("    ");

struct Sink
{
    QMutex mutex;
    bool installed = false;
    QtMessageHandler previous = nullptr;
    LogOutput::Format format = LogOutput::Format::Text;
    FILE *stream = stderr;
    qint64 pid = 0;
};

// Never destroyed: messages can still arrive from static destructors and threads that outlive
// main(), and they must not find a destroyed mutex.
Sink &sink()
{
    static auto *s = new Sink;
    return *s;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "critical";
    case QtFatalMsg: return "fatal";
    }
    return "info";
}

void appendJsonString(QByteArray *out, const QString &s)
{
    static const char hex[] = "0123456789abcdef";
    out->append('"');
    const QByteArray utf8 = s.toUtf8();
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out->append("\\\""); break;
        case '\\': out->append("\\\\"); break;
        case '\n': out->append("\\n"); break;
        case '\r': out->append("\\r"); break;
        case '\t': out->append("\\t"); break;
        default:
            if (u < 0x20) {
                out->append("\\u00");
                out->append(hex[u >> 4]);
                out->append(hex[u & 0xf]);
            } else {
                out->append(c);
            }
        }
    }
    out->append('"');
}

QByteArray jsonLine(const QString &time, QtMsgType type, const QString &category, const QString &message, qint64 pid)
{
    QByteArray line;
    line.reserve(message.size() + category.size() + 96);
    line.append("{\"time\":");
    appendJsonString(&line, time);
    line.append(",\"level\":\"").append(levelName(type)).append('"');
    line.append(",\"category\":");
    appendJsonString(&line, category);
    line.append(",\"message\":");
    appendJsonString(&line, message);
    line.append(",\"pid\":").append(QByteArray::number(pid)).append("}\n");
    return line;
}

QByteArray textLine(const QString &time, QtMsgType type, const QString &category, const QString &message)
{
    QString text = message;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    while (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    // Continuation lines are indented: an entry always starts with its time, so a message cannot
    // forge one.
    text.replace(QLatin1String("\n"), QLatin1String("\n") + kIndent);
    const QString line = time + QLatin1Char(' ') + QString::fromLatin1(levelName(type)).leftJustified(kLevelWidth)
        + QLatin1Char(' ') + category + QLatin1String(": ") + text + QLatin1Char('\n');
    return line.toUtf8();
}

void messageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString category = context.category ? QString::fromUtf8(context.category) : QStringLiteral("default");
    const QString redacted = Redaction::redact(message);

    Sink &s = sink();
    QMutexLocker locker(&s.mutex);
    if (!s.installed) {
        // uninstall() ran while this message was on its way: the stream may be gone.
        const QtMessageHandler previous = s.previous;
        locker.unlock();
        if (previous)
            previous(type, context, redacted);
        return;
    }
    const QByteArray line = s.format == LogOutput::Format::Json ? jsonLine(time, type, category, redacted, s.pid)
                                                                : textLine(time, type, category, redacted);
    std::fwrite(line.constData(), 1, size_t(line.size()), s.stream);
    std::fflush(s.stream);
}

} // namespace

bool LogOutput::parseFormat(const QString &name, Format *format)
{
    if (name == QLatin1String("text")) {
        *format = Format::Text;
        return true;
    }
    if (name == QLatin1String("json")) {
        *format = Format::Json;
        return true;
    }
    return false;
}

void LogOutput::install(Format format, FILE *stream)
{
    Sink &s = sink();
    QMutexLocker locker(&s.mutex);
    s.format = format;
    s.stream = stream ? stream : stderr;
    s.pid = QCoreApplication::applicationPid();
    if (s.installed)
        return;
    s.installed = true;
    s.previous = qInstallMessageHandler(messageHandler);
}

void LogOutput::uninstall()
{
    Sink &s = sink();
    QMutexLocker locker(&s.mutex);
    if (!s.installed)
        return;
    s.installed = false;
    qInstallMessageHandler(s.previous);
}

} // namespace Tributary
