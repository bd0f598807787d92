#pragma once
// Each record kind to and from its JSON payload: the form records take in the registry's
// `records.payload` column, on the sync wire and (inside patient objects) in cairnctl
// import/export. Field names follow the rules contract. Parsing is strict: a wrong type, an
// unknown enum value or an impossible date is an Error naming the field; the parsed record is
// then checked with domain validation (validation.h).

#include "core/domain/record_kinds.h"
#include "core/domain/records.h"
#include "core/domain/result.h"

#include <QByteArrayView>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>

#include <array>
#include <optional>
#include <variant>

namespace cairn::domain {

// AnyRecord and the kinds themselves: record_kinds.h.

// The envelope kind of a record (kRecordKinds' name: "opioid", "benzodiazepine", ...).
QString recordKind(const AnyRecord &record);
// True for the kinds recordFromJson() reads (the clinical record kinds, not "patient" or sync-only kinds).
bool knownRecordKindForPatient(const QString &kind);
// The kind at an AnyRecord index (the inverse of recordKindIndex).
QLatin1StringView recordKindName(std::size_t kindIndex);
// The date the record is about (start date for regimen entries).
QDate recordDate(const AnyRecord &record);
RecordMeta &recordMeta(AnyRecord &record);

QJsonObject recordToJson(const AnyRecord &record);
Result<AnyRecord> recordFromJson(const QString &kind, const QJsonValue &value);

// Demographics only (the "patient" kind): every patient field except the record lists.
QJsonObject demographicsToJson(const Patient &patient);
Result<Patient> demographicsFromJson(const QJsonValue &value);

// Reads stored payloads (the UTF-8 text of a records.payload column) with the same field readers
// as recordFromJson and demographicsFromJson, without building a QJsonObject for each: loading a
// whole registry reads hundreds of thousands. The result is always the one recordFromJson gives
// for QJsonDocument::fromJson(payload).object(); payloads of an unusual shape (escapes, duplicate
// keys, malformed text) are read exactly that way. Repeated short texts (drug names, enum words,
// device ids) share one QString. Not thread-safe: one reader per thread.
class PayloadReader {
public:
    // kindIndex as recordKindIndex() gives it.
    Result<AnyRecord> record(std::size_t kindIndex, QByteArrayView payload);
    Result<Patient> demographics(QByteArrayView payload);
    // UTF-8 text as a QString, shared with an equal earlier text when it is short.
    QString text(QByteArrayView utf8);

private:
    struct Recent {
        QByteArray utf8;
        QString text;
    };
    std::array<Recent, 64> m_recent;  // a look here is cheaper than hashing every text
    QHash<QByteArray, QString> m_texts;
};

// Adds a record to the matching list of a patient.
void addToPatient(Patient &patient, AnyRecord record);

// One recommendation of a case conference's consult note (also read from cairnctl's
// --recommendations file); errors name the field inside the recommendation.
QJsonObject recommendationToJson(const Recommendation &recommendation);
Result<Recommendation> recommendationFromJson(const QJsonObject &object);

// Field readers shared by every JSON entry path; each names `field` in its error.
namespace json {
Result<QDate> date(const QJsonObject &object, const QString &field, bool required);
Result<QString> text(const QJsonObject &object, const QString &field, bool required);
Result<double> number(const QJsonObject &object, const QString &field, bool required, double fallback = 0);
Result<int> integer(const QJsonObject &object, const QString &field, bool required, int fallback = 0);
Result<bool> boolean(const QJsonObject &object, const QString &field, bool fallback);
}  // namespace json

}  // namespace cairn::domain
