#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Tributary::Test {

// Directory of the build tree, where forum-sim and tributaryd are built.
QString binaryDir();
// Path of a built executable ("forum-sim", "tributaryd").
QString executable(const QString &name);
// An integer from the environment (seeds, sizes of long runs), or `def`.
int envInt(const char *name, int def);

// For tables of configuration cases: empty when a check came out as expected (accepted without
// problems when `expected` is empty, otherwise refused with a problem starting with `expected`);
// otherwise a message saying what came instead, for QVERIFY2.
QString unexpectedProblems(bool accepted, const QStringList &problems, const QString &expected);

// Parses `text` with prometheus_client's text-format parser (python3-prometheus-client); returns
// "name type samples" lines, or an empty list with *error set.
QStringList parseWithPrometheusClient(const QByteArray &text, QString *error);

} // namespace Tributary::Test
