#include "core/registry/patient_records.h"

#include <QHash>
#include <queue>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <numeric>
#include <span>
#include <thread>
#include <unordered_map>
#include <vector>

namespace cairn::registry {
namespace {

void copyMeta(const domain::RecordMeta &meta, domain::RecordEnvelope &envelope)
{
    envelope.id = meta.id.toString(QUuid::WithoutBraces);
    envelope.author = meta.author;
    envelope.device = meta.device;
    envelope.stamp = meta.stamp;
    envelope.supersedes = meta.supersedes.isNull() ? QString() : meta.supersedes.toString(QUuid::WithoutBraces);
}

domain::RecordMeta metaOf(const domain::RecordEnvelope &envelope)
{
    domain::RecordMeta meta;
    meta.id = QUuid::fromString(envelope.id);
    meta.author = envelope.author;
    meta.device = envelope.device;
    meta.stamp = envelope.stamp;
    meta.supersedes = QUuid::fromString(envelope.supersedes);
    return meta;
}

}  // namespace

domain::RecordEnvelope toEnvelope(const QString &patientId, const domain::AnyRecord &record)
{
    domain::RecordEnvelope envelope;
    copyMeta(std::visit([](const auto &r) -> const domain::RecordMeta & { return r.meta; }, record), envelope);
    envelope.patientId = patientId;
    envelope.kind = domain::recordKind(record);
    envelope.date = domain::recordDate(record).toString(Qt::ISODate);
    envelope.payload = domain::recordToJson(record);
    return envelope;
}

domain::RecordEnvelope demographicsEnvelope(const domain::Patient &patient)
{
    domain::RecordEnvelope envelope;
    copyMeta(patient.meta, envelope);
    envelope.patientId = patient.id;
    envelope.kind = domain::kDemographicsKind.kind();
    envelope.date = patient.ltotStart.toString(Qt::ISODate);
    envelope.payload = domain::demographicsToJson(patient);
    return envelope;
}

QList<domain::RecordEnvelope> envelopesOf(domain::Patient patient, const Stamper &stamp)
{
    QList<domain::RecordEnvelope> envelopes;
    // A record not stamped yet is stamped here. An import may have chosen its id already, so that
    // another record of the file can name it (a task its case conference): that id is kept.
    auto ensure = [&stamp](domain::RecordMeta &meta) {
        if (!meta.id.isNull() && !meta.stamp.isNull())
            return;
        const QUuid chosen = meta.id;
        stamp(meta);
        if (!chosen.isNull())
            meta.id = chosen;
    };
    ensure(patient.meta);
    if (patient.id.isEmpty())
        patient.id = patient.meta.id.toString(QUuid::WithoutBraces);
    qsizetype count = 1;
    domain::forEachKind([&](const auto &kind) { count += (patient.*kind.list).size(); });
    envelopes.reserve(count);
    envelopes.append(demographicsEnvelope(patient));
    auto addAll = [&](auto &list) {
        for (auto &record : list) {
            ensure(record.meta);
            envelopes.append(toEnvelope(patient.id, domain::AnyRecord(record)));
        }
    };
    domain::forEachKind([&](const auto &kind) { addAll(patient.*kind.list); });
    return envelopes;
}

Result<domain::Patient> assemblePatient(const domain::RecordEnvelope *begin, const domain::RecordEnvelope *end)
{
    const domain::RecordEnvelope *demographics = nullptr;
    for (const auto &envelope : std::span(begin, end)) {
        if (envelope.kind == domain::kDemographicsKind.kind() &&
            (!demographics || demographics->stamp < envelope.stamp))
            demographics = &envelope;
    }
    if (!demographics)
        return Error{QStringLiteral("patient"), QStringLiteral("the patient's demographics are missing")};
    auto patient = domain::demographicsFromJson(demographics->payload);
    if (!patient)
        return patient.error().within(QStringLiteral("patient"));
    patient->id = demographics->patientId;
    patient->meta = metaOf(*demographics);
    // Records in the order of what they are about, then their clock: the same on every device,
    // whatever order sync delivered them in.
    std::vector<const domain::RecordEnvelope *> ordered;
    ordered.reserve(static_cast<std::size_t>(end - begin));
    for (const auto &envelope : std::span(begin, end))
        ordered.push_back(&envelope);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const domain::RecordEnvelope *a, const domain::RecordEnvelope *b) {
                         if (a->date != b->date)
                             return a->date < b->date;
                         return a->stamp < b->stamp;
                     });
    for (const domain::RecordEnvelope *entry : ordered) {
        const domain::RecordEnvelope &envelope = *entry;
        if (envelope.kind == domain::kDemographicsKind.kind() || !domain::knownRecordKindForPatient(envelope.kind))
            continue;
        auto record = domain::recordFromJson(envelope.kind, envelope.payload);
        if (!record)
            return record.error().within(envelope.kind);
        domain::recordMeta(*record) = metaOf(envelope);
        domain::addToPatient(*patient, std::move(record).value());
    }
    patient->taperStatus = domain::taperStatusOf(*patient);
    return patient;
}

