#pragma once

#include "ConfigDocument.h"

#include <QDialog>
#include <QJsonObject>
#include <QPointer>
#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTableWidgetItem;
class QTimer;

namespace Tributary::Gui {

class ConnectionTestDialog;
class Workspace;

// Edits one source of a configuration: every key of its JSON object, with the problems that
// tributaryd would report shown next to the widget of the key they name, as the admin types.
// The source's JSON object is the model: each widget writes only its own key, so keys the
// editor has no widget for survive untouched. Tables and columns are offered from the main
// database's real schema (Workspace); secrets are an environment variable name or a value kept
// in the credentials file, never written into the configuration and never shown again.
//
// Every interactive widget has an objectName (tabs, name, baseUrl, authType, secretMode,
// secretEnv, secretValue, paginationStyle, entitiesTable, columnsTable, saveButton, ...); the
// label showing a widget's problem is named after it with "Error" appended (baseUrlError).
// The Schedule page (scheduleInterval*, reconcileInterval*, jitterPercent, reconcileOnMissedDeletes)
// edits the "schedule" object `tributaryd serve` reads and says in a sentence what it will do
// (schedulePreview).
class SourceEditor : public QDialog
{
    Q_OBJECT
public:
    // `workspace` may be null: then tables and columns are typed, and the schema is not checked.
    SourceEditor(ConfigDocument *document, Workspace *workspace = nullptr, QWidget *parent = nullptr);
    ~SourceEditor() override;

    // Edits an existing source of the document. False when there is none by that name.
    bool editSource(const QString &name);
    // Starts a new source from a preset; its name is made unique in the document.
    void newSource(const SourcePreset &preset);
    // Refills the source from a preset, keeping its name, enabled and schedule, and for a source
    // already in the file its authentication (unless `preset` names the token variable of a
    // bearer sign-in). Empty base URL or token variable in `preset`: the ones currently entered
    // (or the preset's defaults). The preset buttons first show an existing source's admin the
    // keys it would change (confirmPreset).
    void applyPreset(const SourcePreset &preset);
    QJsonObject presetApplied(const SourcePreset &preset) const;
    // The key paths ("rest.pagination.style", "entities") whose values differ between two sources.
    static QStringList changedKeys(const QJsonObject &from, const QJsonObject &to, const QString &prefix = QString());

    bool isNewSource() const { return m_isNew; }
    QString originalName() const { return m_originalName; }
    QString sourceName() const;
    // The source as edited (the secret typed but not saved yet is not in it, only its reference).
    QJsonObject sourceObject() const { return m_source; }
    void setSourceObject(const QJsonObject &source);

    // The secret of the current authentication (bearer token, basic password or API key).
    void setSecretFromEnvironment(const QString &variable);
    // Kept for the credentials file; written when the source is saved.
    void setSecretToStore(const QString &secret);

    // Save applies the source to the document and saves the document's file (default). When
    // false, Save only applies it; the caller saves the document.
    void setSaveOnAccept(bool save) { m_saveOnAccept = save; }
    bool saveOnAccept() const { return m_saveOnAccept; }

    // Validation runs shortly after each edit; validateNow() runs it at once.
    void validateNow();
    bool isValid() const { return m_problems.isEmpty(); }
    // Problems of this source (they block Save), each naming its full key path.
    QList<ConfigProblem> problems() const { return m_problems; }
    // Problems elsewhere in the file (shown, not blocking).
    QList<ConfigProblem> otherProblems() const { return m_otherProblems; }
    // The problem text shown next to the widget called `objectName` (empty when none).
    QString errorShownFor(const QString &objectName) const;

    // What `tributaryd serve` will do with the source as edited, in one plain sentence (shown
    // under the Schedule page).
    QString schedulePreview() const;

    QStringList entityNames() const;
    void selectEntity(const QString &name);
    QString currentEntity() const;

    // Applies the source to the document (a typed secret goes to the document's credentials,
    // written with the file) and, with saveOnAccept and when the document has a file name, saves
    // the document. False, with *error, while the source is invalid or the file cannot be written.
    bool save(QString *error = nullptr);
    // Opens "Test connection" (not modal, deletes itself when closed) for the source as edited.
    // Null, with *error, when the source cannot be tested yet.
    ConnectionTestDialog *testConnection(QString *error = nullptr);

    // Edited since it was opened: the source differs from what it started as, or a secret was
    // typed that is not stored yet.
    bool hasChanges() const { return m_source != m_startSource || !m_secretValue.isEmpty(); }

public Q_SLOTS:
    void accept() override;
    // Cancel, Escape and closing the window: with changes, asks before discarding them.
    void reject() override;

Q_SIGNALS:
    void validated(bool valid);
    void sourceSaved(const QString &name);

private:
    struct Field
    {
        QString key;          // relative to the source: "rest.base_url", "entity.columns"
        QWidget *input = nullptr;
        QLabel *error = nullptr;
        QWidget *container = nullptr;
        QFormLayout *form = nullptr;
        int tab = 0;          // page of the editor's tabs
        int entityTab = -1;   // page of the entity detail's tabs, for entity keys
    };

    // For a source that exists in the file: lists what a preset would change and asks.
    bool confirmPreset(const QJsonObject &next);

