#include "Catalogue.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace Tributary::Test {

QList<CatalogueMessage> readCatalogue(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return {};
    }
    QList<CatalogueMessage> out;
    QString context;
    CatalogueMessage m;
    QXmlStreamReader xml(&f);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("message"))
            out.append(m);
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = CatalogueMessage();
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!m.numerus)
                m.translation = QStringList{xml.readElementText()};
        } else if (name == QLatin1String("numerusform")) {
            m.translation.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%[0-9]+"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.append(it.next().captured());
    out.sort();
    out.removeDuplicates();
    return out;
}

QStringList catalogueProblems(const QList<CatalogueMessage> &messages, int pluralForms)
{
    QStringList problems;
    for (const CatalogueMessage &m : messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source.left(60);
        if (!m.type.isEmpty())
            problems.append(where + QStringLiteral(" is ") + m.type);
        if (m.translation.size() != (m.numerus ? pluralForms : 1))
            problems.append(where + QStringLiteral(": %1 forms").arg(m.translation.size()));
        for (const QString &t : m.translation) {
            if (t.trimmed().isEmpty())
                problems.append(where + QStringLiteral(": empty translation"));
            else if (placeholders(t) != placeholders(m.source))
                problems.append(where + QStringLiteral(": placeholders %1, translated %2")
                                            .arg(placeholders(m.source).join(QLatin1Char(' ')), placeholders(t).join(QLatin1Char(' '))));
        }
    }
    return problems;
}

} // namespace Tributary::Test
