#pragma once
// The server's tables, written once for both stores; only the feed position's type differs.
// set_aside: changes stored before the server validated pushes (or by a bug) that fail today's
// checks, found once when such a store is first opened (SyncService::open); they stay in `changes`
// (their ids stay taken, tablets that hold them may withdraw them) but are no longer sent.

#include <QByteArray>

namespace cairn::sync {

// positionColumn: an auto-increasing primary key ("INTEGER PRIMARY KEY AUTOINCREMENT" for SQLite,
// "BIGSERIAL PRIMARY KEY" for PostgreSQL); integer: a 64-bit integer type.
inline QByteArray serverSchema(const char *positionColumn, const char *integer)
{
    QByteArray schema = R"SQL(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS enrollments (
  code_hash TEXT PRIMARY KEY, clinic TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT NOT NULL,
  used_by TEXT, used_at TEXT);
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY, clinic TEXT NOT NULL, credential_hash TEXT NOT NULL, enrolled_at TEXT NOT NULL,
  revoked_at TEXT, highest_seq @INTEGER@ NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS changes (
  position @POSITION@, clinic TEXT NOT NULL, id TEXT NOT NULL UNIQUE,
  patient_id TEXT NOT NULL, device TEXT NOT NULL, seq @INTEGER@ NOT NULL, record TEXT NOT NULL,
  received_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS changes_by_clinic ON changes(clinic, position);
CREATE TABLE IF NOT EXISTS patients (id TEXT PRIMARY KEY, clinic TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS device_escrow (device TEXT PRIMARY KEY, escrow_key TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY, clinic TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL, role TEXT NOT NULL,
  pin_verifier TEXT NOT NULL, created_at TEXT NOT NULL, removed_at TEXT,
  failed_attempts @INTEGER@ NOT NULL DEFAULT 0, lockouts @INTEGER@ NOT NULL DEFAULT 0, locked_until TEXT);
CREATE UNIQUE INDEX IF NOT EXISTS users_by_name ON users(clinic, name_key) WHERE removed_at IS NULL;
CREATE TABLE IF NOT EXISTS server_audit (
  seq @INTEGER@ PRIMARY KEY, at TEXT NOT NULL, event TEXT NOT NULL, clinic TEXT, device TEXT, user_name TEXT,
  applied @INTEGER@, duplicates @INTEGER@, refused @INTEGER@, sent @INTEGER@, reason TEXT,
  prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS server_audit_by_time ON server_audit(at);
CREATE TABLE IF NOT EXISTS set_aside (
  id TEXT PRIMARY KEY, clinic TEXT NOT NULL, field TEXT NOT NULL, message TEXT NOT NULL, set_aside_at TEXT NOT NULL);
)SQL";
    schema.replace("@POSITION@", positionColumn);
    schema.replace("@INTEGER@", integer);
    return schema;
}

}  // namespace cairn::sync
