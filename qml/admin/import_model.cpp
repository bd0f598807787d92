#include "qml/admin/import_model.h"

#include "core/clinical/mme.h"
#include "core/interop/fhir_import.h"
#include "core/interop/spreadsheet.h"
#include "core/registry/registry.h"
#include "core/reports/result_words.h"
#include "qml/app/labels.h"
#include "qml/app/numbers.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocale>

namespace cairn::app {
namespace {

constexpr int kPreviewRows = 5;

// The file's bytes, read on the registry thread; never copied anywhere else.
Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("file"), ImportModel::tr("cannot be read: %1").arg(file.errorString())};
    return file.readAll();
}

interop::Encoding toInterop(ImportModel::TextEncoding encoding)
{
    switch (encoding) {
    case ImportModel::TextEncoding::Utf8:
        return interop::Encoding::Utf8;
    case ImportModel::TextEncoding::Windows1252:
        return interop::Encoding::Windows1252;
    case ImportModel::TextEncoding::NotText:
        break;
    }
    return interop::Encoding::Detect;
}

ImportModel::TextEncoding fromInterop(interop::Encoding encoding)
{
    switch (encoding) {
    case interop::Encoding::Utf8:
        return ImportModel::TextEncoding::Utf8;
    case interop::Encoding::Windows1252:
        return ImportModel::TextEncoding::Windows1252;
    case interop::Encoding::Detect:
        break;
    }
    return ImportModel::TextEncoding::NotText;
}

// The sheet as read with the options chosen, and its rows through the mapping when one is given.
struct SheetRead {
    interop::Sheet sheet;
    std::optional<interop::SheetImport> rows;
    QJsonObject keptMapping;  // asked for when the file is first read
};

Result<SheetRead> readSheetFile(const QString &path, const QString &delimiter, interop::Encoding encoding,
                                const std::optional<interop::ColumnMapping> &mapping)
{
    auto bytes = readFile(path);
    if (!bytes)
        return bytes.error();
    auto sheet = interop::readSheet(path, *bytes, delimiter.isEmpty() ? QChar() : delimiter.front(), encoding);
    if (!sheet)
        return sheet.error();
    SheetRead read{*sheet, std::nullopt, {}};
    if (mapping) {
        auto rows = interop::patientsFromSheet(*sheet, *mapping);
        if (!rows)
            return rows.error().within(QStringLiteral("mapping"));
        read.rows = *rows;
    }
    return read;
}

Result<interop::FhirContent> readFhirContent(const QString &path)
{
    auto bytes = readFile(path);
    if (!bytes)
        return bytes.error();
    return interop::readFhir({{QString(), *bytes}}, true);
}

QString dateText(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QStringLiteral("d MMM yyyy")) : QString();
}

QString sexText(domain::Sex sex)
{
    switch (sex) {
    case domain::Sex::Female:
        return ImportModel::tr("Female");
    case domain::Sex::Male:
        return ImportModel::tr("Male");
    case domain::Sex::Unknown:
        break;
    }
    return ImportModel::tr("Not given");
}

// The records a sheet's row brings with the patient, in words.
QString recordsText(const domain::Patient &p)
{
    QStringList parts;
    for (const auto &agreement : p.agreements)
        parts << ImportModel::tr("Agreement signed %1").arg(dateText(agreement.date));
    for (const auto &check : p.pdmpChecks)
        parts << ImportModel::tr("PDMP checked %1").arg(dateText(check.date));
    // The result in the words every other screen uses; a pending one was shown as "expected".
    for (const auto &uds : p.uds)
        parts << ImportModel::tr("Urine test %1, %2").arg(dateText(uds.date), reports::urineResultWords(uds.result));
    return parts.isEmpty() ? ImportModel::tr("No records") : parts.join(QStringLiteral(" · "));
}

int recordCount(const QList<domain::Patient> &patients)
{
    qsizetype count = 0;
    for (const auto &p : patients)
        count += p.opioids.size() + p.benzodiazepines.size() + p.agreements.size() + p.pdmpChecks.size() +
                 p.uds.size() + p.peg.size() + p.screenings.size();
    return static_cast<int>(count);
}

