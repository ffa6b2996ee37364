#pragma once

#include "net/HttpServer.h"

#include <QJsonValue>
#include <QString>
#include <QUrlQuery>
#include <functional>
#include <memory>

namespace Tributary::Test {

// What the test servers (LinkApiServer, MatrixApiServer) answer with, written once.

// A JSON body (object or array) with `status`.
HttpResponse jsonResponse(int status, const QJsonValue &body);
// {"message": text}, as most APIs word their errors.
HttpResponse messageResponse(int status, const QString &text);
// A whole-number query parameter within bounds, `def` when absent; a bad value answers 422 into
// *error, as real APIs do.
bool intParam(const QUrlQuery &query, const QString &name, qint64 def, qint64 min, qint64 max, qint64 *out, HttpResponse *error);

// An HttpServer on 127.0.0.1 (a free port) in a thread of its own, so that a test can wait on a
// child process (the real tributaryd) or block in its own event loop while the server answers.
// The handler runs in that thread: whatever it reads that the test also writes needs a lock.
class ServerThread
{
public:
    using Handler = HttpServer::Handler;
    ServerThread();
    ~ServerThread(); // stops
    ServerThread(const ServerThread &) = delete;
    ServerThread &operator=(const ServerThread &) = delete;

    // Returns once the server listens (its port), or 0 when it could not.
    quint16 start(Handler handler);
    void stop();

private:
    class Runner;
    std::unique_ptr<Runner> m_runner;
};

} // namespace Tributary::Test
