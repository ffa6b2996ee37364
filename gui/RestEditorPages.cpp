#include "RestEditorPages.h"

#include "EditorForm.h"

#include "ConfigDocument.h"
#include "rest/OAuthToken.h"
#include "rest/RestConfig.h"
#include "rest/RestSource.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QJsonArray>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <climits>

namespace Tributary::Gui {

namespace {

// The choices the REST source accepts, read from it (never copied here) when the pages are built
// (not during static initialisation, whose order across files is unknown).
QStringList styleChoices() { return RestConfig::paginationStyles(); }
QStringList formatChoices() { return RestConfig::incrementalFormats(); }
// Pagination keys that only one style reads; the others apply to every style.
const QHash<QString, QStringList> kStyleKeys = {
    {QStringLiteral("page"), {QStringLiteral("page_param"), QStringLiteral("first_page"), QStringLiteral("last_page_path")}},
    {QStringLiteral("offset"), {QStringLiteral("offset_param"), QStringLiteral("limit_param")}},
    {QStringLiteral("cursor"), {QStringLiteral("cursor_param"), QStringLiteral("next_cursor_path")}},
    {QStringLiteral("next_url"), {QStringLiteral("next_url_path")}},
};

QTableWidgetItem *textItem(const QString &text)
{
    return new QTableWidgetItem(text);
}

QString cellText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

} // namespace

RestEditorPages::RestEditorPages(EditorForm *form, ConfigDocument *document, QObject *parent)
    : SourceTypePages(form, document, parent)
{
}

RestEditorPages::~RestEditorPages() = default;

QString RestEditorPages::type() const
{
    return QStringLiteral("rest");
}

QList<SourceTypePages::Page> RestEditorPages::buildPages()
{
    return {{buildConnectionPage(), tr("Connection")}, {buildPaginationPage(), tr("Pagination && incremental")}};
}

// ---------------------------------------------------------------------------------------------
// Widgets from the model

void RestEditorPages::load()
{
    const QString auth = form()->value(QStringLiteral("rest.auth.type")).toString();
    const int authIndex = m_authType->findData(auth.isEmpty() ? QStringLiteral("none") : auth);
    m_authType->setCurrentIndex(authIndex < 0 ? 0 : authIndex);
    m_authHeader->setText(form()->value(QStringLiteral("rest.auth.header")).toString());
    const QJsonValue user = form()->value(QStringLiteral("rest.auth.username"));
    m_authUsername->setText(user.isString() ? user.toString() : QString());
    m_authUsername->setPlaceholderText(user.isObject() ? tr("kept as a secret (%1)").arg(EditorForm::scalarText(user.toObject().value(
                                                             user.toObject().contains(QStringLiteral("env")) ? QStringLiteral("env")
                                                                                                             : QStringLiteral("key"))))
                                                       : QString());
    // Where the secret comes from, as the file says.
    const QJsonObject ref = form()->value(QStringLiteral("rest.auth.") + secretKeyName()).toObject();
    m_secretFile = ref.value(QStringLiteral("file")).toString();
    m_secretKey = ref.value(QStringLiteral("key")).toString();
    m_secretMode->setCurrentIndex(m_secretMode->findData(ref.contains(QStringLiteral("file")) ? QStringLiteral("file")
                                                                                               : QStringLiteral("env")));
    m_secretEnv->setText(ref.value(QStringLiteral("env")).toString());
    loadSecret();

    const int grant = m_oauthGrant->findData(form()->value(QStringLiteral("rest.auth.grant")).toString());
    m_oauthGrant->setCurrentIndex(grant < 0 ? 0 : grant);
    m_oauthTokenUrl->setText(form()->value(QStringLiteral("rest.auth.token_url")).toString());
    const QJsonValue clientId = form()->value(QStringLiteral("rest.auth.client_id"));
    m_oauthClientId->setText(clientId.isString() ? clientId.toString() : QString());
    m_oauthClientId->setPlaceholderText(clientId.isObject() ? tr("kept as a secret (see the JSON tab)") : QString());
    QStringList scopes;
    for (const QJsonValue &v : form()->value(QStringLiteral("rest.auth.scopes")).toArray())
        scopes.append(v.toString());
    m_oauthScopes->setText(scopes.join(QLatin1Char(' ')));
    const QJsonObject refresh = form()->value(QStringLiteral("rest.auth.refresh_token")).toObject();
    const bool refreshInFile = refresh.contains(QStringLiteral("file"));
    m_oauthRefreshMode->setCurrentIndex(m_oauthRefreshMode->findData(refreshInFile ? QStringLiteral("file") : QStringLiteral("env")));
    m_oauthRefreshRef->setText(refresh.value(refreshInFile ? QStringLiteral("key") : QStringLiteral("env")).toString());
    m_oauthTokenStatus->clear();

    m_headers->setRowCount(0);
    const QJsonObject headers = form()->value(QStringLiteral("rest.headers")).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        const int row = m_headers->rowCount();
        m_headers->insertRow(row);
        m_headers->setItem(row, 0, textItem(it.key()));
        m_headers->setItem(row, 1, textItem(EditorForm::scalarText(it.value())));
    }
}

void RestEditorPages::loadEntity(const QJsonObject &entity)
{
    m_entityRecordsPath->setText(entity.value(QStringLiteral("records_path")).toString());
    m_entityRecordPath->setText(entity.value(QStringLiteral("record_path")).toString());
    m_entityIncremental->clear();
    m_entityIncremental->addItem(tr("as the source"), QStringLiteral("inherit"));
    m_entityIncremental->addItem(tr("off: always walk in full"), QStringLiteral("off"));
    const QJsonValue inc = entity.value(QStringLiteral("incremental"));
    if (inc.isObject()) {
        m_entityIncremental->addItem(tr("overridden (see the JSON tab)"), QStringLiteral("custom"));
        m_entityIncremental->setCurrentIndex(2);
    } else {
        m_entityIncremental->setCurrentIndex(inc.isUndefined() ? 0 : 1);
    }
}