QVariantMap problemOf(int row, const QString &column, const QString &message)
{
    return {{QStringLiteral("row"), row}, {QStringLiteral("column"), column}, {QStringLiteral("message"), message}};
}

}  // namespace

ImportModel::ImportModel(QObject *parent)
    : AsyncObject(parent)
{}

QString ImportModel::fileName() const
{
    return QFileInfo(m_path).fileName();
}

QStringList ImportModel::fields() const
{
    return interop::ColumnMapping::fields();
}

void ImportModel::clearResults()
{
    m_mappingProblem.clear();
    m_previewRows.clear();
    m_sheetRows = 0;
    m_readableRows = 0;
    m_problems.clear();
    m_warnings.clear();
    m_prescriptions.clear();
    m_patients = 0;
    m_observations = 0;
    m_sedatives = 0;
    m_otherRecords = 0;
    m_canCommit = false;
    emit previewChanged();
}

void ImportModel::open(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    m_path = path;
    m_columns.clear();
    m_delimiter.clear();
    m_chosenDelimiter.clear();
    m_encoding = TextEncoding::NotText;
    m_chosenEncoding = TextEncoding::NotText;
    m_added = -1;
    clearMessage();
    const QString lower = path.toLower();
    if (interop::isSheetFile(path))
        m_kind = Kind::Sheet;
    else if (lower.endsWith(QLatin1String(".json")) || lower.endsWith(QLatin1String(".ndjson")))
        m_kind = Kind::Fhir;
    else
        m_kind = Kind::None;
    emit fileChanged();
    emit mappingChanged();
    clearResults();
    if (m_kind == Kind::Sheet)
        readSheet(true);
    else if (m_kind == Kind::Fhir)
        readFhirFile();
    else
        setMessage(tr("Choose a FHIR file (.json, .ndjson) or a spreadsheet (.csv, .tsv, .txt, .xlsx)."), true);
}

void ImportModel::readSheet(bool offerKeptMapping)
{
    const QString path = m_path;
    const QString delimiter = m_chosenDelimiter;
    const interop::Encoding encoding = toInterop(m_chosenEncoding);
    run<Result<SheetRead>>(
        [path, delimiter, encoding, offerKeptMapping](registry::Registry &registry) -> Result<SheetRead> {
            auto read = readSheetFile(path, delimiter, encoding, std::nullopt);
            if (!read || !offerKeptMapping)
                return read;
            auto kept = registry.sheetMapping();
            if (!kept)
                return kept.error();
            read->keptMapping = *kept;
            return read;
        },
        [this, offerKeptMapping](Result<SheetRead> read) {
            if (!read) {
                m_columns.clear();
                emit fileChanged();
                clearResults();
                setMessage(read.error().line(), true);
                return;
            }
            clearMessage();
            m_columns = read->sheet.header;
            m_delimiter = read->sheet.delimiter.isNull() ? QString() : QString(read->sheet.delimiter);
            m_encoding = fromInterop(read->sheet.encoding);
            emit fileChanged();
            // The columns chosen so far stay for those this file has (a corrected copy of the same
            // sheet, another delimiter); without any, the last import's mapping is offered for the
            // columns the file has. Never a guess from the columns' names.
            for (auto it = m_mapping.begin(); it != m_mapping.end();)
                it = m_columns.contains(it.value().toString()) ? std::next(it) : m_mapping.erase(it);
            if (m_mapping.isEmpty()) {
                m_mappingKept = false;
                m_dateFormat.clear();
            }
            if (m_mapping.isEmpty() && offerKeptMapping) {
                for (auto it = read->keptMapping.constBegin(); it != read->keptMapping.constEnd(); ++it) {
                    if (it.key() == QLatin1String("date_format"))
                        m_dateFormat = it.value().toString();
                    else if (m_columns.contains(it.value().toString()))
                        m_mapping.insert(it.key(), it.value().toString());
                }
                m_mappingKept = !m_mapping.isEmpty();
            }
            emit mappingChanged();
            preview();
        });
}

