// name: documents
// aliases: docs, sources-loaded
// description: The loaded documents: title, date, when loaded, entities mentioned, facts supported.
// param: doc = "" | only this document id; empty for all
// param: limit = 500 | at most this many rows
CALL () {
  // Only when no doc is given: checked before the MATCH, so a lookup never scans.
  WITH trim($doc) AS wanted WHERE wanted = ''
  MATCH (d:Document)
  RETURN d
  UNION
  MATCH (d:Document {id: trim($doc)})
  RETURN d
}
CALL (d) {
  OPTIONAL MATCH (d)-[m:MENTIONS]->(n)
  OPTIONAL MATCH (n)-[r]->()
  WHERE d.id IN r.evidence_docs AND type(r) <> 'TALENT_FLOW'
  RETURN count(DISTINCT n) AS entities, count(DISTINCT r) AS facts
}
RETURN d.id AS id, d.title AS title, d.date AS date, d.loaded_at AS loaded_at,
       left(d.sha256, 12) AS sha256, entities, facts
ORDER BY date, id
LIMIT $limit
