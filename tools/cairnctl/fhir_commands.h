#pragma once
// The FHIR forms of `cairnctl import` and `cairnctl export` (cmd_fhir.cpp), called by those
// commands in cmd_registry.cpp when given --fhir.

#include "tools/cairnctl/command.h"

namespace cairn::cli {

int runImportFhir(const QStringList &arguments, const GlobalOptions &options, Io &io);
int runExportFhir(const QStringList &arguments, const GlobalOptions &options, Io &io);

}  // namespace cairn::cli