    // Building
    QWidget *buildGeneralTab();
    QWidget *buildConnectionTab();
    QWidget *buildPaginationTab();
    QWidget *buildEntitiesTab();
    QWidget *buildScheduleTab();
    QWidget *buildJsonTab();
    QWidget *wrap(QWidget *input, const QString &key, QFormLayout *form = nullptr);
    QLineEdit *lineField(QFormLayout *form, const QString &label, const QString &name, const QString &key,
                         const QString &placeholder = QString());
    QWidget *spinField(QFormLayout *form, const QString &label, const QString &name, const QString &key, int min, int max, int def);
    QWidget *doubleField(QFormLayout *form, const QString &label, const QString &name, const QString &key, double min,
                         double max, double def, int decimals);
    QComboBox *comboField(QFormLayout *form, const QString &label, const QString &name, const QString &key,
                          const QStringList &values, const QString &def);
    QCheckBox *checkField(QFormLayout *form, const QString &text, const QString &name, const QString &key, bool def);
    QLineEdit *paramsField(QFormLayout *form, const QString &label, const QString &name, const QString &key);
    // Whole seconds as a number and a unit. With `offText`, a check box before them turns the
    // duration off (0). The default writes no key.
    QWidget *durationField(QFormLayout *form, const QString &label, const QString &name, const QString &key, int def,
                           const QString &offText = QString());
    // "every 5 minutes", in the largest unit that divides `seconds`.
    static QString everyText(qint64 seconds);
    QTableWidget *makeTable(const QString &name, const QStringList &headers);

    // Model
    void setValue(const QString &key, const QJsonValue &value);
    void setEntityValue(const QString &key, const QJsonValue &value);
    // An object-valued key of the entity edited as a table (references, defaults, policies).
    void setEntityTable(const QString &key, const QJsonObject &table);
    QJsonObject entityObject(int row) const;
    void setEntityObject(int row, const QJsonObject &entity);
    void edited();
    QJsonObject candidateRoot() const;
    QString secretKeyName() const;   // token, password or key; empty without a secret
    QJsonObject secretReference() const;
    void writeAuth();

    // Widgets from the model
    void loadWidgets();
    void loadSecret();
    void loadEntities();
    void loadEntityDetail();
    void loadColumns(const QJsonObject &entity);
    void loadReferences(const QJsonObject &entity);
    void loadDefaults(const QJsonObject &entity);
    void loadFieldPolicies(const QJsonObject &entity);
    void updateVisibility();
    void refreshJson();

    // Model from the tables
    void onEntityItemChanged(QTableWidgetItem *item);
    void writeColumns();
    void writeReferences();
    void writeDefaults();
    void writeFieldPolicies();
    void writeHeaders();
    void addEntity();
    void removeEntity();
    void moveEntity(int delta);
    void showEntityRow(int row);

    // Problems
    void scheduleValidation();
    // The key path relative to this source; false when the problem belongs elsewhere.
    bool relativeKey(const QString &keyPath, QString *relative) const;
    QList<ConfigProblem> localProblems() const;
    void setFieldVisible(const QString &key, bool visible);
    // The field showing a problem of this key; *effective is the key as fields name it (keys of
    // the selected entity become "entity.…").
    QString fieldKeyFor(const QString &relative, QString *effective = nullptr) const;
    const Field *fieldFor(const QString &relative) const;
    void showProblems();
    void decorate(QTableWidget *table, int row, int column, const QString &problem);
    void clearDecorations(QTableWidget *table);
    void focusProblem(const QString &relative);

    QStringList tables() const;
    QStringList columnsOf(const QString &table) const;
    QStringList mappedColumns() const;

    QPointer<ConfigDocument> m_document;
    QPointer<Workspace> m_workspace;
    QJsonObject m_source;
    QString m_originalName;
    QJsonObject m_startSource; // the source as opened, for hasChanges()
    bool m_isNew = true;
    bool m_saveOnAccept = true;
    int m_loading = 0;
    int m_entityRow = -1;
    QString m_secretValue; // typed, to be stored on save
    QString m_secretFile;  // the credentials file and key the source refers to, when it does
    QString m_secretKey;
    int m_buildingTab = 0;
    int m_buildingEntityTab = -1;
    QList<ConfigProblem> m_problems;
    QList<ConfigProblem> m_otherProblems;
    QList<ConfigProblem> m_localProblems;
    QList<Field> m_fields;
    QList<std::function<void()>> m_loaders;
    QTimer *m_validateTimer = nullptr;

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_startFrom = nullptr;
    QLineEdit *m_startDate = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QComboBox *m_authType = nullptr;
    QLineEdit *m_authHeader = nullptr;
    QLineEdit *m_authUsername = nullptr;
    QComboBox *m_secretMode = nullptr;
    QLineEdit *m_secretEnv = nullptr;
    QLineEdit *m_secretValueEdit = nullptr;
    QLabel *m_secretStatus = nullptr;
    QTableWidget *m_headers = nullptr;
    QComboBox *m_paginationStyle = nullptr;
    QCheckBox *m_totalRequest = nullptr;
    QCheckBox *m_incremental = nullptr;
    QList<QWidget *> m_incrementalInputs;
    QList<QWidget *> m_totalRequestInputs;
    QTableWidget *m_entities = nullptr;
    QTabWidget *m_entityTabs = nullptr;
    QLabel *m_entityTitle = nullptr;
    QTableWidget *m_columns = nullptr;
    QTableWidget *m_references = nullptr;
    QTableWidget *m_defaults = nullptr;
    QTableWidget *m_fieldPolicies = nullptr;
    QLineEdit *m_match = nullptr;
    QComboBox *m_updatedColumn = nullptr;
    QLineEdit *m_deletedColumn = nullptr;
    QLineEdit *m_entityRecordsPath = nullptr;
    QLineEdit *m_entityRecordPath = nullptr;
    QComboBox *m_entityIncremental = nullptr;
    QPlainTextEdit *m_entityJson = nullptr;
    QLabel *m_entityJsonError = nullptr;
    QLabel *m_schedulePreview = nullptr;
    QPlainTextEdit *m_sourceJson = nullptr;
    QLabel *m_sourceJsonError = nullptr;
    QListWidget *m_problemList = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_testButton = nullptr;
};

} // namespace Tributary::Gui
