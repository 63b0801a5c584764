// Create or update the Document nodes of this load, without their sha256: the
// hash is set last (finish_documents.cypher), so a load cut off half-way leaves
// the document marked unfinished and the next run loads it again. The hash
// being loaded is kept meanwhile: a run that finds the same text unfinished
// (cut off, or being loaded by another run right now) adds to it instead of
// replacing it.
UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.title = row.title, d.date = row.date, d.url = row.url, d.source = row.source,
    d.sha256 = null, d.facts_sha256 = null, d.pending_sha256 = row.sha256