Result<QList<domain::Patient>> assemblePatients(const QList<domain::RecordEnvelope> &currentByPatient)
{
    QList<domain::Patient> patients;
    qsizetype begin = 0;
    while (begin < currentByPatient.size()) {
        qsizetype end = begin;
        const QString &id = currentByPatient.at(begin).patientId;
        while (end < currentByPatient.size() && currentByPatient.at(end).patientId == id)
            ++end;
        if (id != domain::kClinicScope) {
            auto patient = assemblePatient(currentByPatient.constData() + begin, currentByPatient.constData() + end);
            if (!patient)
                return patient.error();
            patients.append(std::move(patient).value());
        }
        begin = end;
    }
    return patients;
}

namespace {

constexpr int kDemographicsKind = -1;  // rows of kind "patient"
constexpr int kOtherKind = -2;         // kinds a patient does not hold: skipped, as assemblePatient does

// A current row's text copied into a batch.
struct RowSpan {
    qsizetype offset = 0;
    qsizetype size = 0;
};

struct PendingRow {
    qsizetype patient = 0;  // in order of first appearance
    RowSpan id, kind, date, payload, author, device, hlc, supersedes;
};

// Rows on their way from the scan to the decoding thread. A few batches are reused in turn, so
// the copy stays in memory that is already mapped and warm.
struct Batch {
    static constexpr std::size_t kRows = 1024;
    static constexpr std::size_t kBytes = 512 * 1024;

    Batch()
        : text(kBytes)
    {
        rows.reserve(kRows);
    }
    [[nodiscard]] bool fits(qsizetype bytes) const
    {
        return rows.size() < kRows && used + static_cast<std::size_t>(bytes) <= text.size();
    }
    RowSpan add(QByteArrayView column)
    {
        const RowSpan span{static_cast<qsizetype>(used), column.size()};
        if (!column.isEmpty())
            std::memcpy(text.data() + used, column.data(), static_cast<std::size_t>(column.size()));
        used += static_cast<std::size_t>(column.size());
        return span;
    }
    [[nodiscard]] QByteArrayView view(RowSpan span) const
    {
        return QByteArrayView(text.data() + span.offset, span.size);
    }
    void clear()
    {
        rows.clear();
        complete.clear();
        used = 0;
    }

    std::vector<char> text;
    std::size_t used = 0;
    std::vector<PendingRow> rows;
    // forEachPatient: the patients (index and id) whose last row is in this batch or an earlier one.
    std::vector<std::pair<qsizetype, QString>> complete;
};

// Hands batches between the scanning and the decoding thread.
class BatchQueue {
public:
    void push(Batch *batch)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_waiting.push_back(batch);
        }
        m_ready.notify_one();
    }
    void close()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_ready.notify_all();
    }
    // The next batch; null once closed and empty.
    Batch *take()
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return m_closed || !m_waiting.empty(); });
        if (m_waiting.empty())
            return nullptr;
        Batch *batch = m_waiting.front();
        m_waiting.pop_front();
        return batch;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<Batch *> m_waiting;
    bool m_closed = false;
};

