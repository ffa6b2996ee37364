#include "Cli.h"

#include "BuiltinSources.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tributaryd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRIBUTARY_VERSION));
    Tributary::registerBuiltinSources();
    return Tributary::Cli::run(QCoreApplication::arguments());
}
