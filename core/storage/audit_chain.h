#pragma once
// The hash rule of Cairn's hash-chained audit trails: the tablet's (audit_log.h) and
// cairn-server's (sync/server/server_audit.h). One rule in one place, so both chains are built
// and verified the same way.

#include <QString>
#include <QStringList>

#include <cstdint>

namespace cairn::storage {

// The "previous hash" of a chain's first entry: 64 zeros.
const QString &auditGenesisHash();

// SHA-256 (lower-case hex) over seq, the entry's fields in order, then the previous entry's hash.
// Each is length-prefixed ("<utf-8 bytes>:<text>"), so no two different entries hash the same
// bytes. A null field hashes as an empty one.
QString chainedEntryHash(std::int64_t seq, const QStringList &fields, const QString &prevHash);

}  // namespace cairn::storage
