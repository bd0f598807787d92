#include "core/domain/record_kinds.h"

namespace cairn::domain {

std::optional<std::size_t> recordKindIndex(QAnyStringView kind)
{
    for (std::size_t i = 0; i < kRecordKindInfo.size(); ++i) {
        if (kind == kRecordKindInfo[i].kind())
            return i;
    }
    return std::nullopt;
}

const KindInfo *findKind(QAnyStringView kind)
{
    if (const auto index = recordKindIndex(kind))
        return &kRecordKindInfo[*index];
    for (const KindInfo *other : {&kDemographicsKind, &kClinicPolicyKind, &kClinicScriptKind, &kClinicAgreementKind,
                                  &kClinicResourceKind, &kSelfAssessmentResponseKind, &kActionPlanItemKind}) {
        if (kind == other->kind())
            return other;
    }
    return nullptr;
}

}  // namespace cairn::domain
