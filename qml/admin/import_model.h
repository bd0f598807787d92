#pragma once
// The administration screen's import (issue 17 items 1 and 4): a FHIR file (Bundle or NDJSON) or
// the clinic's registry spreadsheet (CSV, TSV, XLSX), read, checked and shown before anything is
// written, then committed whole or not at all. Every read and write runs on the registry thread
// through core/interop's functions, the same ones `cairnctl import` calls; this model only formats.
// The chosen file is only read, each time it is needed, and never copied.
//
// Sheets: the columns of the file, the delimiter and encoding found (changeable), the column
// mapping (Cairn's field → the sheet's column; the one of the last import, kept encrypted in the
// registry, is offered again), the first rows as Cairn will store them and every row's errors.
// FHIR: what the file holds (patients, prescriptions with their MME, observations) or the error
// naming the resource and the field.
//
// `session`, `loading`, `error` and `message` come from the async base.

#include "qml/app/async_model.h"

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace cairn::app {

class ImportModel : public cairn::app::AsyncObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Kind kind READ kind NOTIFY fileChanged)
    // The file's own name, without its folder.
    Q_PROPERTY(QString fileName READ fileName NOTIFY fileChanged)
    // Sheets: the header row's names, and how a text file was read ("," ";" "\t" "|").
    Q_PROPERTY(QStringList columns READ columns NOTIFY fileChanged)
    Q_PROPERTY(QString delimiter READ delimiter NOTIFY fileChanged)
    Q_PROPERTY(TextEncoding encoding READ encoding NOTIFY fileChanged)
    // Cairn's field ("name", "clinic_id", … as ColumnMapping::fields) → the column's name.
    Q_PROPERTY(QStringList fields READ fields CONSTANT)
    Q_PROPERTY(QVariantMap mapping READ mapping NOTIFY mappingChanged)
    Q_PROPERTY(QString dateFormat READ dateFormat NOTIFY mappingChanged)
    // The mapping offered is the one the last import kept.
    Q_PROPERTY(bool mappingKept READ mappingKept NOTIFY mappingChanged)
    // What the mapping still lacks ("name: is required…"), or "".
    Q_PROPERTY(QString mappingProblem READ mappingProblem NOTIFY previewChanged)
    // The first rows as Cairn will store them: {row, name, clinicId, birthDate, sex, prescriber,
    // phone, language, records}, all text but row.
    Q_PROPERTY(QVariantList previewRows READ previewRows NOTIFY previewChanged)
    Q_PROPERTY(int sheetRows READ sheetRows NOTIFY previewChanged)
    Q_PROPERTY(int readableRows READ readableRows NOTIFY previewChanged)
    // Every problem: {row (0 for FHIR), column (the sheet's column, or the resource and field), message}.
    Q_PROPERTY(QVariantList problems READ problems NOTIFY previewChanged)
    // FHIR: what the file left out but does not stop the import (a goal an older export did not
    // carry), {row (0), column (the resource and field), message}; kept after the commit.
    Q_PROPERTY(QVariantList warnings READ warnings NOTIFY previewChanged)
    // FHIR: {resource, subject, drug, mme (text), dates}, and the counts of what comes with them.
    Q_PROPERTY(QVariantList prescriptions READ prescriptions NOTIFY previewChanged)
    Q_PROPERTY(int patients READ patients NOTIFY previewChanged)
    Q_PROPERTY(int observations READ observations NOTIFY previewChanged)
    Q_PROPERTY(int sedatives READ sedatives NOTIFY previewChanged)
    // Agreements, visits, referrals, PDMP checks and naloxone records.
    Q_PROPERTY(int otherRecords READ otherRecords NOTIFY previewChanged)
    // Read whole and without a problem: the commit would write all of it.
    Q_PROPERTY(bool canCommit READ canCommit NOTIFY previewChanged)
    // Patients added by the last commit; -1 before one.
    Q_PROPERTY(int added READ added NOTIFY previewChanged)

public:
    enum class Kind { None, Sheet, Fhir };
    Q_ENUM(Kind)
    enum class TextEncoding { NotText, Utf8, Windows1252 };
    Q_ENUM(TextEncoding)

    explicit ImportModel(QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    QString fileName() const;
    QStringList columns() const { return m_columns; }
    QString delimiter() const { return m_delimiter; }
    TextEncoding encoding() const { return m_encoding; }
    QStringList fields() const;
    QVariantMap mapping() const { return m_mapping; }
    QString dateFormat() const { return m_dateFormat; }
    bool mappingKept() const { return m_mappingKept; }
    QString mappingProblem() const { return m_mappingProblem; }
    QVariantList previewRows() const { return m_previewRows; }
    int sheetRows() const { return m_sheetRows; }
    int readableRows() const { return m_readableRows; }
    QVariantList problems() const { return m_problems; }
    QVariantList warnings() const { return m_warnings; }
    QVariantList prescriptions() const { return m_prescriptions; }
    int patients() const { return m_patients; }
    int observations() const { return m_observations; }
    int sedatives() const { return m_sedatives; }
    int otherRecords() const { return m_otherRecords; }
    bool canCommit() const { return m_canCommit; }
    int added() const { return m_added; }

    // A .json/.ndjson FHIR file or a .csv/.tsv/.txt/.xlsx sheet (a file: URL or a path): reads it
    // and shows what an import would add. A sheet is offered the mapping the last import kept.
    Q_INVOKABLE void open(const QUrl &file);
    // Sheets: one field's column ("" for none), the date format of text dates ("" for
    // YYYY-MM-DD), the delimiter ("" to find it again) and the encoding; each shows the preview again.
    Q_INVOKABLE void setColumn(const QString &field, const QString &column);
    Q_INVOKABLE void setDateFormat(const QString &format);
    Q_INVOKABLE void setDelimiter(const QString &delimiter);
    Q_INVOKABLE void setEncoding(cairn::app::ImportModel::TextEncoding encoding);
    // Writes every patient of the file in one transaction, or nothing (and then says why); a
    // sheet's mapping is kept for the next import in the same transaction.
    Q_INVOKABLE void commit();

signals:
    void fileChanged();
    void mappingChanged();
    void previewChanged();

private:
    void readSheet(bool offerKeptMapping);
    void preview();
    void readFhirFile();
    void clearResults();

    QString m_path;
    Kind m_kind = Kind::None;
    QStringList m_columns;
    QString m_delimiter;
    QString m_chosenDelimiter;  // empty: found from the file
    TextEncoding m_encoding = TextEncoding::NotText;
    TextEncoding m_chosenEncoding = TextEncoding::NotText;  // NotText: found from the file
    QVariantMap m_mapping;
    QString m_dateFormat;
    bool m_mappingKept = false;
    QString m_mappingProblem;
    QVariantList m_previewRows;
    int m_sheetRows = 0;
    int m_readableRows = 0;
    QVariantList m_problems;
    QVariantList m_warnings;
    QVariantList m_prescriptions;
    int m_patients = 0;
    int m_observations = 0;
    int m_sedatives = 0;
    int m_otherRecords = 0;
    bool m_canCommit = false;
    int m_added = -1;
};

}  // namespace cairn::app
