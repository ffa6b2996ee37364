#include "OAuthTokenServer.h"

#include "net/HttpServer.h"

namespace Tributary::Test {

OAuthTokenServer::OAuthTokenServer(QObject *parent)
    : QObject(parent)
{
}

OAuthTokenServer::~OAuthTokenServer() = default;

ForumOAuth::Settings OAuthTokenServer::settings(int lifetimeS)
{
    ForumOAuth::Settings s;
    s.tokenLifetimeS = lifetimeS;
    s.clientId = QString::fromLatin1(kClientId);
    s.clientSecret = QString::fromLatin1(kClientSecret);
    s.refreshToken = QString::fromLatin1(kRefreshToken);
    return s;
}

bool OAuthTokenServer::start(const ForumOAuth::Settings &settings)
{
    delete m_server;
    m_authority = std::make_shared<ForumOAuth>(settings);
    const std::shared_ptr<ForumOAuth> authority = m_authority;
    m_server = new HttpServer([authority](const HttpRequest &request) {
        HttpResponse response;
        if (!authority->handle(request, &response))
            response = HttpResponse::json(404, QByteArrayLiteral("{\"error\":\"not_found\"}"));
        return response;
    }, this);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QString OAuthTokenServer::tokenUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/oauth/token").arg(m_server ? m_server->port() : 0);
}

} // namespace Tributary::Test
