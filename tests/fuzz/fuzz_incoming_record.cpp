// A record arriving from elsewhere (core/registry/incoming_records.h): the JSON of one record as a
// push carries it, read with the protocol's envelope reader and checked as the server (with its
// clock) and a tablet (without) check it. A record the server accepts must pass the tablet's
// check and be readable by every tablet from its stored text: that is the whole point of the check.

#include "core/domain/record_json.h"
#include "core/domain/record_kinds.h"
#include "core/registry/incoming_records.h"
#include "sync/protocol/protocol.h"
#include "tests/fuzz/fuzz_target.h"

#include <QJsonObject>

using namespace cairn;

CAIRN_FUZZ_TARGET(incoming_record)
{
    const auto body = sync::parseBody(fuzz::bytesOf(data, size));
    if (!body) {
        fuzz::checkError(body.error());
        return 0;
    }
    const auto record = sync::envelopeFromJson(*body);
    if (!record) {
        fuzz::checkError(record.error());
        return 0;
    }
    const QJsonObject wire = sync::envelopeToJson(*record);
    const auto again = sync::envelopeFromJson(wire);
    CAIRN_FUZZ_CHECK(again.ok());
    CAIRN_FUZZ_CHECK(sync::envelopeToJson(*again) == wire);

    // The fuzz inputs' clock stamps are judged against one fixed server time.
    static const QDateTime serverNow(QDate(2026, 12, 6), QTime(12, 0), Qt::UTC);
    const Status atServer = registry::validateIncomingRecord(*record, serverNow);
    const Status atTablet = registry::validateIncomingRecord(*record, std::nullopt);
    if (!atServer) {
        fuzz::checkError(atServer.error());
        return 0;
    }
    CAIRN_FUZZ_CHECK(atTablet.ok());
    if (record->retracted)
        return 0;
    // How a tablet reads it back: the payload's stored text through the whole-registry reader.
    const QByteArray stored = QJsonDocument(record->payload).toJson(QJsonDocument::Compact);
    domain::PayloadReader reader;
    if (record->kind == QLatin1String("patient"))
        CAIRN_FUZZ_CHECK(reader.demographics(stored).ok());
    else if (const auto index = domain::recordKindIndex(record->kind))
        CAIRN_FUZZ_CHECK(reader.record(*index, stored).ok());
    return 0;
}
