// Test helper: writes records one transaction at a time and prints each id after its COMMIT
// returns, so a test can SIGKILL it at any moment and know what must have survived.
// usage: storage_crash_writer DB HEXKEY COUNT

#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/record_store.h"

#include <QFile>
#include <QJsonObject>

#include <cstdio>

using namespace cairn;
using namespace cairn::storage;

int main(int argc, char *argv[])
{
    if (argc != 4)
        return 2;
    const QString path = QString::fromLocal8Bit(argv[1]);
    const QByteArray key = QByteArray::fromHex(argv[2]);
    const int count = QByteArray(argv[3]).toInt();
    const auto mode = QFile::exists(path) ? Database::OpenMode::ExistingOnly : Database::OpenMode::CreateNew;
    auto db = Database::open(path, key, mode);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().line()));
        return 1;
    }
    if (!migrate(**db))
        return 1;
    RecordStore store(**db);
    for (int i = 0; i < count; ++i) {
        auto tx = Transaction::begin(**db);
        if (!tx)
            return 1;
        StoredRecord record;
        record.id = QStringLiteral("crash-%1").arg(i);
        record.patientId = QStringLiteral("p-%1").arg(i % 7);
        record.kind = QStringLiteral("peg");
        record.date = QStringLiteral("2026-03-01");
        record.payload =
            QJsonObject{{QStringLiteral("pain"), i % 11}, {QStringLiteral("padding"), QString(400, QLatin1Char('x'))}};
        record.author = QStringLiteral("u-1");
        record.device = QStringLiteral("d-1");
        record.stamp = HlcStamp{1'700'000'000'000 + i, 0, QStringLiteral("d-1")};
        if (!store.insert(record, true) || !tx->commit())
            return 1;
        std::printf("%s\n", qPrintable(record.id));
        std::fflush(stdout);
    }
    return 0;
}
