#pragma once

#include "SourceTypePages.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;
class QTableWidget;

#include <memory>

namespace Tributary {
class RestSource;
}

namespace Tributary::Gui {

// The source editor's pages of the REST source ("type": "rest"): Connection (base URL, sign-in
// and its secret, headers, record paths, limits), Pagination & incremental, and the entity's
// REST subtab. The secret is an environment variable's name or a value kept in the credentials
// file, never written into the configuration and never shown again.
//
// OAuth 2.0 ("oauth2") shows its own fields instead: the grant, the token URL, the client id, the
// scopes and the refresh token's reference; the secret above is then the client secret. "Get
// token" asks the token endpoint with the form's values, without blocking, and shows what was
// granted (lifetime, scopes), never the token.
//
// objectNames: baseUrl, authType, authHeader, authUsername, secret, secretMode, secretEnv,
// secretValue, secretStatus, oauthGrant, oauthTokenUrl, oauthClientId, oauthScopes,
// oauthRefreshMode, oauthRefreshRef, oauthGetToken, oauthTokenStatus, headersTable,
// paginationStyle, totalRequest, incrementalEnabled, entityRecordsPath, entityRecordPath,
// entityIncremental, ...
class RestEditorPages : public SourceTypePages
{
    Q_OBJECT
public:
    RestEditorPages(EditorForm *form, ConfigDocument *document, QObject *parent = nullptr);
    ~RestEditorPages() override;

    QString type() const override;
    QList<Page> buildPages() override;
    QList<Page> buildEntityPages() override;
    void load() override;
    void loadEntity(const QJsonObject &entity) override;
    void updateVisibility() override;
    QList<ConfigProblem> localProblems() const override;
    bool hasUnsavedInput() const override { return !m_secretValue.isEmpty(); }
    void discardUnsavedInput() override { m_secretValue.clear(); }
    void beforeSave() override;
    void afterSave() override;
    bool beforeTest(QString *error) override;
    void adjustPreset(SourcePreset *preset) const override;
    void keepOnPreset(const QJsonObject &current, const SourcePreset &preset, bool isNewSource, QJsonObject *next) const override;
    QJsonObject newEntityDefaults(const QString &name) const override;
    bool entitiesHaveEndpoints() const override { return true; }
    bool setSecretFromEnvironment(const QString &variable) override;
    bool setSecretToStore(const QString &secret) override;

private:
    QWidget *buildConnectionPage();
    QWidget *buildPaginationPage();
    QWidget *buildHeaders();
    // The secret's key in the auth object: token, password or key; empty without a secret.
    QString secretKeyName() const;
    bool storesSecret() const;
    QJsonObject secretReference() const;
    // Hands the typed secret to the document's credentials and refers to it.
    void storeSecret();
    void writeAuth();
    // writeAuth() and what it changes on the page, when the sign-in was edited.
    void authEdited(bool visibility);
    void loadSecret();
    void writeHeaders();
    QJsonObject refreshTokenReference() const;
    // "Get token": a throwaway source made of the form's values asks for a token.
    void getToken();

    std::unique_ptr<RestSource> m_tokenSource; // the one "Get token" asks with
    QNetworkAccessManager *m_nam = nullptr;

    QString m_secretValue; // typed, to be stored on save
    QString m_secretFile;  // the credentials file and key the source refers to, when it does
    QString m_secretKey;

    QLineEdit *m_baseUrl = nullptr;
    QComboBox *m_authType = nullptr;
    QLineEdit *m_authHeader = nullptr;
    QLineEdit *m_authUsername = nullptr;
    QComboBox *m_secretMode = nullptr;
    QLineEdit *m_secretEnv = nullptr;
    QLineEdit *m_secretValueEdit = nullptr;
    QLabel *m_secretStatus = nullptr;
    QComboBox *m_oauthGrant = nullptr;
    QLineEdit *m_oauthTokenUrl = nullptr;
    QLineEdit *m_oauthClientId = nullptr;
    QLineEdit *m_oauthScopes = nullptr;
    QComboBox *m_oauthRefreshMode = nullptr;
    QLineEdit *m_oauthRefreshRef = nullptr;
    QPushButton *m_oauthGetToken = nullptr;
    QLabel *m_oauthTokenStatus = nullptr;
    QTableWidget *m_headers = nullptr;
    QComboBox *m_paginationStyle = nullptr;
    QCheckBox *m_totalRequest = nullptr;
    QCheckBox *m_incremental = nullptr;
    QList<QWidget *> m_incrementalInputs;
    QList<QWidget *> m_totalRequestInputs;
    QLineEdit *m_entityRecordsPath = nullptr;
    QLineEdit *m_entityRecordPath = nullptr;
    QComboBox *m_entityIncremental = nullptr;
};

} // namespace Tributary::Gui
