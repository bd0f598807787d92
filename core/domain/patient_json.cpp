#include "core/domain/patient_json.h"