void RestEditorPages::updateVisibility()
{
    const QString auth = m_authType->currentData().toString();
    form()->setFieldVisible(QStringLiteral("rest.auth.header"), auth == QLatin1String("api_key"));
    form()->setFieldVisible(QStringLiteral("rest.auth.username"), auth == QLatin1String("basic"));
    form()->setFieldVisible(QStringLiteral("rest.auth"), auth != QLatin1String("none"));
    const bool oauth = auth == QLatin1String("oauth2");
    for (const char *key : {"rest.auth.grant", "rest.auth.token_url", "rest.auth.client_id", "rest.auth.scopes", "rest.auth.get_token"})
        form()->setFieldVisible(QString::fromLatin1(key), oauth);
    form()->setFieldVisible(QStringLiteral("rest.auth.refresh_token"),
                            oauth && m_oauthGrant->currentData().toString() == QLatin1String("refresh_token"));
    const bool env = m_secretMode->currentData().toString() == QLatin1String("env");
    m_secretEnv->setVisible(env);
    m_secretValueEdit->setVisible(!env);

    const QString style = m_paginationStyle->currentData().toString();
    QStringList all;
    for (auto it = kStyleKeys.constBegin(); it != kStyleKeys.constEnd(); ++it)
        all += it.value();
    for (const QString &k : std::as_const(all))
        form()->setFieldVisible(QStringLiteral("rest.pagination.") + k, kStyleKeys.value(style).contains(k));
    for (QWidget *w : std::as_const(m_totalRequestInputs))
        w->setEnabled(m_totalRequest->isChecked());
    for (QWidget *w : std::as_const(m_incrementalInputs))
        w->setEnabled(m_incremental->isChecked());
}

// ---------------------------------------------------------------------------------------------
// The secret

void RestEditorPages::authEdited(bool visibility)
{
    if (form()->isLoading())
        return;
    writeAuth();
    form()->beginLoading();
    loadSecret();
    form()->endLoading();
    if (visibility)
        updateVisibility();
}

bool RestEditorPages::storesSecret() const
{
    return !secretKeyName().isEmpty() && m_secretMode->currentData().toString() == QLatin1String("file");
}

void RestEditorPages::storeSecret()
{
    const QJsonObject ref = secretReference();
    const SecretRef stored = document()->storeSecret(ref.value(QStringLiteral("key")).toString(), m_secretValue,
                                                     ref.value(QStringLiteral("file")).toString());
    m_secretFile = stored.file;
    m_secretKey = stored.key;
}

QList<ConfigProblem> RestEditorPages::localProblems() const
{
    if (!storesSecret() || !m_secretValue.isEmpty())
        return {};
    const QJsonObject ref = secretReference();
    SecretRef r;
    r.file = ref.value(QStringLiteral("file")).toString();
    r.key = ref.value(QStringLiteral("key")).toString();
    if (document() && document()->hasSecret(r))
        return {};
    return {{QStringLiteral("sources.%1.rest.auth.%2").arg(form()->sourceName(), secretKeyName()),
             tr("type the secret to store it in %1, or name an environment variable").arg(r.file)}};
}

void RestEditorPages::beforeSave()
{
    if (m_secretValue.isEmpty() || !storesSecret() || !document())
        return;
    storeSecret();
    m_secretValue.clear();
    form()->beginLoading();
    m_secretValueEdit->clear();
    form()->endLoading();
    writeAuth();
}

void RestEditorPages::afterSave()
{
    form()->beginLoading();
    loadSecret();
    form()->endLoading();
}

bool RestEditorPages::beforeTest(QString *error)
{
    // A secret typed for the credentials file must be there for the source to read it.
    if (m_secretValue.isEmpty() || m_secretMode->currentData().toString() != QLatin1String("file"))
        return true;
    if (!document() || document()->filePath().isEmpty()) {
        *error = tr("Save the configuration first: the secret is kept in the credentials file next to it.");
        return false;
    }
    const QString file = m_secretFile, key = m_secretKey;
    storeSecret();
    if (!document()->writeCredentials(error)) {
        m_secretFile = file;
        m_secretKey = key;
        return false;
    }
    m_secretValue.clear();
    form()->beginLoading();
    m_secretValueEdit->clear();
    loadSecret();
    form()->endLoading();
    return true;
}

bool RestEditorPages::setSecretFromEnvironment(const QString &variable)
{
    m_secretMode->setCurrentIndex(m_secretMode->findData(QStringLiteral("env")));
    m_secretEnv->setText(variable);
    writeAuth();
    return true;
}

bool RestEditorPages::setSecretToStore(const QString &secret)
{
    m_secretMode->setCurrentIndex(m_secretMode->findData(QStringLiteral("file")));
    m_secretValueEdit->setText(secret);
    return true;
}

// ---------------------------------------------------------------------------------------------
// Presets and new entities

void RestEditorPages::adjustPreset(SourcePreset *preset) const
{
    if (!m_baseUrl->text().trimmed().isEmpty())
        preset->baseUrl = m_baseUrl->text().trimmed();
    const bool env = m_secretMode->currentData().toString() == QLatin1String("env");
    if (env && !m_secretEnv->text().trimmed().isEmpty() && m_authType->currentData().toString() != QLatin1String("none"))
        preset->tokenEnv = m_secretEnv->text().trimmed();
    else if (preset->kind == SourcePreset::Kind::GenericRest)
        preset->tokenEnv.clear();
}

