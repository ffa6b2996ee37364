#include "ConfigDocument.h"

#include "config/ConfigFile.h"
#include "store/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSettings>

Q_LOGGING_CATEGORY(lcConfigDocument, "tributary.gui.configdocument", QtInfoMsg)

namespace Tributary::Gui {

namespace {

const QString kRecentKey = QStringLiteral("recentConfigs");
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
    | QFileDevice::WriteUser;

QJsonObject forumPreset()
{
    QFile preset(QStringLiteral(":/tributary/presets/forum.json"));
    if (!preset.open(QIODevice::ReadOnly)) {
        qCWarning(lcConfigDocument) << "the forum preset is missing from this build";
        return {};
    }
    return QJsonDocument::fromJson(preset.readAll()).object();
}

QString trimmedUrl(QString url)
{
    url = url.trimmed();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

// A relative path of the file at `fromDir`, as seen from `toDir`: relative again when the file
// is below the new directory, absolute otherwise.
QString rebasePath(const QString &path, const QString &fromDir, const QString &toDir)
{
    if (path.isEmpty() || QDir::isAbsolutePath(path))
        return path;
    const QString absolute = QDir::cleanPath(QDir(fromDir).absoluteFilePath(path));
    const QString relative = QDir(toDir).relativeFilePath(absolute);
    return relative.startsWith(QStringLiteral("..")) ? absolute : relative;
}

bool isFileSecret(const QJsonObject &o)
{
    if (!o.value(QStringLiteral("file")).isString() || !o.value(QStringLiteral("key")).isString())
        return false;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.key() != QLatin1String("file") && it.key() != QLatin1String("key"))
            return false;
    }
    return true;
}

// Rewrites every {"file": ..., "key": ...} secret reference below `v`.
QJsonValue rebaseSecrets(const QJsonValue &v, const QString &fromDir, const QString &toDir)
{
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (int i = 0; i < a.size(); ++i)
            a.replace(i, rebaseSecrets(a.at(i), fromDir, toDir));
        return a;
    }
    if (!v.isObject())
        return v;
    QJsonObject o = v.toObject();
    if (isFileSecret(o)) {
        o.insert(QStringLiteral("file"), rebasePath(o.value(QStringLiteral("file")).toString(), fromDir, toDir));
        return o;
    }
    for (auto it = o.begin(); it != o.end(); ++it)
        it.value() = rebaseSecrets(it.value(), fromDir, toDir);
    return o;
}

} // namespace

ConfigProblem ConfigProblem::fromLine(const QString &line)
{
    const qsizetype colon = line.indexOf(QStringLiteral(": "));
    if (colon <= 0)
        return {QString(), line};
    const QString key = line.left(colon);
    for (QChar c : key) {
        if (c.isSpace())
            return {QString(), line};
    }
    return {key, line.mid(colon + 2)};
}

ConfigDocument::ConfigDocument(QObject *parent) : QObject(parent)
{
    m_root = presetConfig(SourcePreset(), QStringLiteral("database.sqlite"));
    m_root.insert(QStringLiteral("sources"), QJsonArray());
}

ConfigDocument::~ConfigDocument() = default;

QJsonObject ConfigDocument::presetSource(const SourcePreset &preset)
{
    const QString name = preset.sourceName.isEmpty() ? QStringLiteral("source") : preset.sourceName;
    QJsonObject auth{{QStringLiteral("type"), QStringLiteral("none")}};
    if (!preset.tokenEnv.isEmpty())
        auth = QJsonObject{{QStringLiteral("type"), QStringLiteral("bearer")},
                           {QStringLiteral("token"), QJsonObject{{QStringLiteral("env"), preset.tokenEnv}}}};
    if (preset.kind == SourcePreset::Kind::GoodForum) {
        // What `tributaryd init --preset forum` writes for the source (headless/Cli.cpp).
        QJsonObject src = forumPreset().value(QStringLiteral("sources")).toArray().at(0).toObject();
        src.insert(QStringLiteral("name"), name);
        QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
        rest.insert(QStringLiteral("base_url"), trimmedUrl(preset.baseUrl));
        rest.insert(QStringLiteral("auth"), auth);
        src.insert(QStringLiteral("rest"), rest);
        return src;
    }
    // A skeleton: one entity whose target table is still to be chosen, so the editor's first
    // problem says what to fill in. The API's conventions (records path, pagination) follow.
    QJsonObject rest{{QStringLiteral("base_url"), trimmedUrl(preset.baseUrl)},
                     {QStringLiteral("auth"), auth},
                     {QStringLiteral("pagination"), QJsonObject{{QStringLiteral("style"), QStringLiteral("none")}}}};
    const QJsonObject entity{{QStringLiteral("name"), QStringLiteral("items")},
                             {QStringLiteral("endpoint"), QStringLiteral("/items")},
                             {QStringLiteral("table"), QString()},
                             {QStringLiteral("columns"), QJsonObject()}};
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("type"), QStringLiteral("rest")},
                       {QStringLiteral("enabled"), true},
                       {QStringLiteral("start"), QJsonObject{{QStringLiteral("from"), QStringLiteral("beginning")}}},
                       {QStringLiteral("rest"), rest},
                       {QStringLiteral("entities"), QJsonArray{entity}}};
}

