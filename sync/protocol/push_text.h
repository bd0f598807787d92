#pragma once
// A push request written as JSON text record by record, byte for byte what
// QJsonDocument(toJson(PushRequest)).toJson(Compact) gives (protocol.h), without building a JSON
// object of every record and of the whole batch first: each payload is encoded once, the
// envelope's other fields are written as envelopeToJson writes them (same members, same order,
// same escaping). test_protocol_messages checks the two against each other.

#include "core/domain/envelope.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace cairn::sync {

// What QJsonDocument(envelopeToJson(record)).toJson(QJsonDocument::Compact) gives.
QByteArray recordText(const domain::RecordEnvelope &record);
// The same around a payload already written as compact JSON by QJsonDocument (as the registry
// stores it): payloadText goes in as it is, record.payload is not read.
QByteArray recordText(const domain::RecordEnvelope &record, QByteArrayView payloadText);

// What QJsonDocument(QJsonArray::fromStringList(texts)).toJson(QJsonDocument::Compact) gives.
QByteArray textArray(const QStringList &texts);

// A change whose record is already its wire text (recordText).
struct PushChangeText {
    std::int64_t seq = 0;
    QByteArray record;
};
// The push request's JSON text for device and its changes.
QByteArray pushRequestText(const QString &device, const QList<PushChangeText> &changes);

}  // namespace cairn::sync