void RestEditorPages::keepOnPreset(const QJsonObject &current, const SourcePreset &preset, bool isNewSource, QJsonObject *next) const
{
    // How this source signs in is the admin's, not the API's: an authentication already set up (a
    // token variable, a credentials-file key, an API key) is kept, never replaced by the preset's
    // default variable. A new source has nothing set up yet (its sign-in is the last preset's),
    // and a token variable the caller names for a bearer sign-in is the one wanted.
    const QJsonObject auth = EditorForm::valueAt(current, QStringLiteral("rest.auth")).toObject();
    const QString authType = auth.value(QStringLiteral("type")).toString();
    const bool namedBearer = !preset.tokenEnv.isEmpty() && authType == QLatin1String("bearer")
        && auth.value(QStringLiteral("token")).toObject().contains(QStringLiteral("env"));
    if (isNewSource || auth.isEmpty() || authType == QLatin1String("none") || namedBearer)
        return;
    QJsonObject rest = next->value(QStringLiteral("rest")).toObject();
    rest.insert(QStringLiteral("auth"), auth);
    next->insert(QStringLiteral("rest"), rest);
}

QJsonObject RestEditorPages::newEntityDefaults(const QString &name) const
{
    return {{QStringLiteral("endpoint"), QLatin1Char('/') + name}};
}

QString RestEditorPages::secretKeyName() const
{
    const QString type = m_authType->currentData().toString();
    if (type == QLatin1String("bearer"))
        return QStringLiteral("token");
    if (type == QLatin1String("basic"))
        return QStringLiteral("password");
    if (type == QLatin1String("api_key"))
        return QStringLiteral("key");
    if (type == QLatin1String("oauth2"))
        return QStringLiteral("client_secret");
    return {};
}

QJsonObject RestEditorPages::secretReference() const
{
    if (m_secretMode->currentData().toString() == QLatin1String("env")) {
        const QString variable = m_secretEnv->text().trimmed();
        return variable.isEmpty() ? QJsonObject() : QJsonObject{{QStringLiteral("env"), variable}};
    }
    const QString file = m_secretFile.isEmpty() ? ConfigDocument::credentialsFileName() : m_secretFile;
    const QString key = m_secretKey.isEmpty() ? form()->sourceName() + QLatin1Char('.') + secretKeyName() : m_secretKey;
    return QJsonObject{{QStringLiteral("file"), file}, {QStringLiteral("key"), key}};
}

void RestEditorPages::writeAuth()
{
    const QJsonObject old = form()->value(QStringLiteral("rest.auth")).toObject();
    const QString type = m_authType->currentData().toString();
    QJsonObject auth{{QStringLiteral("type"), type}};
    if (type == QLatin1String("api_key") && !m_authHeader->text().trimmed().isEmpty())
        auth.insert(QStringLiteral("header"), m_authHeader->text().trimmed());
    if (type == QLatin1String("basic")) {
        if (!m_authUsername->text().isEmpty())
            auth.insert(QStringLiteral("username"), m_authUsername->text());
        else if (old.value(QStringLiteral("username")).isObject()) // a user name kept as a secret
            auth.insert(QStringLiteral("username"), old.value(QStringLiteral("username")));
    }
    if (type == QLatin1String("oauth2")) {
        const QString grant = m_oauthGrant->currentData().toString();
        auth.insert(QStringLiteral("grant"), grant);
        auth.insert(QStringLiteral("token_url"), m_oauthTokenUrl->text().trimmed());
        if (!m_oauthClientId->text().trimmed().isEmpty())
            auth.insert(QStringLiteral("client_id"), m_oauthClientId->text().trimmed());
        else if (old.value(QStringLiteral("client_id")).isObject()) // a client id kept as a secret
            auth.insert(QStringLiteral("client_id"), old.value(QStringLiteral("client_id")));
        const QStringList scopes = m_oauthScopes->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (!scopes.isEmpty())
            auth.insert(QStringLiteral("scopes"), QJsonArray::fromStringList(scopes));
        const QJsonObject refresh = refreshTokenReference();
        if (grant == QLatin1String("refresh_token") && !refresh.isEmpty())
            auth.insert(QStringLiteral("refresh_token"), refresh);
        // What the form does not show is kept as the file has it.
        for (const char *key : {"audience", "client_auth", "refresh_before_s"}) {
            const QString k = QString::fromLatin1(key);
            if (old.value(QStringLiteral("type")).toString() == type && old.contains(k))
                auth.insert(k, old.value(k));
        }
    }
    const QString k = secretKeyName();
    if (!k.isEmpty()) {
        const QJsonObject ref = secretReference();
        // A public client (refresh_token grant) has no secret: an empty variable name leaves it out.
        if (!ref.isEmpty())
            auth.insert(k, ref);
    }
    form()->setValue(QStringLiteral("rest.auth"), auth);
}

QJsonObject RestEditorPages::refreshTokenReference() const
{
    const QString ref = m_oauthRefreshRef->text().trimmed();
    if (ref.isEmpty())
        return {};
    if (m_oauthRefreshMode->currentData().toString() == QLatin1String("env"))
        return {{QStringLiteral("env"), ref}};
    const QString file = m_secretFile.isEmpty() ? ConfigDocument::credentialsFileName() : m_secretFile;
    return {{QStringLiteral("file"), file}, {QStringLiteral("key"), ref}};
}

