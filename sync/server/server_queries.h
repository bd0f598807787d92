#pragma once
// The statements cairn-server runs for every push batch and pull page, in one place:
// sync_service.cpp runs them and test_server_query_plans checks that each finds its rows through an
// index of the server's schema (server_schema.h) instead of scanning `changes`, which grows with
// every clinic day. Inline arrays: one address in the program, which the file store's statement
// cache is keyed by.

namespace cairn::sync::server_queries {

// A push batch's records and the records it corrects, as the store holds them.
inline constexpr char kHeldRecords[] =
    "SELECT id, clinic, patient_id, (SELECT count(*) FROM set_aside s WHERE s.id = c.id) "
    "FROM changes c WHERE id IN (@TEXT_LIST@)";
// The patients a push batch names, with their clinic.
inline constexpr char kKnownPatients[] = "SELECT id, clinic FROM patients WHERE id IN (@TEXT_LIST@)";
// The end of a clinic's feed, read before a pull page.
inline constexpr char kFeedEnd[] = "SELECT COALESCE(MAX(position), 0) FROM changes WHERE clinic = ?";
// A pull page: clinic, after, feed end, the device whose own rows are skipped (null: none), limit.
inline constexpr char kPullPage[] =
    "SELECT position, record FROM changes c WHERE clinic = ? AND position > ? "
    "AND position <= ? AND device <> COALESCE(?, '') "
    "AND NOT EXISTS (SELECT 1 FROM set_aside s WHERE s.id = c.id) ORDER BY position LIMIT ?";
// The device behind a credential (every request).
inline constexpr char kDevice[] = "SELECT clinic, credential_hash, revoked_at FROM devices WHERE id = ?";

}  // namespace cairn::sync::server_queries
