#pragma once
// One entry of the clinic's resource directory (stored kind "clinic_resource", clinic scope): where
// the clinic refers patients. Each resource is its own lineage, edited with history; `id` is the
// resource's stable identifier, kept by every version, that referrals name (Referral::resourceId).

#include "core/domain/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace cairn::domain {

enum class ResourceCategory {
    AddictionTreatment,
    MoudPrescriber,
    BehavioralHealth,
    PainSpecialist,
    PhysicalTherapy,
    OtherNondrug,  // acupuncture, aqua therapy, CBT for pain, group visits: the subtype says which
    SocialWork,
    CrisisLine,
};
enum class DistanceUnit { Km, Miles };

struct ClinicResource {
    QString id;  // UUID text, the same in every version
    QString name;
    ResourceCategory category = ResourceCategory::OtherNondrug;
    QString subtype;  // free text ("aqua therapy"); optional
    QString address;
    std::optional<double> distance;  // from the clinic, in distanceUnit
    DistanceUnit distanceUnit = DistanceUnit::Km;
    QString hours;
    QStringList languages;  // "en", "es", … or names as the clinic writes them
    QString insurance;      // insurance accepted, as the clinic writes it
    bool telehealth = false;
    QString howToRefer;  // the referral protocol or agreement
    QString phone;
    bool active = true;  // a retired resource stays for the referrals that name it

    friend bool operator==(const ClinicResource &, const ClinicResource &) = default;
};

QString toString(ResourceCategory v);
bool parse(const QString &text, ResourceCategory *out);
const QStringList &resourceCategoryNames();  // every category's stored name, in enum order
QString toString(DistanceUnit v);            // "km", "mi"

QJsonObject toJson(const ClinicResource &resource);
// Reads and validates a stored or incoming payload; errors name the field ("category", "distance").
Result<ClinicResource> clinicResourceFromJson(const QJsonObject &json);
Status validate(const ClinicResource &resource);

// The directory search every screen and cairnctl use: all words of `text` in the name, subtype,
// address or how to refer (folded like patient search); an empty filter matches everything.
struct ResourceFilter {
    std::optional<ResourceCategory> category;
    QString text;
    QString language;  // one of the resource's languages (case-insensitive)
    std::optional<bool> telehealth;
    bool includeRetired = false;
};
bool matches(const ClinicResource &resource, const ResourceFilter &filter);

}  // namespace cairn::domain
