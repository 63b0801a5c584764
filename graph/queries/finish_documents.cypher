// Mark documents as loaded: from now on a re-ingest of the same text, or a
// reload of the same facts, skips them.
UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.sha256 = row.sha256, d.facts_sha256 = row.facts_sha256, d.loaded_at = datetime()
REMOVE d.pending_sha256