// Where a row goes in assemblePatient's record order: the date column's text (packed when it is
// YYYY-MM-DD or empty, which order as their text does), then the clock.
struct DateKey {
    std::int32_t packed = 0;  // 0: empty; -1: other text, kept in `text`
    QByteArray text;

    static DateKey of(QByteArrayView date)
    {
        DateKey key;
        if (date.isEmpty())
            return key;
        bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-';
        std::int32_t value = 0;
        for (qsizetype i = 0; shaped && i < 10; ++i) {
            if (i == 4 || i == 7)
                continue;
            shaped = date[i] >= '0' && date[i] <= '9';
            value = value * 10 + (date[i] - '0');
        }
        if (shaped) {
            key.packed = value + 1;
        } else {
            key.packed = -1;
            key.text = date.toByteArray();
        }
        return key;
    }
    // QString's order of the texts (UTF-16 code units).
    static bool before(const DateKey &a, const DateKey &b)
    {
        if (a.packed >= 0 && b.packed >= 0)
            return a.packed < b.packed;
        return QString::fromUtf8(a.textForm()) < QString::fromUtf8(b.textForm());
    }
    static bool same(const DateKey &a, const DateKey &b)
    {
        if (a.packed >= 0 && b.packed >= 0)
            return a.packed == b.packed;
        return a.textForm() == b.textForm();
    }
    [[nodiscard]] QByteArray textForm() const
    {
        if (packed < 0)
            return text;
        if (packed == 0)
            return QByteArray();
        const std::int32_t v = packed - 1;
        return QByteArray::number(v / 10000).rightJustified(4, '0') + '-' +
               QByteArray::number(v / 100 % 100).rightJustified(2, '0') + '-' +
               QByteArray::number(v % 100).rightJustified(2, '0');
    }
};

struct Demographics {
    domain::RecordMeta meta;
    Result<domain::Patient> patient;
};

struct FailedRow {
    Error error;
    int kind;
    DateKey date;
    HlcStamp stamp;
};

// One patient as the decoding thread fills it: records in their lists in write order, with the
// key of each row to put them in assemblePatient's order afterwards.
struct PatientBuild {
    std::optional<Demographics> demographics;  // the latest stamp so far, the earliest of equals
    domain::Patient lists;                     // only its record lists are used
    std::vector<std::int8_t> kinds;            // of each record, in write order
    std::vector<DateKey> dates;                // of each record, in write order
    std::vector<FailedRow> failures;           // rows whose payload could not be read, in write order
};

// The stamp as HlcStamp::parse reads it; the canonical form without a QString.
void readStamp(QByteArrayView text, domain::PayloadReader &texts, HlcStamp *out)
{
    auto digits = [&](qsizetype from, qsizetype count, std::int64_t *value) {
        *value = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9')
                return false;
            *value = *value * 10 + (text[i] - '0');
        }
        return true;
    };
    std::int64_t wall = 0;
    std::int64_t counter = 0;
    if (text.size() >= 24 && text[16] == '-' && text[23] == '-' && digits(0, 16, &wall) && digits(17, 6, &counter)) {
        out->wallMs = wall;
        out->counter = static_cast<std::uint32_t>(counter);
        out->device = texts.text(text.sliced(24));
        return;
    }
    HlcStamp::parse(QString::fromUtf8(text), out);
}

