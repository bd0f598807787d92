#pragma once
// The spreadsheet form of `cairnctl import` (cmd_sheet.cpp), called by that command in
// cmd_registry.cpp when given --sheet.

#include "tools/cairnctl/command.h"

namespace cairn::cli {

int runImportSheet(const QStringList &arguments, const GlobalOptions &options, Io &io);

}  // namespace cairn::cli