void ImportModel::preview()
{
    m_added = -1;
    QJsonObject json = QJsonObject::fromVariantMap(m_mapping);
    if (!m_dateFormat.isEmpty())
        json.insert(QStringLiteral("date_format"), m_dateFormat);
    auto mapping = interop::ColumnMapping::fromJson(json);
    if (!mapping) {
        clearResults();
        m_mappingProblem = mapping.error().line();
        emit previewChanged();
        return;
    }
    const QString path = m_path;
    const QString delimiter = m_chosenDelimiter;
    const interop::Encoding encoding = toInterop(m_chosenEncoding);
    run<Result<SheetRead>>(
        [path, delimiter, encoding, mapping = *mapping](registry::Registry &) {
            return readSheetFile(path, delimiter, encoding, mapping);
        },
        [this](Result<SheetRead> read) {
            clearResults();
            if (!read) {
                setMessage(read.error().line(), true);
                return;
            }
            const interop::SheetImport &rows = *read->rows;
            for (qsizetype i = 0; i < rows.patients.size() && i < kPreviewRows; ++i) {
                const domain::Patient &p = rows.patients.at(i);
                m_previewRows.append(QVariantMap{{QStringLiteral("row"), rows.rowNumbers.at(i)},
                                                 {QStringLiteral("name"), p.name},
                                                 {QStringLiteral("clinicId"), p.clinicId},
                                                 {QStringLiteral("birthDate"), dateText(p.birthDate)},
                                                 {QStringLiteral("sex"), sexText(p.sex)},
                                                 {QStringLiteral("prescriber"), p.prescriber},
                                                 {QStringLiteral("phone"), p.phone},
                                                 {QStringLiteral("language"), languageName(p.language)},
                                                 {QStringLiteral("records"), recordsText(p)}});
            }
            for (const interop::SheetError &e : rows.errors)
                m_problems.append(problemOf(e.row, e.column, e.message));
            m_sheetRows = static_cast<int>(read->sheet.rows.size());
            m_readableRows = static_cast<int>(rows.patients.size());
            m_canCommit = rows.errors.isEmpty() && !rows.patients.isEmpty();
            emit previewChanged();
        });
}

void ImportModel::readFhirFile()
{
    const QString path = m_path;
    run<Result<interop::FhirSummary>>(
        [path](registry::Registry &) -> Result<interop::FhirSummary> {
            auto content = readFhirContent(path);
            if (!content)
                return content.error();
            return interop::summarizeFhir(*content);
        },
        [this](Result<interop::FhirSummary> summary) {
            clearResults();
            if (!summary) {
                // The whole file is refused: the error names the resource and the field.
                m_problems.append(problemOf(0, summary.error().field, summary.error().message));
                emit previewChanged();
                return;
            }
            for (const interop::FhirPrescription &p : summary->prescriptions) {
                const QString dates = p.end.isValid() ? tr("%1 to %2").arg(dateText(p.start), dateText(p.end))
                                                      : tr("from %1").arg(dateText(p.start));
                m_prescriptions.append(
                    QVariantMap{{QStringLiteral("resource"), p.resource},
                                {QStringLiteral("subject"), p.subject},
                                {QStringLiteral("drug"), p.drug},
                                {QStringLiteral("mme"),
                                 p.mmePerDay ? tr("%1 MME a day").arg(numberText(clinical::roundToTenth(*p.mmePerDay)))
                                             : tr("not counted in MME")},
                                {QStringLiteral("dates"), dates}});
            }
            for (const interop::FhirWarning &w : summary->warnings)
                m_warnings.append(problemOf(0, Error{w.field, {}}.within(w.resource).field, w.message));
            m_patients = summary->patients;
            m_observations = summary->pegScores + summary->screenings + summary->urineScreens;
            m_sedatives = summary->sedatives;
            m_otherRecords = summary->otherRecords;
            m_canCommit = summary->patients > 0;
            emit previewChanged();
        });
}

