#pragma once

#include "engine/Source.h"
#include "engine/run/RunJob.h"
#include "engine/run/WalkGuard.h"
#include "state/RunCounts.h"

#include <QPointer>
#include <optional>

namespace Tributary {

class Applier;
class PageWalker;
struct EntityConfig;
struct SourceConfig;

// One entity's part of a reconciliation scan: every id the source lists, page by page, stamped
// with the scan number in one transaction per page with the scan's position, so an interrupted
// scan resumes where it stopped. Ids the source lists that were never linked are collected
// (polling missed them). An entity this scan already read to the end is skipped. Every page is held
// to WalkGuard's invariants, and a scan the source ended to the source's total: a scan that cannot
// be shown complete fails, and deletes nothing.
class IdScan : public RunJob
{
    Q_OBJECT
public:
    IdScan(Source *impl, Applier &applier, const SourceConfig &source, const EntityConfig &entity, qint64 scan, QObject *parent = nullptr);
    ~IdScan() override;

    void start() override;
    void stop() override;

    bool wasSkipped() const { return m_skipped; }
    const QStringList &unlinked() const { return m_unlinked; }

    // Reconcile cursors (kind "reconcile") say where each entity stands in a scan: value = the
    // scan number, token = the continuation of an unfinished scan, lastId = "scanned" once the
    // entity's listing was read to the end and "swept" once the scan's deletes were done.
    static const QString &scannedMark();
    static const QString &sweptMark();

Q_SIGNALS:
    void progress(const QString &entity, const Tributary::EntityCounts &counts);

private:
    void onPage(const Page &page);
    void onFinished(const Error &error);
    void onRecount(Tributary::SourceJob *job);
    void finishScan(Error error);

    Source *m_impl;
    Applier &m_applier;
    const SourceConfig &m_source;
    const EntityConfig &m_entity;
    const qint64 m_scan;
    PageWalker *m_walker = nullptr;
    std::optional<WalkGuard> m_guard;
    QPointer<PageJob> m_countJob;
    QStringList m_unlinked;
    bool m_skipped = false;
    bool m_stopping = false;
};

} // namespace Tributary