QJsonObject ConfigDocument::presetConfig(const SourcePreset &preset, const QString &databasePath)
{
    QJsonObject db = forumPreset().value(QStringLiteral("database")).toObject();
    if (db.isEmpty())
        db = QJsonObject{{QStringLiteral("driver"), QStringLiteral("sqlite")}};
    db.insert(QStringLiteral("path"), databasePath);
    return QJsonObject{{QStringLiteral("database"), db}, {QStringLiteral("sources"), QJsonArray{presetSource(preset)}}};
}

QStringList ConfigDocument::presetTables(const SourcePreset &preset)
{
    QStringList tables;
    for (const QJsonValue &e : presetSource(preset).value(QStringLiteral("entities")).toArray()) {
        const QString table = e.toObject().value(QStringLiteral("table")).toString();
        if (!table.isEmpty() && !tables.contains(table))
            tables.append(table);
    }
    return tables;
}

void ConfigDocument::newEmptyDocument(const QJsonObject &database)
{
    startUnsaved(QJsonObject{{QStringLiteral("database"), database}, {QStringLiteral("sources"), QJsonArray()}});
}

void ConfigDocument::newDocument(const SourcePreset &preset, const QString &databasePath)
{
    startUnsaved(presetConfig(preset, databasePath));
}

void ConfigDocument::startUnsaved(const QJsonObject &root)
{
    m_root = root;
    m_pendingSecrets.clear();
    setFilePath(QString());
    m_modified = true; // nothing on disk yet
    Q_EMIT modifiedChanged(true);
    Q_EMIT changed();
    Q_EMIT sourcesChanged();
}

bool ConfigDocument::open(const QString &path, QString *error)
{
    // Read as tributaryd reads it: what the console accepts, the service accepts too.
    QJsonObject root;
    QStringList problems;
    if (!ConfigFile::readObject(path, &root, &problems)) {
        *error = problems.join(QLatin1Char('\n'));
        return false;
    }
    m_root = root;
    m_pendingSecrets.clear();
    setFilePath(QFileInfo(path).absoluteFilePath());
    const bool wasModified = m_modified;
    m_modified = false;
    if (wasModified)
        Q_EMIT modifiedChanged(false);
    addRecentFile(m_path);
    Q_EMIT changed();
    Q_EMIT sourcesChanged();
    return true;
}

bool ConfigDocument::save(QString *error)
{
    if (m_path.isEmpty()) {
        *error = tr("The configuration has no file name yet: use Save As.");
        return false;
    }
    if (!writeCredentials(error))
        return false;
    if (!writeFile(m_path, error))
        return false;
    setModified(false);
    addRecentFile(m_path);
    Q_EMIT saved(m_path);
    return true;
}

bool ConfigDocument::saveAs(const QString &path, QString *error)
{
    const QString target = QFileInfo(path).absoluteFilePath();
    const QString toDir = QFileInfo(target).absolutePath();
    if (!m_path.isEmpty() && toDir != baseDir()) {
        // Keep naming the same database and credentials files from the new place.
        const QString fromDir = baseDir();
        QJsonObject db = database();
        if (db.value(QStringLiteral("path")).isString())
            db.insert(QStringLiteral("path"), rebasePath(db.value(QStringLiteral("path")).toString(), fromDir, toDir));
        if (db.contains(QStringLiteral("password")))
            db.insert(QStringLiteral("password"), rebaseSecrets(db.value(QStringLiteral("password")), fromDir, toDir));
        m_root.insert(QStringLiteral("database"), db);
        m_root.insert(QStringLiteral("sources"), rebaseSecrets(sources(), fromDir, toDir));
        QHash<QString, QHash<QString, QString>> pending;
        for (auto it = m_pendingSecrets.constBegin(); it != m_pendingSecrets.constEnd(); ++it)
            pending.insert(rebasePath(it.key(), fromDir, toDir), it.value());
        m_pendingSecrets = pending;
    }
    const QString previous = m_path;
    setFilePath(target);
    if (!save(error)) {
        setFilePath(previous);
        return false;
    }
    return true;
}