int kindOf(QByteArrayView kind)
{
    if (kind == QByteArrayView("patient"))
        return kDemographicsKind;
    for (std::size_t i = 0; i < domain::kRecordKindCount; ++i) {
        const QLatin1StringView name = domain::recordKindName(i);
        if (kind == QByteArrayView(name.data(), name.size()))
            return static_cast<int>(i);
    }
    return kOtherKind;
}

// Patients being built, by index; they never move (a Patient is large), and are allocated a
// thousand at a time.
class PatientBuilds {
public:
    PatientBuild &operator[](std::size_t index)
    {
        reserve(index + 1);
        return m_chunks[index / kChunk][index % kChunk];
    }
    void reserve(std::size_t count)
    {
        while (count > m_chunks.size() * kChunk)
            m_chunks.push_back(std::make_unique<PatientBuild[]>(kChunk));
    }

private:
    static constexpr std::size_t kChunk = 1024;
    std::vector<std::unique_ptr<PatientBuild[]>> m_chunks;
};

// The patients forEachPatient is still reading, by index; each is dropped once assembled.
class OpenBuilds {
public:
    PatientBuild &operator[](std::size_t index)
    {
        std::unique_ptr<PatientBuild> &build = m_open[index];
        if (!build)
            build = std::make_unique<PatientBuild>();
        return *build;
    }
    std::unique_ptr<PatientBuild> take(std::size_t index)
    {
        auto found = m_open.find(index);
        if (found == m_open.end())
            return std::make_unique<PatientBuild>();  // a patient with no row of a known kind
        std::unique_ptr<PatientBuild> build = std::move(found->second);
        m_open.erase(found);
        return build;
    }

private:
    std::unordered_map<std::size_t, std::unique_ptr<PatientBuild>> m_open;
};

template <typename Builds> void decode(const Batch &batch, domain::PayloadReader &reader, Builds &builds)
{
    for (const PendingRow &pending : batch.rows) {
        const int kind = kindOf(batch.view(pending.kind));
        if (kind == kOtherKind)
            continue;
        PatientBuild &build = builds[static_cast<std::size_t>(pending.patient)];
        // As metaOf() reads an envelope's columns.
        domain::RecordMeta meta;
        meta.id = QUuid::fromString(QUtf8StringView(batch.view(pending.id)));
        meta.author = reader.text(batch.view(pending.author));
        meta.device = reader.text(batch.view(pending.device));
        readStamp(batch.view(pending.hlc), reader, &meta.stamp);
        meta.supersedes = QUuid::fromString(QUtf8StringView(batch.view(pending.supersedes)));
        if (kind == kDemographicsKind) {
            if (!build.demographics || build.demographics->meta.stamp < meta.stamp)
                build.demographics = Demographics{std::move(meta), reader.demographics(batch.view(pending.payload))};
            continue;
        }
        auto record = reader.record(static_cast<std::size_t>(kind), batch.view(pending.payload));
        if (!record) {
            build.failures.push_back({record.error(), kind, DateKey::of(batch.view(pending.date)), meta.stamp});
            continue;
        }
        build.kinds.push_back(static_cast<std::int8_t>(kind));
        build.dates.push_back(DateKey::of(batch.view(pending.date)));
        std::visit(
            [&](auto &&r) {
                using T = std::decay_t<decltype(r)>;
                r.meta = std::move(meta);
                domain::listOf<T>(build.lists).append(std::forward<decltype(r)>(r));
            },
            std::move(record).value());
    }
}

// Puts one list in assemblePatient's order (stable: by date column, then clock); it nearly
// always is already.
template <typename T> void order(QList<T> &list, const std::vector<const DateKey *> &dates)
{
    auto before = [&](qsizetype a, qsizetype b) {
        const DateKey &first = *dates[static_cast<std::size_t>(a)];
        const DateKey &second = *dates[static_cast<std::size_t>(b)];
        if (!DateKey::same(first, second))
            return DateKey::before(first, second);
        return list.at(a).meta.stamp < list.at(b).meta.stamp;
    };
    bool sorted = true;
    for (qsizetype i = 1; sorted && i < list.size(); ++i)
        sorted = !before(i, i - 1);
    if (sorted)
        return;
    std::vector<qsizetype> permutation(static_cast<std::size_t>(list.size()));
    std::iota(permutation.begin(), permutation.end(), 0);
    std::stable_sort(permutation.begin(), permutation.end(), before);
    QList<T> ordered;
    ordered.reserve(list.size());
    for (qsizetype index : permutation)
        ordered.append(std::move(list[index]));
    list = std::move(ordered);
}

