#pragma once

#include "forum-sim/ForumOAuth.h"

#include <QObject>
#include <QString>

#include <memory>

namespace Tributary {
class HttpServer;
}

namespace Tributary::Test {

// An OAuth 2.0 token endpoint on a host of its own (as auth.example.com is apart from
// api.example.com): POST /oauth/token and /oauth/revoke answered by a ForumOAuth authority, which
// an API server (LinkApiServer::setOAuth, forum-sim's ForumSimOptions::oauth) shares to accept
// the tokens it issues. Tokens expire after Settings::tokenLifetimeS; both grants; refresh
// tokens rotate and can be revoked; token requests are counted. Lives in the thread that created
// it.
class OAuthTokenServer : public QObject
{
    Q_OBJECT
public:
    explicit OAuthTokenServer(QObject *parent = nullptr);
    ~OAuthTokenServer() override;

    static constexpr const char *kClientId = "tributary-test";
    static constexpr const char *kClientSecret = "client-secret-5f2c9a";
    static constexpr const char *kRefreshToken = "refresh-token-8d41e7";
    // Client id and secret as above, the refresh token above valid, tokens for `lifetimeS`.
    static ForumOAuth::Settings settings(int lifetimeS);

    bool start(const ForumOAuth::Settings &settings); // 127.0.0.1, a free port
    QString tokenUrl() const; // "http://127.0.0.1:<port>/oauth/token"
    std::shared_ptr<ForumOAuth> authority() const { return m_authority; }

private:
    HttpServer *m_server = nullptr;
    std::shared_ptr<ForumOAuth> m_authority;
};

} // namespace Tributary::Test