void RestEditorPages::getToken()
{
    m_tokenSource.reset();
    QString why;
    if (!beforeTest(&why)) {
        m_oauthTokenStatus->setText(why);
        return;
    }
    // Only this source, as the connection test takes it: problems elsewhere in the file do not
    // stop it.
    const QJsonObject root{{QStringLiteral("database"), document() ? document()->database() : QJsonObject()},
                           {QStringLiteral("sources"), QJsonArray{form()->source()}}};
    Config config;
    QStringList lines;
    const bool ok = document() ? document()->toConfig(root, &config, &lines) : Config::fromJson(root, QString(), &config, &lines);
    const SourceConfig *source = ok ? config.source(form()->sourceName()) : nullptr;
    if (!source) {
        m_oauthTokenStatus->setText(tr("Fix the problems first: %1").arg(lines.join(QLatin1Char(' '))));
        return;
    }
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    m_tokenSource = std::make_unique<RestSource>(*source, m_nam);
    OAuthToken *token = m_tokenSource->oauthToken();
    if (m_tokenSource->setupError() || !token) {
        m_oauthTokenStatus->setText(m_tokenSource->setupError().message);
        m_tokenSource.reset();
        return;
    }
    // Asked for, not taken from the cache: the button proves that the endpoint answers now.
    token->forget();
    m_oauthGetToken->setEnabled(false);
    m_oauthTokenStatus->setText(tr("Asking %1 for a token…").arg(token->tokenUrlText()));
    connect(token, &OAuthToken::settled, this, [this, token](const Error &e) {
        m_oauthGetToken->setEnabled(true);
        if (e) {
            m_oauthTokenStatus->setText(tr("No token: %1").arg(e.message));
        } else {
            const OAuthToken::Grant grant = token->lastGrant();
            const QString lifetime = grant.lifetimeS < 0 ? tr("without an expiry")
                                                         : tr("valid for %n second(s)", nullptr, int(qMin<qint64>(grant.lifetimeS, INT_MAX)));
            const QString scopes = grant.scopes.isEmpty() ? tr("no scopes named") : tr("scopes: %1").arg(grant.scopes.join(QLatin1Char(' ')));
            m_oauthTokenStatus->setText(tr("Got a %1 token from %2, %3; %4.").arg(grant.tokenType, token->tokenUrlText(), lifetime, scopes));
        }
        // Deleted later: this slot runs inside the source's token object.
        if (QObject *asked = m_tokenSource.release())
            asked->deleteLater();
    }, Qt::SingleShotConnection);
    token->fetch();
}

void RestEditorPages::loadSecret()
{
    // The field is never filled from what was stored: only what was typed in this session.
    if (m_secretValueEdit->text() != m_secretValue)
        m_secretValueEdit->setText(m_secretValue);
    const QString k = secretKeyName();
    if (k.isEmpty()) {
        m_secretStatus->clear();
        return;
    }
    if (m_secretMode->currentData().toString() == QLatin1String("env")) {
        const QString variable = m_secretEnv->text().trimmed();
        if (variable.isEmpty())
            m_secretStatus->setText(tr("Name the environment variable that holds the secret. It is read when the source runs."));
        else if (qEnvironmentVariableIsSet(variable.toLocal8Bit().constData()))
            m_secretStatus->setText(tr("%1 is set in this console's environment.").arg(variable));
        else
            m_secretStatus->setText(tr("%1 is not set in this console's environment; tributaryd reads it from its own.").arg(variable));
        return;
    }
    const QString file = m_secretFile.isEmpty() ? ConfigDocument::credentialsFileName() : m_secretFile;
    SecretRef ref;
    ref.file = file;
    ref.key = m_secretKey.isEmpty() ? form()->sourceName() + QLatin1Char('.') + k : m_secretKey;
    if (!m_secretValue.isEmpty()) {
        m_secretStatus->setText(tr("Will be stored in %1 (readable only by you) when the source is saved.").arg(file));
        m_secretValueEdit->setPlaceholderText(QString());
    } else if (document() && document()->hasSecret(ref)) {
        m_secretStatus->setText(tr("Stored in %1 under \"%2\". Type a new value to replace it.").arg(file, ref.key));
        m_secretValueEdit->setPlaceholderText(tr("stored in %1").arg(file));
    } else {
        m_secretStatus->setText(tr("Not stored yet: type the secret; it goes to %1, never into the configuration.").arg(file));
        m_secretValueEdit->setPlaceholderText(tr("secret"));
    }
}

void RestEditorPages::writeHeaders()
{
    QJsonObject headers;
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QString name = cellText(m_headers, row, 0);
        if (!name.isEmpty())
            headers.insert(name, m_headers->item(row, 1) ? m_headers->item(row, 1)->text() : QString());
    }
    form()->setValue(QStringLiteral("rest.headers"), headers.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(headers));
}

// ---------------------------------------------------------------------------------------------
// Building