// One patient, as assemblePatient builds it from envelopes (and with the same errors).
Result<domain::Patient> assemble(PatientBuild &build, const QString &patientId)
{
    if (!build.demographics)
        return Error{QStringLiteral("patient"), QStringLiteral("the patient's demographics are missing")};
    if (!build.demographics->patient)
        return build.demographics->patient.error().within(QStringLiteral("patient"));
    if (!build.failures.empty()) {
        // The first in record order is the one assemblePatient meets.
        const FailedRow *first = &build.failures.front();
        for (const FailedRow &failure : build.failures) {
            const bool earlier = !DateKey::same(failure.date, first->date) ? DateKey::before(failure.date, first->date)
                                                                           : failure.stamp < first->stamp;
            if (earlier)
                first = &failure;
        }
        return first->error.within(QString(domain::recordKindName(static_cast<std::size_t>(first->kind))));
    }
    domain::Patient patient = std::move(build.demographics->patient).value();
    patient.id = patientId;
    patient.meta = std::move(build.demographics->meta);
    std::array<std::vector<const DateKey *>, domain::kRecordKindCount> dates;
    for (std::size_t i = 0; i < build.kinds.size(); ++i)
        dates[static_cast<unsigned char>(build.kinds[i])].push_back(&build.dates[i]);
    auto ordered = [&](auto &list, std::size_t kind) {
        order(list, dates[kind]);
        return std::move(list);
    };
    domain::Patient &lists = build.lists;
    domain::forEachKind([&](const auto &kind) {
        using T = typename std::remove_cvref_t<decltype(kind)>::Type;
        patient.*kind.list = ordered(lists.*kind.list, domain::kKindIndex<T>);
    });
    patient.taperStatus = domain::taperStatusOf(patient);
    return patient;
}

}  // namespace

