#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>

namespace Tributary::Test {

QString binaryDir()
{
    const QByteArray env = qgetenv("TRIBUTARY_BINARY_DIR");
    return env.isEmpty() ? QStringLiteral(TRIBUTARY_BINARY_DIR) : QString::fromLocal8Bit(env);
}

QString unexpectedProblems(bool accepted, const QStringList &problems, const QString &expected)
{
    const QString got = problems.join(QStringLiteral("\n  "));
    if (expected.isEmpty())
        return accepted && problems.isEmpty() ? QString() : QStringLiteral("expected no problem, got:\n  %1").arg(got);
    if (accepted)
        return QStringLiteral("expected a problem starting with:\n  %1\nbut it was accepted").arg(expected);
    for (const QString &line : problems) {
        if (line.startsWith(expected))
            return {};
    }
    return QStringLiteral("expected a problem starting with:\n  %1\ngot:\n  %2").arg(expected, got);
}

QString executable(const QString &name)
{
    return QDir(binaryDir()).filePath(QStringLiteral("bin/") + name);
}

int envInt(const char *name, int def)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : def;
}

// Parses `text` with prometheus_client's text-format parser; returns "name type samples" lines,
// or an empty list with *error set.
QStringList parseWithPrometheusClient(const QByteArray &text, QString *error)
{
    // The Debian package python3-prometheus-client (scripts/setup.sh) installs for the system
    // interpreter; another python3 may come first on PATH (pyenv, a virtualenv).
    QStringList interpreters;
    if (QFile::exists(QStringLiteral("/usr/bin/python3")))
        interpreters << QStringLiteral("/usr/bin/python3");
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (!onPath.isEmpty() && !interpreters.contains(onPath))
        interpreters << onPath;
    if (interpreters.isEmpty()) {
        *error = QStringLiteral("python3 not found");
        return {};
    }
    for (const QString &python : interpreters) {
        QProcess p;
        p.start(python, {QStringLiteral("-c"), QStringLiteral(
            "import sys\n"
            "try:\n"
            "    from prometheus_client.parser import text_string_to_metric_families\n"
            "except ImportError:\n"
            "    sys.exit(3)\n"
            "for f in text_string_to_metric_families(sys.stdin.read()):\n"
            "    print(f.name, f.type, len(f.samples))\n")});
        if (!p.waitForStarted(10000)) {
            *error = p.errorString();
            continue;
        }
        p.write(text);
        p.closeWriteChannel();
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit) {
            *error = python + QStringLiteral(" did not finish");
            return {};
        }
        if (p.exitCode() == 3) {
            *error = python + QStringLiteral(": prometheus_client is not installed (apt-get install python3-prometheus-client)");
            continue;
        }
        if (p.exitCode() != 0) {
            *error = QString::fromUtf8(p.readAllStandardError());
            return {};
        }
        return QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    return {};
}

} // namespace Tributary::Test