QWidget *RestEditorPages::buildConnectionPage()
{
    auto *page = new QWidget;
    auto *rows = new QFormLayout;
    m_baseUrl = form()->lineField(rows, tr("Base URL:"), QStringLiteral("baseUrl"), QStringLiteral("rest.base_url"),
                                  QStringLiteral("https://api.example.com/v1"));

    m_authType = new QComboBox(page);
    m_authType->setObjectName(QStringLiteral("authType"));
    m_authType->addItem(tr("None"), QStringLiteral("none"));
    m_authType->addItem(tr("Bearer token"), QStringLiteral("bearer"));
    m_authType->addItem(tr("Basic (user name and password)"), QStringLiteral("basic"));
    m_authType->addItem(tr("API key header"), QStringLiteral("api_key"));
    m_authType->addItem(tr("OAuth 2.0"), QStringLiteral("oauth2"));
    rows->addRow(tr("Authentication:"), form()->wrap(m_authType, QStringLiteral("rest.auth.type"), rows));
    connect(m_authType, &QComboBox::currentIndexChanged, this, [this] {
        authEdited(true);
    });
    m_authHeader = new QLineEdit(page);
    m_authHeader->setObjectName(QStringLiteral("authHeader"));
    m_authHeader->setPlaceholderText(QStringLiteral("X-Api-Key"));
    rows->addRow(tr("Header:"), form()->wrap(m_authHeader, QStringLiteral("rest.auth.header"), rows));
    m_authUsername = new QLineEdit(page);
    m_authUsername->setObjectName(QStringLiteral("authUsername"));
    rows->addRow(tr("User name:"), form()->wrap(m_authUsername, QStringLiteral("rest.auth.username"), rows));
    for (QLineEdit *e : {m_authHeader, m_authUsername}) {
        connect(e, &QLineEdit::textChanged, this, [this] {
            if (!form()->isLoading())
                writeAuth();
        });
    }

    // The secret: an environment variable's name, or a value kept in the credentials file.
    auto *secret = new QWidget(page);
    secret->setObjectName(QStringLiteral("secret"));
    auto *secretLayout = new QGridLayout(secret);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    m_secretMode = new QComboBox(secret);
    m_secretMode->setObjectName(QStringLiteral("secretMode"));
    m_secretMode->addItem(tr("Environment variable"), QStringLiteral("env"));
    m_secretMode->addItem(tr("Store in the credentials file"), QStringLiteral("file"));
    m_secretEnv = new QLineEdit(secret);
    m_secretEnv->setObjectName(QStringLiteral("secretEnv"));
    m_secretEnv->setPlaceholderText(QStringLiteral("FORUM_TOKEN"));
    m_secretValueEdit = new QLineEdit(secret);
    m_secretValueEdit->setObjectName(QStringLiteral("secretValue"));
    m_secretValueEdit->setEchoMode(QLineEdit::Password);
    m_secretStatus = new QLabel(secret);
    m_secretStatus->setObjectName(QStringLiteral("secretStatus"));
    m_secretStatus->setWordWrap(true);
    secretLayout->addWidget(m_secretMode, 0, 0);
    secretLayout->addWidget(m_secretEnv, 0, 1);
    secretLayout->addWidget(m_secretValueEdit, 0, 2);
    secretLayout->addWidget(m_secretStatus, 1, 0, 1, 3);
    secretLayout->setColumnStretch(1, 1);
    secretLayout->setColumnStretch(2, 1);
    rows->addRow(tr("Secret:"), form()->wrap(secret, QStringLiteral("rest.auth"), rows));

    // OAuth 2.0: the secret above is the client secret.
    m_oauthGrant = new QComboBox(page);
    m_oauthGrant->setObjectName(QStringLiteral("oauthGrant"));
    m_oauthGrant->addItem(tr("Client credentials (the client's own access)"), QStringLiteral("client_credentials"));
    m_oauthGrant->addItem(tr("Refresh token (access granted by a user)"), QStringLiteral("refresh_token"));
    rows->addRow(tr("Grant:"), form()->wrap(m_oauthGrant, QStringLiteral("rest.auth.grant"), rows));
    m_oauthTokenUrl = new QLineEdit(page);
    m_oauthTokenUrl->setObjectName(QStringLiteral("oauthTokenUrl"));
    m_oauthTokenUrl->setPlaceholderText(QStringLiteral("https://auth.example.com/oauth/token"));
    rows->addRow(tr("Token URL:"), form()->wrap(m_oauthTokenUrl, QStringLiteral("rest.auth.token_url"), rows));
    m_oauthClientId = new QLineEdit(page);
    m_oauthClientId->setObjectName(QStringLiteral("oauthClientId"));
    rows->addRow(tr("Client ID:"), form()->wrap(m_oauthClientId, QStringLiteral("rest.auth.client_id"), rows));
    m_oauthScopes = new QLineEdit(page);
    m_oauthScopes->setObjectName(QStringLiteral("oauthScopes"));
    m_oauthScopes->setPlaceholderText(tr("separated by spaces; empty: the client's default"));
    rows->addRow(tr("Scopes:"), form()->wrap(m_oauthScopes, QStringLiteral("rest.auth.scopes"), rows));
    auto *refresh = new QWidget(page);
    refresh->setObjectName(QStringLiteral("oauthRefresh"));
    auto *refreshLayout = new QHBoxLayout(refresh);
    refreshLayout->setContentsMargins(0, 0, 0, 0);
    m_oauthRefreshMode = new QComboBox(refresh);
    m_oauthRefreshMode->setObjectName(QStringLiteral("oauthRefreshMode"));
    m_oauthRefreshMode->addItem(tr("Environment variable"), QStringLiteral("env"));
    m_oauthRefreshMode->addItem(tr("Key in the credentials file"), QStringLiteral("file"));
    m_oauthRefreshRef = new QLineEdit(refresh);
    m_oauthRefreshRef->setObjectName(QStringLiteral("oauthRefreshRef"));
    m_oauthRefreshRef->setPlaceholderText(QStringLiteral("API_REFRESH_TOKEN"));
    refreshLayout->addWidget(m_oauthRefreshMode);
    refreshLayout->addWidget(m_oauthRefreshRef, 1);
    rows->addRow(tr("Refresh token:"), form()->wrap(refresh, QStringLiteral("rest.auth.refresh_token"), rows));
    auto *getToken = new QWidget(page);
    getToken->setObjectName(QStringLiteral("oauthGetTokenRow"));
    auto *getTokenLayout = new QHBoxLayout(getToken);
    getTokenLayout->setContentsMargins(0, 0, 0, 0);
    m_oauthGetToken = new QPushButton(tr("Get token"), getToken);
    m_oauthGetToken->setObjectName(QStringLiteral("oauthGetToken"));
    m_oauthGetToken->setToolTip(tr("Asks the token endpoint for an access token with the values of this form and shows "
                                   "what it granted (never the token)."));
    m_oauthTokenStatus = new QLabel(getToken);
    m_oauthTokenStatus->setObjectName(QStringLiteral("oauthTokenStatus"));
    m_oauthTokenStatus->setWordWrap(true);
    m_oauthTokenStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    getTokenLayout->addWidget(m_oauthGetToken);
    getTokenLayout->addWidget(m_oauthTokenStatus, 1);
    rows->addRow(QString(), form()->wrap(getToken, QStringLiteral("rest.auth.get_token"), rows));
    connect(m_oauthGetToken, &QPushButton::clicked, this, &RestEditorPages::getToken);
    connect(m_oauthGrant, &QComboBox::currentIndexChanged, this, [this] {
        authEdited(true);
    });
    connect(m_oauthRefreshMode, &QComboBox::currentIndexChanged, this, [this] {
        authEdited(false);
    });
    for (QLineEdit *e : {m_oauthTokenUrl, m_oauthClientId, m_oauthScopes, m_oauthRefreshRef}) {
        connect(e, &QLineEdit::textChanged, this, [this] {
            if (!form()->isLoading())
                writeAuth();
        });
    }
    connect(m_secretMode, &QComboBox::currentIndexChanged, this, [this] {
        authEdited(true);
    });
    connect(m_secretEnv, &QLineEdit::textChanged, this, [this] {
        authEdited(false);
    });
    connect(m_secretValueEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (form()->isLoading())
            return;
        m_secretValue = text;
        authEdited(false);
        Q_EMIT validationNeeded(); // the JSON does not change, whether the secret is there does
    });

    m_headers = form()->makeTable(QStringLiteral("headersTable"), {tr("Header"), tr("Value")});
    m_headers->setMaximumHeight(120);
    auto *headerBox = new QWidget(page);
    headerBox->setObjectName(QStringLiteral("headers"));
    auto *hb = new QHBoxLayout(headerBox);
    hb->setContentsMargins(0, 0, 0, 0);
    hb->addWidget(m_headers, 1);
    auto *hbButtons = new QVBoxLayout;
    auto *addHeader = new QPushButton(tr("Add"), headerBox);
    addHeader->setObjectName(QStringLiteral("addHeaderButton"));
    auto *removeHeader = new QPushButton(tr("Remove"), headerBox);
    removeHeader->setObjectName(QStringLiteral("removeHeaderButton"));
    hbButtons->addWidget(addHeader);
    hbButtons->addWidget(removeHeader);
    hbButtons->addStretch(1);
    hb->addLayout(hbButtons);
    rows->addRow(tr("Headers:"), form()->wrap(headerBox, QStringLiteral("rest.headers"), rows));
    connect(m_headers, &QTableWidget::itemChanged, this, [this] {
        if (!form()->isLoading())
            writeHeaders();
    });
    connect(addHeader, &QPushButton::clicked, this, [this] {
        form()->beginLoading();
        const int row = m_headers->rowCount();
        m_headers->insertRow(row);
        m_headers->setItem(row, 0, textItem(QString()));
        m_headers->setItem(row, 1, textItem(QString()));
        form()->endLoading();
        m_headers->setCurrentCell(row, 0);
    });
    connect(removeHeader, &QPushButton::clicked, this, [this] {
        if (m_headers->currentRow() >= 0) {
            m_headers->removeRow(m_headers->currentRow());
            writeHeaders();
        }
    });

    form()->lineField(rows, tr("Records at:"), QStringLiteral("recordsPath"), QStringLiteral("rest.records_path"),
                      tr("dotted path, e.g. data; empty: the body is the array"));
    form()->lineField(rows, tr("Single record at:"), QStringLiteral("recordPath"), QStringLiteral("rest.record_path"),
                      tr("dotted path, e.g. data; empty: the body is the record"));
    form()->paramsField(rows, tr("Full walk parameters:"), QStringLiteral("fullParams"), QStringLiteral("rest.full_params"));
    form()->paramsField(rows, tr("Id scan parameters:"), QStringLiteral("idScanParams"), QStringLiteral("rest.id_scan_params"));

    auto *limits = new QGroupBox(tr("Limits"), page);
    auto *lf = new QFormLayout(limits);
    form()->spinField(lf, tr("Timeout per attempt (ms):"), QStringLiteral("timeoutMs"), QStringLiteral("rest.limits.timeout_ms"), 1, 3600000, 30000);
    form()->spinField(lf, tr("Retries:"), QStringLiteral("maxRetries"), QStringLiteral("rest.limits.max_retries"), 0, 100, 6);
    form()->spinField(lf, tr("First backoff (ms):"), QStringLiteral("backoffMs"), QStringLiteral("rest.limits.backoff_ms"), 0, 3600000, 500);
    form()->spinField(lf, tr("Longest backoff (ms):"), QStringLiteral("maxBackoffMs"), QStringLiteral("rest.limits.max_backoff_ms"), 0, 3600000,
                      30000);
    auto *maxBytes = new QLineEdit(page);
    maxBytes->setObjectName(QStringLiteral("maxResponseBytes"));
    maxBytes->setPlaceholderText(QStringLiteral("67108864"));
    lf->addRow(tr("Largest response (bytes):"), form()->wrap(maxBytes, QStringLiteral("rest.limits.max_response_bytes"), lf));
    form()->addLoader([this, maxBytes] { maxBytes->setText(EditorForm::scalarText(form()->value(QStringLiteral("rest.limits.max_response_bytes")))); });
    connect(maxBytes, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (form()->isLoading())
            return;
        bool ok = false;
        const qlonglong n = text.trimmed().toLongLong(&ok);
        // Not a number: written as typed, so the validator names the problem.
        form()->setValue(QStringLiteral("rest.limits.max_response_bytes"),
                         text.trimmed().isEmpty() ? QJsonValue(QJsonValue::Undefined) : ok ? QJsonValue(double(n)) : QJsonValue(text));
    });
    form()->doubleField(lf, tr("Requests per second (0: no pacing):"), QStringLiteral("requestsPerSecond"),
                        QStringLiteral("rest.limits.requests_per_second"), 0, 100000, 0, 2);
    form()->spinField(lf, tr("Requests in flight:"), QStringLiteral("concurrency"), QStringLiteral("rest.limits.concurrency"), 1, 16, 2);
    // The host's limit itself (shared by every source on it) is the configuration's "hosts" block.
    auto *budget = form()->lineField(lf, tr("Request budget:"), QStringLiteral("budget"), QStringLiteral("rest.limits.budget"),
                                     tr("the base URL's host"));
    budget->setToolTip(tr("The request budget this source draws from: a name in the configuration's \"hosts\" block. Empty: the "
                          "budget of the base URL's host, shared by every source on it. Give sources that use different accounts "
                          "of one API a name each."));

    auto *v = new QVBoxLayout(page);
    v->addLayout(rows);
    v->addWidget(limits);
    v->addStretch(1);
    return page;
}

