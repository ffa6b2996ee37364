#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QStringList>
#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QTableWidget;
class QWidget;

namespace Tributary::Gui {

// The source editor's form: the source's JSON object (the model) and the fields that edit its
// keys. Each field writes only its own key, has a label for its problem next to it, and is
// refilled from the model by load(). The editor's generic pages and every source type's pages
// (SourceTypePages) are built with it, so that a problem naming a key is shown next to the field
// of that key whoever built it.
class EditorForm : public QObject
{
    Q_OBJECT
public:
    struct Field
    {
        QString key;          // relative to the source: "rest.base_url", "entity.columns"
        QWidget *input = nullptr;
        QLabel *error = nullptr;
        QWidget *container = nullptr;
        QFormLayout *form = nullptr;
    };

    // `owner` is the parent of the widgets the form builds (until a layout takes them).
    explicit EditorForm(QWidget *owner);

    // The model
    QJsonObject source() const { return m_source; }
    // Replaces the model without a signal; load() then refills the fields.
    void setSource(const QJsonObject &source) { m_source = source; }
    QJsonValue value(const QString &key) const { return valueAt(m_source, key); }
    // Sets the dotted key, or removes it (and parents it leaves empty) when `value` is undefined.
    void setValue(const QString &key, const QJsonValue &value);
    QString sourceName() const;
    QString sourceType() const;
    QStringList entityNames() const;
    // The entity whose detail is shown (-1: none); entity fields edit it.
    int entityRow() const { return m_entityRow; }
    void setEntityRow(int row) { m_entityRow = row; }
    QString currentEntity() const { return entityNames().value(m_entityRow); }
    QJsonObject entityObject(int row) const;
    void setEntityObject(int row, const QJsonObject &entity);
    void setEntityValue(const QString &key, const QJsonValue &value);

    // While loading, widgets are filled from the model and must not write back.
    bool isLoading() const { return m_loading > 0; }
    void beginLoading() { ++m_loading; }
    void endLoading() { --m_loading; }
    // Runs every field's loader, loading.
    void load();
    void addLoader(std::function<void()> loader) { m_loaders.append(std::move(loader)); }

    // Building. Each field is a row of `form` (null: placed by the caller) named `name`; its
    // problem label is named `name` + "Error".
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
    QTableWidget *makeTable(const QString &name, const QStringList &headers);
    // "every 5 minutes", in the largest unit that divides `seconds`.
    static QString everyText(qint64 seconds);

    // The fields, in the order they were built.
    const QList<Field> &fields() const { return m_fields; }
    // The last field built, for a caller that names its error or input after another widget.
    Field &lastField() { return m_fields.last(); }
    void setFieldVisible(const QString &key, bool visible);

    // JSON helpers
    static QJsonValue valueAt(const QJsonObject &o, const QString &path);
    static QString scalarText(const QJsonValue &v);
    // Query parameters as one line, "sort=updated_at&fields=id,updated_at".
    static QString paramsToText(const QJsonObject &o);
    static QJsonObject textToParams(const QString &text);

Q_SIGNALS:
    // The model changed through the form.
    void edited();
    // An entity of the model changed (`row`), for views of it that are not fields.
    void entityEdited(int row, const QJsonObject &entity);

private:
    // Writes `key` with the value `signal` of `widget` reports, unless loading.
    template<typename Widget, typename Sender, typename Value>
    void writeOnChange(Widget *widget, void (Sender::*signal)(Value), const QString &key)
    {
        connect(widget, signal, this, [this, key](Value value) {
            if (!isLoading())
                setValue(key, value);
        });
    }

    QWidget *m_owner;
    QJsonObject m_source;
    int m_entityRow = -1;
    int m_loading = 0;
    QList<Field> m_fields;
    QList<std::function<void()>> m_loaders;
};

} // namespace Tributary::Gui