bool ConfigDocument::writeFile(const QString &path, QString *error)
{
    QSaveFile f(path); // never a half-written configuration
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(m_root).toJson(QJsonDocument::Indented)) < 0 || !f.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    qCInfo(lcConfigDocument).noquote() << "saved" << path;
    return true;
}

QString ConfigDocument::baseDir() const
{
    return m_path.isEmpty() ? QDir::currentPath() : QFileInfo(m_path).absolutePath();
}

QString ConfigDocument::displayName() const
{
    return m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
}

void ConfigDocument::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

void ConfigDocument::setFilePath(const QString &path)
{
    if (m_path == path)
        return;
    m_path = path;
    Q_EMIT filePathChanged(path);
}

void ConfigDocument::edited()
{
    setModified(true);
    Q_EMIT changed();
}

void ConfigDocument::setRoot(const QJsonObject &root)
{
    if (root == m_root)
        return;
    m_root = root;
    edited();
    Q_EMIT sourcesChanged();
}

void ConfigDocument::setDatabase(const QJsonObject &db)
{
    if (db == database())
        return;
    m_root.insert(QStringLiteral("database"), db);
    edited();
}

QStringList ConfigDocument::sourceNames() const
{
    QStringList names;
    const QJsonArray list = sources();
    for (const QJsonValue &v : list)
        names.append(v.toObject().value(QStringLiteral("name")).toString());
    return names;
}

int ConfigDocument::indexOf(const QString &name) const
{
    const QJsonArray list = sources();
    for (int i = 0; i < list.size(); ++i) {
        if (list.at(i).toObject().value(QStringLiteral("name")).toString() == name)
            return i;
    }
    return -1;
}

QJsonObject ConfigDocument::source(const QString &name) const
{
    const int i = indexOf(name);
    return i < 0 ? QJsonObject() : sources().at(i).toObject();
}

void ConfigDocument::setSources(const QJsonArray &list, bool structural)
{
    m_root.insert(QStringLiteral("sources"), list);
    edited();
    if (structural)
        Q_EMIT sourcesChanged();
}

bool ConfigDocument::setSource(const QString &name, const QJsonObject &src, QString *error)
{
    const QString newName = src.value(QStringLiteral("name")).toString();
    const int i = indexOf(name);
    const int other = indexOf(newName);
    if (other >= 0 && other != i) {
        if (error)
            *error = tr("There is already a source called \"%1\".").arg(newName);
        return false;
    }
    QJsonArray list = sources();
    if (i < 0) {
        list.append(src);
        setSources(list, true);
        return true;
    }
    if (list.at(i).toObject() == src)
        return true;
    list.replace(i, src);
    setSources(list, newName != name);
    return true;
}

bool ConfigDocument::addSource(const QJsonObject &src, QString *error)
{
    const QString name = src.value(QStringLiteral("name")).toString();
    if (indexOf(name) >= 0) {
        if (error)
            *error = tr("There is already a source called \"%1\".").arg(name);
        return false;
    }
    QJsonArray list = sources();
    list.append(src);
    setSources(list, true);
    return true;
}

bool ConfigDocument::removeSource(const QString &name)
{
    const int i = indexOf(name);
    if (i < 0)
        return false;
    QJsonArray list = sources();
    list.removeAt(i);
    setSources(list, true);
    return true;
}

bool ConfigDocument::renameSource(const QString &oldName, const QString &newName, QString *error)
{
    const int i = indexOf(oldName);
    if (i < 0) {
        if (error)
            *error = tr("There is no source called \"%1\".").arg(oldName);
        return false;
    }
    QJsonObject src = sources().at(i).toObject();
    src.insert(QStringLiteral("name"), newName);
    return setSource(oldName, src, error);
}

QString ConfigDocument::uniqueSourceName(const QString &base) const
{
    const QString stem = base.isEmpty() ? QStringLiteral("source") : base;
    if (!hasSource(stem))
        return stem;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1-%2").arg(stem, QString::number(n));
        if (!hasSource(candidate))
            return candidate;
    }
}