QWidget *RestEditorPages::buildPaginationPage()
{
    auto *page = new QWidget;
    auto *rows = new QFormLayout;
    const QString p = QStringLiteral("rest.pagination.");
    m_paginationStyle = form()->comboField(rows, tr("Style:"), QStringLiteral("paginationStyle"), p + QStringLiteral("style"), styleChoices(),
                                           QStringLiteral("none"));
    connect(m_paginationStyle, &QComboBox::currentIndexChanged, this, &RestEditorPages::updateVisibility);
    auto *pageSize = static_cast<QSpinBox *>(
        form()->spinField(rows, tr("Page size:"), QStringLiteral("pageSize"), p + QStringLiteral("page_size"), 0, 1000000, 0));
    pageSize->setSpecialValueText(tr("server's default"));
    form()->lineField(rows, tr("Page size parameter:"), QStringLiteral("pageSizeParam"), p + QStringLiteral("page_size_param"), QStringLiteral("per_page"));
    form()->lineField(rows, tr("Page parameter:"), QStringLiteral("pageParam"), p + QStringLiteral("page_param"), QStringLiteral("page"));
    form()->spinField(rows, tr("First page:"), QStringLiteral("firstPage"), p + QStringLiteral("first_page"), 0, 1000000, 1);
    form()->lineField(rows, tr("Last page at:"), QStringLiteral("lastPagePath"), p + QStringLiteral("last_page_path"), QStringLiteral("meta.last_page"));
    form()->lineField(rows, tr("Offset parameter:"), QStringLiteral("offsetParam"), p + QStringLiteral("offset_param"), QStringLiteral("offset"));
    form()->lineField(rows, tr("Limit parameter:"), QStringLiteral("limitParam"), p + QStringLiteral("limit_param"), QStringLiteral("limit"));
    form()->lineField(rows, tr("Cursor parameter:"), QStringLiteral("cursorParam"), p + QStringLiteral("cursor_param"), QStringLiteral("cursor"));
    form()->lineField(rows, tr("Next cursor at:"), QStringLiteral("nextCursorPath"), p + QStringLiteral("next_cursor_path"), QStringLiteral("next_cursor"));
    form()->lineField(rows, tr("Next URL at:"), QStringLiteral("nextUrlPath"), p + QStringLiteral("next_url_path"), QStringLiteral("links.next"));
    form()->lineField(rows, tr("Total at:"), QStringLiteral("totalPath"), p + QStringLiteral("total_path"), QStringLiteral("meta.total"));
    form()->lineField(rows, tr("Total header:"), QStringLiteral("totalHeader"), p + QStringLiteral("total_header"), QStringLiteral("X-Total-Count"));

    auto *count = new QGroupBox(tr("Count request (for pages without a total)"), page);
    auto *cf = new QFormLayout(count);
    m_totalRequest = new QCheckBox(tr("Ask for the total with a separate request"), page);
    m_totalRequest->setObjectName(QStringLiteral("totalRequest"));
    cf->addRow(QString(), form()->wrap(m_totalRequest, p + QStringLiteral("total_request"), cf));
    form()->addLoader([this] { m_totalRequest->setChecked(form()->value(QStringLiteral("rest.pagination.total_request")).isObject()); });
    QLineEdit *trParams = form()->paramsField(cf, tr("Parameters:"), QStringLiteral("totalRequestParams"), p + QStringLiteral("total_request.params"));
    QLineEdit *trPath = form()->lineField(cf, tr("Total at:"), QStringLiteral("totalRequestPath"), p + QStringLiteral("total_request.total_path"),
                                          QStringLiteral("meta.total"));
    QLineEdit *trHeader = form()->lineField(cf, tr("Total header:"), QStringLiteral("totalRequestHeader"),
                                            p + QStringLiteral("total_request.total_header"), QStringLiteral("X-Total-Count"));
    m_totalRequestInputs = {trParams, trPath, trHeader};
    connect(m_totalRequest, &QCheckBox::toggled, this, [this, trParams, trPath, trHeader](bool on) {
        if (form()->isLoading())
            return;
        QJsonValue v(QJsonValue::Undefined);
        if (on) {
            QJsonObject o;
            if (!trParams->text().trimmed().isEmpty())
                o.insert(QStringLiteral("params"), EditorForm::textToParams(trParams->text()));
            if (!trPath->text().isEmpty())
                o.insert(QStringLiteral("total_path"), trPath->text());
            if (!trHeader->text().isEmpty())
                o.insert(QStringLiteral("total_header"), trHeader->text());
            v = o;
        }
        form()->setValue(QStringLiteral("rest.pagination.total_request"), v);
        updateVisibility();
    });

    auto *inc = new QGroupBox(tr("Incremental: ask only for what changed"), page);
    auto *incForm = new QFormLayout(inc);
    const QString i = QStringLiteral("rest.incremental.");
    m_incremental = new QCheckBox(tr("The API filters by change time (inclusively)"), page);
    m_incremental->setObjectName(QStringLiteral("incrementalEnabled"));
    incForm->addRow(QString(), form()->wrap(m_incremental, QStringLiteral("rest.incremental"), incForm));
    form()->addLoader([this] { m_incremental->setChecked(form()->value(QStringLiteral("rest.incremental")).isObject()); });
    QLineEdit *param = form()->lineField(incForm, tr("Filter parameter:"), QStringLiteral("incrementalParam"), i + QStringLiteral("param"),
                                         QStringLiteral("updated_since"));
    QLineEdit *field = form()->lineField(incForm, tr("Field compared:"), QStringLiteral("incrementalField"), i + QStringLiteral("field"),
                                         QStringLiteral("updated_at"));
    QComboBox *format = form()->comboField(incForm, tr("Value format:"), QStringLiteral("incrementalFormat"), i + QStringLiteral("format"), formatChoices(),
                                           QStringLiteral("iso8601"));
    QComboBox *tie = form()->comboField(incForm, tr("Ties ordered by:"), QStringLiteral("incrementalTieBreaker"), i + QStringLiteral("tie_breaker"),
                                        {QStringLiteral("none"), QStringLiteral("id")}, QStringLiteral("none"));
    tie->setToolTip(tr("\"id\" only when the API sorts results by (field, id): it enables skipping the records already read."));
    QLineEdit *params = form()->paramsField(incForm, tr("Parameters:"), QStringLiteral("incrementalParams"), i + QStringLiteral("params"));
    m_incrementalInputs = {param, field, format, tie, params};
    connect(m_incremental, &QCheckBox::toggled, this, [this, param, field](bool on) {
        if (form()->isLoading())
            return;
        QJsonValue v(QJsonValue::Undefined);
        if (on) {
            QJsonObject o;
            o.insert(QStringLiteral("param"), param->text());
            o.insert(QStringLiteral("field"), field->text());
            v = o;
        }
        form()->setValue(QStringLiteral("rest.incremental"), v);
        updateVisibility();
    });

    auto *v = new QVBoxLayout(page);
    v->addLayout(rows);
    v->addWidget(count);
    v->addWidget(inc);
    v->addStretch(1);
    return page;
}