Result<QList<domain::Patient>> assembleAllPatients(storage::RecordStore &store)
{
    // The scan copies rows into a few reused batches; a second thread decodes them meanwhile.
    constexpr int kBatches = 8;
    std::array<Batch, kBatches> pool;
    BatchQueue free;
    BatchQueue full;
    for (Batch &batch : pool)
        free.push(&batch);
    PatientBuilds builds;
    std::thread decoder([&] {
        domain::PayloadReader reader;
        while (Batch *batch = full.take()) {
            decode(*batch, reader, builds);
            batch->clear();
            free.push(batch);
        }
    });

    // Patients in order of first appearance, as allCurrent() groups them.
    QHash<QByteArray, qsizetype> patientOf;
    QList<QString> patientIds;
    const QByteArray clinic = domain::kClinicScope.toUtf8();
    QByteArray lastPatient;
    qsizetype lastIndex = -1;
    Batch *filling = nullptr;
    const Status scanned = store.scanCurrent([&](const storage::CurrentRowText &row) {
        if (row.patientId == QByteArrayView(clinic))
            return;  // clinic records belong to no patient
        if (lastIndex < 0 || row.patientId != QByteArrayView(lastPatient)) {
            const QByteArray key = QByteArray::fromRawData(row.patientId.data(), row.patientId.size());
            auto found = patientOf.constFind(key);
            if (found == patientOf.cend()) {
                found = patientOf.insert(row.patientId.toByteArray(), patientIds.size());
                patientIds.append(QString::fromUtf8(row.patientId));
            }
            lastPatient = found.key();
            lastIndex = *found;
        }
        const qsizetype bytes = row.id.size() + row.kind.size() + row.date.size() + row.payload.size() +
                                row.author.size() + row.device.size() + row.hlc.size() + row.supersedes.size();
        if (filling && !filling->fits(bytes)) {
            full.push(filling);
            filling = nullptr;
        }
        if (!filling) {
            filling = free.take();
            if (static_cast<std::size_t>(bytes) > filling->text.size())
                filling->text.resize(static_cast<std::size_t>(bytes));
        }
        filling->rows.push_back({lastIndex, filling->add(row.id), filling->add(row.kind), filling->add(row.date),
                                 filling->add(row.payload), filling->add(row.author), filling->add(row.device),
                                 filling->add(row.hlc), filling->add(row.supersedes)});
    });
    if (filling)
        full.push(filling);
    full.close();
    decoder.join();
    if (!scanned)
        return scanned.error();

    // Patients are independent: two threads, each half of them. The first failure in patient
    // order is the one reported, as assemblePatients does.
    const auto patientCount = static_cast<std::size_t>(patientIds.size());
    builds.reserve(patientCount);  // before two threads read them
    std::vector<domain::Patient> built(patientCount);
    struct Failure {
        std::size_t patient;
        Error error;
    };
    auto assembleRange = [&](std::size_t from, std::size_t to) -> std::optional<Failure> {
        for (std::size_t p = from; p < to; ++p) {
            auto patient = assemble(builds[p], patientIds.at(static_cast<qsizetype>(p)));
            if (!patient)
                return Failure{p, patient.error()};
            built[p] = std::move(patient).value();
        }
        return std::nullopt;
    };
    const std::size_t half = patientCount / 2;
    std::optional<Failure> laterFailure;
    std::thread second([&] { laterFailure = assembleRange(half, patientCount); });
    const std::optional<Failure> earlierFailure = assembleRange(0, half);
    second.join();
    if (earlierFailure)
        return earlierFailure->error;
    if (laterFailure)
        return laterFailure->error;
    QList<domain::Patient> patients;
    patients.reserve(static_cast<qsizetype>(patientCount));
    for (domain::Patient &patient : built)
        patients.append(std::move(patient));
    return patients;
}

