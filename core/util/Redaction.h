#pragma once

#include "util/Error.h"

#include <QByteArray>
#include <QString>

namespace Tributary {

// Masks secrets in text that leaves the process or is kept: log lines (LogOutput), error messages
// made from a source's answers (HttpClient, SourceJob), what the run history and the quarantine
// store, and what /healthz and the front ends show. The one implementation of masking: every
// place that needs it calls this.
class Redaction
{
public:
    // Registers a secret: from now on redact() replaces it by "***", in the forms it travels in
    // (as is, URL-encoded, JSON-escaped). SecretRef::resolve() registers every secret it returns;
    // a source registers what it derives from them (the Basic credentials it encodes).
    // Values shorter than 6 characters are not registered: they would too often match ordinary
    // words and numbers and make messages unreadable; such a secret is weak anyway.
    static void addSecret(const QString &secret);
    // Forgets a secret that has stopped being one (an OAuth access token two renewals old), so
    // that a service renewing tokens for months does not mask against an ever longer list. Only
    // for values that were never given by a person: a configured secret stays registered.
    static void removeSecret(const QString &secret);

    // The text with every registered secret replaced by "***", and the values of these patterns:
    // "Authorization: <scheme> X" (also Proxy-Authorization), "Bearer X", query parameters whose
    // name is token, access_token, api_key, key, secret, password or signature, or contains
    // token, secret, password or signature (refresh_token, client_secret, X-Amz-Signature),
    // X-…-Signature / -Token / -Key headers (X-Forum-Signature: sha256=…) and Api-Key headers,
    // and the password in a URL's user info (https://user:***@host/).
    static QString redact(const QString &text);
    // The error with its message and its detail redacted.
    static Error redact(Error error);

    // At most `maxChars` characters of a response body, on one line, for a message. Masked
    // before it is cut, so that a secret on the cut is never shown in part.
    static QString snippet(const QByteArray &body, int maxChars);
};

} // namespace Tributary
