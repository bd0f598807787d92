#pragma once
// How the versions of one record (its lineage) become the one a device shows, as pure functions of
// versions already read: which lineage a first version starts, which unsuperseded version (tip) is
// in force, the field-by-field merge of concurrent live tips from their nearest common ancestor,
// and the fields someone must review. No SQL: record_store.cpp reads the versions and stores what
// these decide, and tests/storage/test_lineage_merge.cpp checks them case by case. Every result
// depends only on the set of versions, never on the order they arrived in.

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cairn::storage {

// An unsuperseded, unclosed version of a lineage.
struct LineageTip {
    QString id;
    QString hlc;  // HlcStamp::toString(), which sorts as the stamps compare
    bool retracted = false;
    QJsonObject payload;
};

// Two tips that changed the same fields to different values, for review.
struct LineageConflict {
    QString recordA;     // the smaller id of the two
    QString recordB;     // the larger
    QStringList fields;  // payload fields that differ
    friend bool operator==(const LineageConflict &, const LineageConflict &) = default;
};

// Concurrent live tips merged from their common base.
struct Merge {
    QJsonObject payload;
    // For each pair of tips that changed the same field to different values: those fields, sorted.
    // Pairs without such a field are absent (a clean merge). In ascending order of the tips' stamps.
    QList<LineageConflict> conflicts;
};

// What a lineage shows.
struct LineageHead {
    QString recordId;  // the version in force
    bool live = true;  // false when a withdrawal is in force
    // The merge of several live tips (the head's own payload is then not what is shown).
    std::optional<QJsonObject> merged;
    QList<LineageConflict> conflicts;
};

// The lineage a first version starts: its own id, or for a kind the clinic holds once (see
// domain::KindInfo::heldOnce) a name made of the kind, the scope and the payload fields that name
// the one record, so first versions written on two devices offline merge and surface a conflict
// instead of standing side by side.
QString rootLineage(const QString &recordId, const QString &kind, const QString &patientId, const QJsonObject &payload);

// The nearest version every tip descends from. chains holds, for each tip, the ids along its
// supersedes chain, the tip first; nullopt when the tips share none (first versions written
// independently: every field either one set is then a change).
std::optional<QString> nearestCommonAncestor(const QList<QStringList> &chains);

// True when the tips are several live versions, which are merged (a withdrawal in force wins
// over any number of live ones and is not merged).
bool needsMerge(const QList<LineageTip> &tips);

// Each top-level field a tip changed from base takes that tip's value (removed when the tip
// removed it), in ascending order of stamp then id, so for a field several tips changed the latest
// stamp wins.
Merge mergeTips(const QJsonObject &base, QList<LineageTip> tips);

// The version in force (a withdrawal always wins, deleted records never come back; otherwise the
// latest stamp, and of equal stamps the larger id), the merge when needsMerge, and the conflicts:
// those of the merge, or with a withdrawal in force every live tip against it (every field that
// differs). tips must not be empty; base is the payload of nearestCommonAncestor (read only when
// needsMerge).
LineageHead resolveLineage(const QList<LineageTip> &tips, const QJsonObject &base);

}  // namespace cairn::storage
