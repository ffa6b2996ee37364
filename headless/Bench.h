#pragma once

#include "ChildProcesses.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

// What the two halves of `tributaryd bench` share (BenchCommand.cpp: one source synced step by
// step; BenchWorkers.cpp: several sources shared by several `tributaryd serve` workers).
namespace Tributary::Cli {

class BenchDatabase;

// The forum of one source: `messages` messages and users, sections and topics in the demo's
// proportions.
ForumSize benchForumSize(qint64 messages);

// The name of source `index` (from 0) of `count`: "forum" alone, else "forum-1", "forum-2", ...
QString benchSourceName(int index, int count);

// Writes the benchmark's configuration: one source per forum-sim URL ("forum", or "forum-1",
// "forum-2", ... when there are several), all into `db`, with this page size, each scheduled once
// a day with no scheduled reconciliation (the workers benchmark times the first sync of each,
// which `serve` starts within two seconds, as it would in production).
bool writeBenchConfig(const QStringList &urls, const BenchDatabase &db, int pageSize, const QString &configPath, QString *error);

// Removes an SQLite database file with its WAL, shared-memory and journal files.
void removeSqlite(const QString &path);

// "123.4 MiB".
QString mebibytes(qint64 bytes);

// Prints the main database's size, split into the application's tables and Tributary's.
void printDatabaseSize(BenchDatabase &db, QTextStream &out, QTextStream &err);

struct WorkersBench
{
    qint64 messages = 0; // over all sources
    int sources = 8;
    QList<int> workers;  // one round per entry: that many `tributaryd serve` processes
    int pageSize = 1000;
};

// Generates one forum per source, serves each with forum-sim, and for each round starts that many
// `tributaryd serve` workers on an empty main database and times until every source's first sync
// has finished. Exit status as the command's.
int benchWorkers(const WorkersBench &bench, BenchDatabase &db, const QString &dir, QTextStream &out, QTextStream &err);

// The floors, each run by the benchmark in a child tributaryd (BenchFloors.cpp):
// `bench --fetch-floor --config FILE` walks every page of every entity as an initial sync would and
// writes nothing; `bench --write-floor --config FILE` inserts the application's rows into an empty
// copy of the forum's schema and prints "Writing took N ms". Both print the records per entity.
int benchFetchFloor(const QStringList &arguments, QTextStream &out, QTextStream &err);
int benchWriteFloor(const QStringList &arguments, QTextStream &out, QTextStream &err);
// bench --capture-cost: the application's updates timed with and without the capture triggers.
int benchCaptureCost(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace Tributary::Cli
