#pragma once

#include "ConfigDocument.h"
#include "EditorForm.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QPointer>

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
class EditorForm;
class SourceTypePages;
class Workspace;

// Edits one source of a configuration: every key of its JSON object, with the problems that
// tributaryd would report shown next to the widget of the key they name, as the admin types.
// The source's JSON object is the model: each widget writes only its own key, so keys the
// editor has no widget for survive untouched. Tables and columns are offered from the main
// database's real schema (Workspace). The pages of the keys only one source type reads (REST's
// connection, sign-in and pagination) are that type's SourceTypePages, registered with
// SourceEditorPages: the editor builds those of every registered type and shows the ones of the
// source's type. All pages build their fields with one EditorForm, so a problem is shown next to
// the field of its key whoever built it.
//
// Every interactive widget has an objectName (tabs, name, sourceType, entitiesTable, columnsTable,
// saveButton, and the type pages' baseUrl, authType, secretMode, ...); the label showing a
// widget's problem is named after it with "Error" appended (baseUrlError).
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
    // The key paths ("schedule.interval_seconds", "entities") whose values differ between two sources.
    static QStringList changedKeys(const QJsonObject &from, const QJsonObject &to, const QString &prefix = QString());

    bool isNewSource() const { return m_isNew; }
    QString originalName() const { return m_originalName; }
    QString sourceName() const;
    // The source as edited (the secret typed but not saved yet is not in it, only its reference).
    QJsonObject sourceObject() const;
    void setSourceObject(const QJsonObject &source);

    // The secret of the current authentication (bearer token, basic password or API key), given
    // to the pages of the source's type.
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
    bool hasChanges() const;

public Q_SLOTS:
    void accept() override;
    // Cancel, Escape and closing the window: with changes, asks before discarding them.
    void reject() override;

Q_SIGNALS:
    void validated(bool valid);
    void sourceSaved(const QString &name);

private:
    // For a source that exists in the file: lists what a preset would change and asks.
    bool confirmPreset(const QJsonObject &next);

    // Building
    QWidget *buildGeneralTab();
    QWidget *buildEntitiesTab();
    QWidget *buildScheduleTab();
    QWidget *buildJsonTab();
    // The pages of a source type; null when none is registered for it.
    SourceTypePages *pagesFor(const QString &type) const;

    // Model
    // An object-valued key of the entity edited as a table (references, defaults, policies).
    void setEntityTable(const QString &key, const QJsonObject &table);
    QJsonObject candidateRoot() const;

    // Widgets from the model
    void loadWidgets();
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
    void addEntity();
    void removeEntity();
    void moveEntity(int delta);
    void showEntityRow(int row);

    // Problems
    void scheduleValidation();
    // The key path relative to this source; false when the problem belongs elsewhere.
    bool relativeKey(const QString &keyPath, QString *relative) const;
    QList<ConfigProblem> localProblems() const;
    // The field showing a problem of this key; *effective is the key as fields name it (keys of
    // the selected entity become "entity.…").
    QString fieldKeyFor(const QString &relative, QString *effective = nullptr) const;
    // The entity an "entities.<name>.…" key names (empty: none); *below is what follows its name.
    QString entityNamedIn(const QString &relative, QString *below = nullptr) const;
    const EditorForm::Field *fieldFor(const QString &relative) const;
    void showProblems();
    void decorate(QTableWidget *table, int row, int column, const QString &problem);
    void clearDecorations(QTableWidget *table);
    void focusProblem(const QString &relative);

    QStringList tables() const;
    QStringList columnsOf(const QString &table) const;
    QStringList mappedColumns() const;

    QPointer<ConfigDocument> m_document;
    QPointer<Workspace> m_workspace;
    EditorForm *m_form = nullptr; // the source's JSON object and the fields editing it
    QList<SourceTypePages *> m_typePages;
    QHash<QWidget *, SourceTypePages *> m_pageOwners; // the tabs and entity tabs of each type
    QString m_originalName;
    QJsonObject m_startSource; // the source as opened, for hasChanges()
    bool m_isNew = true;
    bool m_saveOnAccept = true;
    QList<ConfigProblem> m_problems;
    QList<ConfigProblem> m_otherProblems;
    QList<ConfigProblem> m_localProblems;
    QTimer *m_validateTimer = nullptr;

    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_type = nullptr;
    QComboBox *m_startFrom = nullptr;
    QLineEdit *m_startDate = nullptr;
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
    QPlainTextEdit *m_entityJson = nullptr;
    QLabel *m_entityJsonError = nullptr;
    QLabel *m_schedulePreview = nullptr;
    QWidget *m_jsonPage = nullptr;
    QPlainTextEdit *m_sourceJson = nullptr;
    QLabel *m_sourceJsonError = nullptr;
    QListWidget *m_problemList = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_testButton = nullptr;
};

} // namespace Tributary::Gui