bool ConfigDocument::toConfig(const QJsonObject &root, Config *config, QStringList *errors) const
{
    const QString path = m_path.isEmpty() ? QDir(baseDir()).absoluteFilePath(QStringLiteral("untitled.json")) : m_path;
    return Config::fromJson(root, path, config, errors);
}

bool ConfigDocument::toConfig(Config *config, QStringList *errors) const
{
    return toConfig(m_root, config, errors);
}

QList<ConfigProblem> ConfigDocument::validate(Database *schema) const
{
    return validate(m_root, schema);
}

QList<ConfigProblem> ConfigDocument::validate(const QJsonObject &root, Database *schema) const
{
    Config config;
    QStringList lines;
    if (toConfig(root, &config, &lines) && schema)
        lines = checkSchema(*schema, config);
    QList<ConfigProblem> problems;
    problems.reserve(lines.size());
    for (const QString &line : std::as_const(lines))
        problems.append(ConfigProblem::fromLine(line));
    return problems;
}

SecretRef ConfigDocument::storeSecret(const QString &key, const QString &value, const QString &file)
{
    SecretRef ref;
    ref.file = file.isEmpty() ? credentialsFileName() : file;
    ref.key = key;
    m_pendingSecrets[ref.file].insert(key, value);
    setModified(true);
    return ref;
}

bool ConfigDocument::hasSecret(const SecretRef &ref) const
{
    if (!ref.env.isEmpty())
        return qEnvironmentVariableIsSet(ref.env.toLocal8Bit().constData());
    if (ref.file.isEmpty())
        return false;
    if (m_pendingSecrets.value(ref.file).contains(ref.key))
        return true;
    QFile f(QDir(baseDir()).absoluteFilePath(ref.file));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return QJsonDocument::fromJson(f.readAll()).object().value(ref.key).isString();
}

bool ConfigDocument::writeCredentials(QString *error)
{
    if (m_pendingSecrets.isEmpty())
        return true;
    if (m_path.isEmpty()) {
        *error = tr("Save the configuration first: the credentials file is kept next to it.");
        return false;
    }
    for (auto it = m_pendingSecrets.constBegin(); it != m_pendingSecrets.constEnd(); ++it) {
        const QString path = QDir(baseDir()).absoluteFilePath(it.key());
        QJsonObject secrets;
        QFile existing(path);
        if (existing.exists()) {
            if (!existing.open(QIODevice::ReadOnly)) {
                *error = tr("Cannot read the credentials file %1: %2").arg(path, existing.errorString());
                return false;
            }
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(existing.readAll(), &pe);
            // Never overwrite a file we cannot read back: it may hold other credentials.
            if (!doc.isObject()) {
                *error = tr("The credentials file %1 is not a JSON object (%2); fix or move it first.").arg(path, pe.errorString());
                return false;
            }
            secrets = doc.object();
        }
        for (auto s = it.value().constBegin(); s != it.value().constEnd(); ++s)
            secrets.insert(s.key(), s.value());
        QSaveFile f(path);
        // Owner only before the first byte is written, as tributaryd demands of credentials files.
        if (!f.open(QIODevice::WriteOnly) || !f.setPermissions(kOwnerOnly)
            || f.write(QJsonDocument(secrets).toJson(QJsonDocument::Indented)) < 0 || !f.commit()) {
            *error = tr("Cannot write the credentials file %1: %2").arg(path, f.errorString());
            return false;
        }
        if ((QFile::permissions(path) & ~kOwnerOnly).toInt() != 0 && !QFile::setPermissions(path, kOwnerOnly)) {
            *error = tr("Cannot restrict the credentials file %1 to its owner (chmod 600).").arg(path);
            return false;
        }
        qCInfo(lcConfigDocument).noquote() << "stored" << it.value().size() << "credential(s) in" << path;
    }
    m_pendingSecrets.clear();
    return true;
}

QStringList ConfigDocument::recentFiles()
{
    QStringList files = QSettings().value(kRecentKey).toStringList();
    files.removeAll(QString());
    return files.mid(0, kMaxRecentFiles);
}

void ConfigDocument::addRecentFile(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    QSettings().setValue(kRecentKey, files.mid(0, kMaxRecentFiles));
}

void ConfigDocument::clearRecentFiles()
{
    QSettings().remove(kRecentKey);
}

} // namespace Tributary::Gui
