#pragma once

#include "config/Config.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace Tributary {
class Database;
}

namespace Tributary::Gui {

// One problem of the configuration, split into the key it names and what is wrong.
struct ConfigProblem
{
    QString keyPath; // "sources.forum.entities.users.columns.email.type"
    QString message; // "expected one of string, integer, ...; got \"text\""
    QString line() const { return keyPath.isEmpty() ? message : keyPath + QStringLiteral(": ") + message; }
    // Splits one line of Config::fromJson()/checkSchema() output.
    static ConfigProblem fromLine(const QString &line);
};

// What a new source or configuration starts from.
struct SourcePreset
{
    enum class Kind { GoodForum, GenericRest };
    Kind kind = Kind::GoodForum;
    QString sourceName = QStringLiteral("forum");
    QString baseUrl = QStringLiteral("http://127.0.0.1:8080/api/v1");
    // The token's environment variable (Good Forum); empty: no authentication.
    QString tokenEnv = QStringLiteral("FORUM_TOKEN");
};

// The configuration file being edited in the console. It holds the file's JSON as read, so keys
// the console does not know survive a save, and writes it back the way tributaryd init and
// Config::save do (QJsonDocument, indented, keys in QJsonObject's sorted order): a file opened
// and saved without changes is byte for byte the same, and diffs show only what was edited.
//
// Secrets never go into the configuration: a source refers to an environment variable, or to a
// key of the credentials file next to the configuration (a JSON object, mode 0600), which this
// class writes when the configuration is saved.
class ConfigDocument : public QObject
{
    Q_OBJECT
public:
    explicit ConfigDocument(QObject *parent = nullptr);
    ~ConfigDocument() override;

    // A new, unsaved configuration: the main database at `databasePath` (relative paths are
    // relative to where the file will be saved) and one source made from `preset`.
    void newDocument(const SourcePreset &preset, const QString &databasePath = QStringLiteral("database.sqlite"));
    // A configuration with this "database" object and no source yet (File ▸ New Configuration).
    void newEmptyDocument(const QJsonObject &database);
    // Reads a configuration. The file must be a JSON object; it need not be valid (the editor
    // is where it gets fixed). *error names the file and the problem.
    bool open(const QString &path, QString *error);
    // Writes the credentials that were entered, then the configuration, each atomically.
    bool save(QString *error);
    // Saves under another name. Relative paths in the file (the database, credentials files)
    // are rewritten so that they keep naming the same files from the new directory.
    bool saveAs(const QString &path, QString *error);

    QString filePath() const { return m_path; }
    QString baseDir() const;
    QString displayName() const; // file name, or "Untitled"
    bool isModified() const { return m_modified; }
    void setModified(bool modified);

    // The whole file, as it will be written.
    const QJsonObject &root() const { return m_root; }
    void setRoot(const QJsonObject &root);
    QJsonObject database() const { return m_root.value(QStringLiteral("database")).toObject(); }
    void setDatabase(const QJsonObject &database);

    // Sources, in file order, by name.
    QStringList sourceNames() const;
    int sourceCount() const { return int(sources().size()); }
    bool hasSource(const QString &name) const { return indexOf(name) >= 0; }
    QJsonObject source(const QString &name) const;
    // Replaces the source called `name` (its "name" may differ: that renames it); appends it
    // when there is none. False when the new name belongs to another source.
    bool setSource(const QString &name, const QJsonObject &source, QString *error = nullptr);
    bool addSource(const QJsonObject &source, QString *error = nullptr);
    bool removeSource(const QString &name);
    bool renameSource(const QString &oldName, const QString &newName, QString *error = nullptr);
    // A name not used yet: "forum", then "forum-2", "forum-3", ...
    QString uniqueSourceName(const QString &base) const;

    // The configuration as it would be loaded from this document (its file path gives relative
    // paths their directory). Problems come back one per key, as tributaryd reports them;
    // with a database, the schema is checked too.
    QList<ConfigProblem> validate(Database *schema = nullptr) const;
    // Validates another root (the document with one source being edited) the same way.
    QList<ConfigProblem> validate(const QJsonObject &root, Database *schema = nullptr) const;
    bool toConfig(Config *config, QStringList *errors) const;
    bool toConfig(const QJsonObject &root, Config *config, QStringList *errors) const;

    // Presets: a whole configuration, or one source object.
    static QJsonObject presetConfig(const SourcePreset &preset, const QString &databasePath);
    static QJsonObject presetSource(const SourcePreset &preset);
    // The main database's tables a preset writes to (the Good Forum's four; none for generic REST).
    static QStringList presetTables(const SourcePreset &preset);

    // Secrets. storeSecret() keeps `value` for the credentials file (written on save, or by
    // writeCredentials()) and returns the reference to put in the configuration.
    static QString credentialsFileName() { return QStringLiteral("credentials.json"); }
    // `file` defaults to credentialsFileName().
    SecretRef storeSecret(const QString &key, const QString &value, const QString &file = QString());
    // Whether the secret a reference names is available without showing it: an environment
    // variable that is set, or a key present in its credentials file (or entered, not yet saved).
    bool hasSecret(const SecretRef &ref) const;
    bool hasPendingSecrets() const { return !m_pendingSecrets.isEmpty(); }
    // Merges the secrets entered so far into the credentials file next to the configuration,
    // created with mode 0600. Needs a file path.
    bool writeCredentials(QString *error);

    // Recently opened or saved configurations, most recent first (QSettings "recentConfigs").
    static QStringList recentFiles();
    static void addRecentFile(const QString &path);
    static void clearRecentFiles();
    static constexpr int kMaxRecentFiles = 8;

Q_SIGNALS:
    void modifiedChanged(bool modified);
    void changed();                   // any edit (sources, database, root)
    void sourcesChanged();            // a source added, removed or renamed
    void filePathChanged(const QString &path);
    void saved(const QString &path);

private:
    // A document not on disk yet with this content (New Configuration).
    void startUnsaved(const QJsonObject &root);
    QJsonArray sources() const { return m_root.value(QStringLiteral("sources")).toArray(); }
    int indexOf(const QString &name) const;
    void setSources(const QJsonArray &sources, bool structural);
    void edited();
    void setFilePath(const QString &path);
    bool writeFile(const QString &path, QString *error);

    QString m_path;
    QJsonObject m_root;
    bool m_modified = false;
    // Credentials file (relative to the configuration) -> key -> secret, until written.
    QHash<QString, QHash<QString, QString>> m_pendingSecrets;
};

} // namespace Tributary::Gui