void ImportModel::setColumn(const QString &field, const QString &column)
{
    if (m_kind != Kind::Sheet || !fields().contains(field))
        return;
    if (column.isEmpty())
        m_mapping.remove(field);
    else
        m_mapping.insert(field, column);
    emit mappingChanged();
    preview();
}

void ImportModel::setDateFormat(const QString &format)
{
    if (m_kind != Kind::Sheet || m_dateFormat == format.trimmed())
        return;
    m_dateFormat = format.trimmed();
    emit mappingChanged();
    preview();
}

void ImportModel::setDelimiter(const QString &delimiter)
{
    if (m_kind != Kind::Sheet || delimiter.size() > 1)
        return;
    m_chosenDelimiter = delimiter;
    readSheet(false);
}

void ImportModel::setEncoding(TextEncoding encoding)
{
    if (m_kind != Kind::Sheet)
        return;
    m_chosenEncoding = encoding;
    readSheet(false);
}

void ImportModel::commit()
{
    if (loading() || !m_canCommit)
        return;
    const QString path = m_path;
    if (m_kind == Kind::Fhir) {
        run<Result<std::pair<int, int>>>(
            [path](registry::Registry &registry) -> Result<std::pair<int, int>> {
                auto content = readFhirContent(path);
                if (!content)
                    return content.error();
                // One transaction: every patient of the file with all their records, or nothing.
                auto ids = registry.importPatients(content->patients);
                if (!ids)
                    return ids.error();
                return std::pair{static_cast<int>(ids->size()), recordCount(content->patients)};
            },
            [this](Result<std::pair<int, int>> added) {
                if (!added) {
                    setMessage(tr("Nothing was imported: %1").arg(added.error().line()), true);
                    return;
                }
                m_added = added->first;
                m_canCommit = false;
                emit previewChanged();
                setMessage(
                    tr("Added %1 with %2.")
                        .arg(tr("%n patient(s)", nullptr, added->first), tr("%n record(s)", nullptr, added->second)),
                    false);
            });
        return;
    }
    QJsonObject json = QJsonObject::fromVariantMap(m_mapping);
    if (!m_dateFormat.isEmpty())
        json.insert(QStringLiteral("date_format"), m_dateFormat);
    auto mapping = interop::ColumnMapping::fromJson(json);
    if (!mapping)
        return;
    const QString delimiter = m_chosenDelimiter;
    const interop::Encoding encoding = toInterop(m_chosenEncoding);
    run<Result<std::pair<int, int>>>(
        [path, delimiter, encoding, mapping = *mapping](registry::Registry &registry) -> Result<std::pair<int, int>> {
            auto read = readSheetFile(path, delimiter, encoding, mapping);
            if (!read)
                return read.error();
            const interop::SheetImport &rows = *read->rows;
            if (!rows.errors.isEmpty()) {
                const interop::SheetError &e = rows.errors.first();
                return Error{tr("row %1, %2").arg(e.row).arg(e.column), e.message};
            }
            // One transaction: every row, or nothing; the mapping is kept for the next import.
            auto ids = registry.importPatients(rows.patients, mapping.toJson());
            if (!ids) {
                const interop::SheetError e = interop::sheetErrorOf(rows, mapping, ids.error());
                return e.row > 0 ? Error{tr("row %1, %2").arg(e.row).arg(e.column), e.message} : ids.error();
            }
            return std::pair{static_cast<int>(ids->size()), recordCount(rows.patients)};
        },
        [this](Result<std::pair<int, int>> added) {
            if (!added) {
                setMessage(tr("Nothing was imported: %1").arg(added.error().line()), true);
                return;
            }
            m_added = added->first;
            m_canCommit = false;
            m_mappingKept = true;
            emit mappingChanged();
            emit previewChanged();
            setMessage(tr("Added %1 with %2.")
                           .arg(tr("%n patient(s)", nullptr, added->first), tr("%n record(s)", nullptr, added->second)),
                       false);
        });
}

}  // namespace cairn::app
