#include "Cli.h"
#include "CliCommon.h"

#include "ExitCode.h"
#include "Progress.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Tributary::Cli {

int conflicts(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString sub = args.value(2);
    if (sub != QLatin1String("list") && sub != QLatin1String("show")) {
        err << "tributaryd conflicts: expected 'list' or 'show ID'"
            << (sub.isEmpty() ? QString() : QStringLiteral(", got \"%1\"").arg(sub)) << "\n";
        return ExitUsage;
    }
    QCommandLineParser p;
    QCommandLineOption entity(QStringLiteral("entity"), QStringLiteral("Only this entity."), QStringLiteral("NAME"));
    QCommandLineOption all(QStringLiteral("all"), QStringLiteral("list: resolved ones too (by a policy or a person)."));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON for scripts."));
    p.addOptions({configOption(), sourceOption(), json});
    if (sub == QLatin1String("list"))
        p.addOptions({entity, all});
    p.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("show: the conflict's id."));
    int code = ExitOk;
    QStringList argv = args;
    QString id;
    if (sub == QLatin1String("show")) {
        id = args.value(3);
        if (id.isEmpty() || id.startsWith(QLatin1Char('-'))) {
            err << "tributaryd conflicts show: expected the conflict's id, as 'conflicts list' prints it\n";
            return ExitUsage;
        }
        argv.removeAt(3);
    }
    if (!parse(p, QStringLiteral("conflicts ") + sub,
               QStringLiteral("Conflicts: a field the main application and the source both changed, or a row one side\n"
                              "deleted and the other changed. 'list' shows the open ones; 'show ID' prints base, local and\n"
                              "remote values side by side."),
               argv, &code))
        return code;
    const Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, &code);
    if (!opened.context)
        return code;
    QStringList names;
    QVariantList binds;
    for (const SourceConfig *s : opened.sources) {
        names.append(QStringLiteral("?"));
        binds.append(s->name);
    }
    QString where = QStringLiteral("source IN (%1)").arg(names.join(QStringLiteral(", ")));
    if (sub == QLatin1String("show")) {
        where += QStringLiteral(" AND id = ?");
        binds.append(id.toLongLong());
    } else {
        if (!p.isSet(all))
            where += QStringLiteral(" AND status = 'open'");
        if (p.isSet(entity)) {
            where += QStringLiteral(" AND entity = ?");
            binds.append(p.value(entity));
        }
    }
    QSqlQuery q(opened.context->database().db());
    q.prepare(QStringLiteral("SELECT id, source, entity, external_id, local_id, kind, fields, base, local, remote, status, resolution, "
                             "resolved_by, created_at, updated_at FROM tributary_conflicts WHERE %1 ORDER BY id").arg(where));
    for (const QVariant &b : std::as_const(binds))
        q.addBindValue(b);
    if (!q.exec()) {
        err << "tributaryd conflicts: " << q.lastError().text() << "\n";
        return ExitFailed;
    }
    auto object = [](const QVariant &v) { return QJsonDocument::fromJson(v.toString().toUtf8()).object(); };
    QJsonArray rows;
    while (q.next()) {
        rows.append(QJsonObject{{QStringLiteral("id"), q.value(0).toLongLong()},
                                {QStringLiteral("source"), q.value(1).toString()},
                                {QStringLiteral("entity"), q.value(2).toString()},
                                {QStringLiteral("external_id"), q.value(3).toString()},
                                {QStringLiteral("local_id"), q.value(4).toString()},
                                {QStringLiteral("kind"), q.value(5).toString()},
                                {QStringLiteral("fields"), QJsonDocument::fromJson(q.value(6).toString().toUtf8()).array()},
                                {QStringLiteral("base"), object(q.value(7))},
                                {QStringLiteral("local"), object(q.value(8))},
                                {QStringLiteral("remote"), object(q.value(9))},
                                {QStringLiteral("status"), q.value(10).toString()},
                                {QStringLiteral("resolution"), q.value(11).toString()},
                                {QStringLiteral("resolved_by"), q.value(12).toString()},
                                {QStringLiteral("created_at"), q.value(13).toString()},
                                {QStringLiteral("updated_at"), q.value(14).toString()}});
    }
    if (sub == QLatin1String("show") && rows.isEmpty()) {
        err << "tributaryd conflicts show: no conflict " << id << " in the selected sources\n";
        return ExitUsage;
    }
    if (p.isSet(json)) {
        out << QJsonDocument(sub == QLatin1String("show") ? QJsonObject(rows.first().toObject())
                                                           : QJsonObject{{QStringLiteral("conflicts"), rows}})
                   .toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    auto text = [](const QJsonValue &v) {
        if (v.isNull() || v.isUndefined())
            return QStringLiteral("NULL");
        QString s = v.isString() ? QStringLiteral("\"%1\"").arg(v.toString()) : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        return s.size() > 60 ? s.left(57) + QStringLiteral("...") : s;
    };
    if (sub == QLatin1String("list")) {
        if (rows.isEmpty()) {
            out << (p.isSet(all) ? "No conflicts.\n" : "No open conflicts.\n");
            return ExitOk;
        }
        for (const QJsonValue &v : std::as_const(rows)) {
            const QJsonObject c = v.toObject();
            QStringList fields;
            for (const QJsonValue &f : c.value(QStringLiteral("fields")).toArray())
                fields.append(f.toString());
            out << QStringLiteral("#%1  %2/%3 %4 (local id %5)  %6: %7  [%8%9]\n")
                       .arg(c.value(QStringLiteral("id")).toInteger())
                       .arg(c.value(QStringLiteral("source")).toString(), c.value(QStringLiteral("entity")).toString(),
                            c.value(QStringLiteral("external_id")).toString(), c.value(QStringLiteral("local_id")).toString(),
                            c.value(QStringLiteral("kind")).toString(), fields.join(QStringLiteral(", ")),
                            c.value(QStringLiteral("status")).toString(),
                            c.value(QStringLiteral("resolution")).toString().isEmpty() ? QString()
                                                                                       : QStringLiteral(", ") + c.value(QStringLiteral("resolution")).toString());
        }
        out << Progress::number(rows.size()) << (p.isSet(all) ? " conflicts.\n" : " open conflicts. Details: tributaryd conflicts show ID\n");
        return ExitOk;
    }
    const QJsonObject c = rows.first().toObject();
    out << QStringLiteral("Conflict #%1: %2/%3 %4, local %5 id %6\n")
               .arg(c.value(QStringLiteral("id")).toInteger())
               .arg(c.value(QStringLiteral("source")).toString(), c.value(QStringLiteral("entity")).toString(),
                    c.value(QStringLiteral("external_id")).toString(), c.value(QStringLiteral("entity")).toString(),
                    c.value(QStringLiteral("local_id")).toString());
    const QString kind = c.value(QStringLiteral("kind")).toString();
    out << "  kind:    " << kind
        << (kind == QLatin1String("field")           ? " (both sides changed the same field)"
            : kind == QLatin1String("local-deleted") ? " (the main application deleted the row; the source changed it)"
                                                     : " (the source deleted the record; the main application changed the row)")
        << "\n  status:  " << c.value(QStringLiteral("status")).toString()
        << (c.value(QStringLiteral("resolution")).toString().isEmpty() ? QString() : QStringLiteral(" (") + c.value(QStringLiteral("resolution")).toString() + QLatin1Char(')'))
        << "\n  raised:  " << c.value(QStringLiteral("created_at")).toString() << ", last updated " << c.value(QStringLiteral("updated_at")).toString() << "\n\n";
    out << QStringLiteral("  %1 %2 %3 %4\n").arg(QStringLiteral("field"), -14).arg(QStringLiteral("base (last from source)"), -30)
               .arg(QStringLiteral("local (main database)"), -30).arg(QStringLiteral("remote (source now)"));
    for (const QJsonValue &f : c.value(QStringLiteral("fields")).toArray()) {
        const QString name = f.toString();
        const QJsonObject local = c.value(QStringLiteral("local")).toObject(), remote = c.value(QStringLiteral("remote")).toObject();
        out << QStringLiteral("  %1 %2 %3 %4\n").arg(name, -14).arg(text(c.value(QStringLiteral("base")).toObject().value(name)), -30)
                   .arg(kind == QLatin1String("local-deleted") ? QStringLiteral("(row deleted)") : text(local.value(name)), -30)
                   .arg(kind == QLatin1String("remote-deleted") ? QStringLiteral("(record deleted)") : text(remote.value(name)));
    }
    return ExitOk;
}

} // namespace Tributary::Cli
