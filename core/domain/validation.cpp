#include "core/domain/validation.h"
