#pragma once

#include <QString>
#include <QtGlobal>

namespace Tributary {

struct ForumGeneratorOptions
{
    int users = 1000;
    int sections = 30;
    int topics = 2000;
    int messages = 20000;
    quint64 seed = 1;
    bool replace = false; // overwrite an existing file instead of refusing
};

struct ForumGeneratorSummary
{
    int users = 0;
    int sections = 0;
    int topics = 0;
    int messages = 0;
    int replies = 0;         // messages with a parent_id
    int burstRecords = 0;    // records whose updated_at is shared by a burst
    qint64 elapsedMs = 0;

    QString toString(const QString &path, quint64 seed) const;
};

// Writes a forum database (the main application's schema) filled with realistic, deterministic
// data: the same options give the same content, byte for byte, whatever the wall clock says.
// Records are timestamped from 2026-01-01 over about eight months; e-mails and section titles
// come from finite pools so that forums generated with different seeds share some of them.
class ForumGenerator
{
public:
    explicit ForumGenerator(const ForumGeneratorOptions &options);

    bool generate(const QString &dbPath, QString *error);
    const ForumGeneratorSummary &summary() const { return m_summary; }

private:
    ForumGeneratorOptions m_options;
    ForumGeneratorSummary m_summary;
};

} // namespace Tributary