Status forEachPatient(storage::RecordStore &store, const std::function<Status(domain::Patient &&)> &visit)
{
    auto lastSeqs = store.lastSeqOfEachPatient();
    if (!lastSeqs)
        return lastSeqs.error();
    // As assembleAllPatients: the scan copies rows into a few reused batches; the second thread
    // decodes them and assembles each patient the batch completes, while this one visits them.
    constexpr int kBatches = 8;
    std::array<Batch, kBatches> pool;
    BatchQueue free;
    BatchQueue full;
    for (Batch &batch : pool)
        free.push(&batch);
    std::mutex assembledMutex;
    std::condition_variable assembledReady;
    std::deque<Result<domain::Patient>> assembled;
    bool decoderDone = false;
    std::thread decoder([&] {
        domain::PayloadReader reader;
        OpenBuilds builds;
        while (Batch *batch = full.take()) {
            decode(*batch, reader, builds);
            std::vector<Result<domain::Patient>> out;
            out.reserve(batch->complete.size());
            for (const auto &[index, id] : batch->complete)
                out.push_back(assemble(*builds.take(static_cast<std::size_t>(index)), id));
            batch->clear();
            free.push(batch);
            {
                const std::lock_guard lock(assembledMutex);
                for (Result<domain::Patient> &patient : out)
                    assembled.push_back(std::move(patient));
            }
            assembledReady.notify_one();
        }
        {
            const std::lock_guard lock(assembledMutex);
            decoderDone = true;
        }
        assembledReady.notify_one();
    });

    // Visits what the decoder has assembled so far; with `toTheEnd`, waits for all of it. After
    // the first error, the rest is only drained.
    Status visited = ok();
    auto visitAssembled = [&](bool toTheEnd) {
        std::unique_lock lock(assembledMutex);
        for (;;) {
            if (toTheEnd)
                assembledReady.wait(lock, [&] { return decoderDone || !assembled.empty(); });
            if (assembled.empty())
                return;
            Result<domain::Patient> patient = std::move(assembled.front());
            assembled.pop_front();
            lock.unlock();
            if (visited)
                visited = patient ? visit(std::move(patient).value()) : Status(patient.error());
            lock.lock();
        }
    };

    // Patients met and not yet complete, soonest complete first: (seq of the last row, index).
    using Open = std::pair<std::int64_t, qsizetype>;
    std::priority_queue<Open, std::vector<Open>, std::greater<>> open;
    QHash<QByteArray, qsizetype> patientOf;
    std::vector<QString> patientIds;
    const QByteArray clinic = domain::kClinicScope.toUtf8();
    QByteArray lastPatient;
    qsizetype lastIndex = -1;
    Batch *filling = nullptr;
    auto ship = [&] {
        full.push(std::exchange(filling, nullptr));
        visitAssembled(false);
    };
    auto complete = [&](qsizetype index) {
        if (!filling)
            filling = free.take();
        filling->complete.emplace_back(index, patientIds[static_cast<std::size_t>(index)]);
    };
    const Status scanned = store.scanCurrent([&](const storage::CurrentRowText &row) {
        if (!visited || row.patientId == QByteArrayView(clinic))
            return;
        // Every patient whose last row came before this one is whole.
        while (!open.empty() && open.top().first < row.seq) {
            complete(open.top().second);
            open.pop();
        }
        if (lastIndex < 0 || row.patientId != QByteArrayView(lastPatient)) {
            const QByteArray key = QByteArray::fromRawData(row.patientId.data(), row.patientId.size());
            auto found = patientOf.constFind(key);
            if (found == patientOf.cend()) {
                const auto index = static_cast<qsizetype>(patientIds.size());
                found = patientOf.insert(row.patientId.toByteArray(), index);
                patientIds.push_back(QString::fromUtf8(row.patientId));
                open.emplace(lastSeqs->value(patientIds.back(), std::numeric_limits<std::int64_t>::max()), index);
            }
            lastPatient = found.key();
            lastIndex = *found;
        }
        const qsizetype bytes = row.id.size() + row.kind.size() + row.date.size() + row.payload.size() +
                                row.author.size() + row.device.size() + row.hlc.size() + row.supersedes.size();
        if (filling && !filling->fits(bytes))
            ship();
        if (!filling)
            filling = free.take();
        if (static_cast<std::size_t>(bytes) > filling->text.size() - filling->used)
            filling->text.resize(filling->used + static_cast<std::size_t>(bytes));
        filling->rows.push_back({lastIndex, filling->add(row.id), filling->add(row.kind), filling->add(row.date),
                                 filling->add(row.payload), filling->add(row.author), filling->add(row.device),
                                 filling->add(row.hlc), filling->add(row.supersedes)});
    });
    // The scan is over: whoever is still open is whole.
    for (; !open.empty(); open.pop())
        complete(open.top().second);
    if (filling)
        full.push(std::exchange(filling, nullptr));
    full.close();
    visitAssembled(true);
    decoder.join();
    if (!scanned)
        return scanned;
    return visited;
}

Status forEachPatientOf(storage::RecordStore &store, const QStringList &ids,
                        const std::function<Status(domain::Patient &&)> &visit)
{
    for (const QString &id : ids) {
        auto current = store.current(id);
        if (!current)
            return current.error();
        if (current->isEmpty())
            continue;
        auto patient = assemblePatient(*current);
        if (!patient)
            return patient.error();
        if (auto s = visit(std::move(patient).value()); !s)
            return s;
    }
    return ok();
}

}  // namespace cairn::registry
