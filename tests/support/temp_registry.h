#pragma once
// Helpers shared by tests: throwaway directories and byte-level checks of files on disk.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

namespace cairn::testing {

// Reads the whole file, or an empty array when it does not exist.
inline QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The database file and every SQLite side file that may hold its pages.
inline QStringList databaseFiles(const QString &dbPath)
{
    QStringList files;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        const QString path = dbPath + QLatin1String(suffix);
        if (QFile::exists(path))
            files << path;
    }
    return files;
}

// A fixed, obviously-not-secret test key.
inline QByteArray testKey(char fill = 'k')
{
    return QByteArray(32, fill);
}

}  // namespace cairn::testing
