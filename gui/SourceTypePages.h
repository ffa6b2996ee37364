#pragma once

#include "ConfigDocument.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

namespace Tributary::Gui {

class EditorForm;

// The source editor's pages of one source type (its "type" key): the tabs for the keys only that
// type reads (the REST source's connection and pagination), the selected entity's subtabs, and
// what the type keeps outside the source's JSON (a secret typed for the credentials file).
// Registered per type with SourceEditorPages; the editor builds the pages of every registered
// type once and shows those of the type the source names. Fields are built with the editor's
// EditorForm, so that problems of their keys are shown next to them like any other field's.
class SourceTypePages : public QObject
{
    Q_OBJECT
public:
    struct Page
    {
        QWidget *widget = nullptr;
        QString title; // translated, with its accelerator
    };

    SourceTypePages(EditorForm *form, ConfigDocument *document, QObject *parent = nullptr);
    ~SourceTypePages() override;

    // The "type" this edits, as SourceRegistry knows it.
    virtual QString type() const = 0;

    // Tabs of the editor, after its General page. Built once, when the editor is.
    virtual QList<Page> buildPages() = 0;
    // Tabs of the selected entity's detail, before its JSON.
    virtual QList<Page> buildEntityPages() { return {}; }

    // Fills what the form's own loaders do not (called while the form is loading).
    virtual void load() {}
    // Fills the entity pages for `entity` (empty: none selected), the form loading.
    virtual void loadEntity(const QJsonObject &entity) { Q_UNUSED(entity) }
    // Shows and enables the pages' fields for what is chosen on them.
    virtual void updateVisibility() {}

    // Problems the JSON cannot show (a secret chosen for the credentials file but never typed),
    // each naming its full key path ("sources.forum.rest.auth.token").
    virtual QList<ConfigProblem> localProblems() const { return {}; }
    // Input kept outside the source's JSON until the source is saved (a typed secret).
    virtual bool hasUnsavedInput() const { return false; }
    virtual void discardUnsavedInput() {}
    // Before the source is applied to the document: hands the document what was kept outside the
    // JSON (a typed secret, written with the file) and refers to it from the JSON.
    virtual void beforeSave() {}
    // After a save: says again where what was kept outside now is.
    virtual void afterSave() {}
    // Before a connection test reads the source: what was kept outside must be readable by then.
    // False, with *error, when it cannot be.
    virtual bool beforeTest(QString *error)
    {
        Q_UNUSED(error)
        return true;
    }

    // A preset chosen on the General page, completed from what is entered here (base URL, token
    // variable).
    virtual void adjustPreset(SourcePreset *preset) const { Q_UNUSED(preset) }
    // What of `current` a preset's `next` source keeps (how an existing source signs in).
    virtual void keepOnPreset(const QJsonObject &current, const SourcePreset &preset, bool isNewSource, QJsonObject *next) const
    {
        Q_UNUSED(current)
        Q_UNUSED(preset)
        Q_UNUSED(isNewSource)
        Q_UNUSED(next)
    }
    // Keys a new entity called `name` starts with, besides its name, table and columns.
    virtual QJsonObject newEntityDefaults(const QString &name) const
    {
        Q_UNUSED(name)
        return {};
    }
    // Whether the entities table shows its "endpoint" column.
    virtual bool entitiesHaveEndpoints() const { return false; }

    // The secret of the type's sign-in, from an environment variable or kept for the credentials
    // file. False when the type has no secret.
    virtual bool setSecretFromEnvironment(const QString &variable)
    {
        Q_UNUSED(variable)
        return false;
    }
    virtual bool setSecretToStore(const QString &secret)
    {
        Q_UNUSED(secret)
        return false;
    }

Q_SIGNALS:
    // What is wrong may have changed though the JSON did not (a secret typed or cleared).
    void validationNeeded();

protected:
    EditorForm *form() const { return m_form; }
    ConfigDocument *document() const { return m_document; }

private:
    EditorForm *m_form;
    QPointer<ConfigDocument> m_document;
};

} // namespace Tributary::Gui