QList<SourceTypePages::Page> RestEditorPages::buildEntityPages()
{
    auto *rest = new QWidget;
    auto *rf = new QFormLayout(rest);
    m_entityRecordsPath = new QLineEdit(rest);
    m_entityRecordsPath->setObjectName(QStringLiteral("entityRecordsPath"));
    m_entityRecordsPath->setPlaceholderText(tr("as the source"));
    rf->addRow(tr("Records at:"), form()->wrap(m_entityRecordsPath, QStringLiteral("entity.records_path"), rf));
    m_entityRecordPath = new QLineEdit(rest);
    m_entityRecordPath->setObjectName(QStringLiteral("entityRecordPath"));
    m_entityRecordPath->setPlaceholderText(tr("as the source"));
    rf->addRow(tr("Single record at:"), form()->wrap(m_entityRecordPath, QStringLiteral("entity.record_path"), rf));
    for (auto pair : {std::make_pair(m_entityRecordsPath, QStringLiteral("records_path")),
                      std::make_pair(m_entityRecordPath, QStringLiteral("record_path"))}) {
        const QString key = pair.second;
        connect(pair.first, &QLineEdit::textChanged, this, [this, key](const QString &text) {
            if (!form()->isLoading())
                form()->setEntityValue(key, text.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(text));
        });
    }
    m_entityIncremental = new QComboBox(rest);
    m_entityIncremental->setObjectName(QStringLiteral("entityIncremental"));
    rf->addRow(tr("Incremental:"), form()->wrap(m_entityIncremental, QStringLiteral("entity.incremental"), rf));
    connect(m_entityIncremental, &QComboBox::currentIndexChanged, this, [this] {
        if (form()->isLoading())
            return;
        const QString mode = m_entityIncremental->currentData().toString();
        if (mode == QLatin1String("inherit"))
            form()->setEntityValue(QStringLiteral("incremental"), QJsonValue(QJsonValue::Undefined));
        else if (mode == QLatin1String("off"))
            form()->setEntityValue(QStringLiteral("incremental"), false);
    });
    auto *restNote = new QLabel(tr("Pagination, full walk and id scan parameters of this entity override the source's; "
                                   "edit them on the JSON tab."),
                                rest);
    restNote->setWordWrap(true);
    rf->addRow(restNote);
    return {{rest, tr("REST")}};
}

} // namespace Tributary::Gui
