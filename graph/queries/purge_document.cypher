// Take these documents' evidence out of every fact they supported (their text
// changed, or a forced reload). Facts left with no evidence are deleted;
// purge_mentions.cypher then removes the documents' MENTIONS and entities left
// with no relationships at all. One query for many documents: a forced reload
// of a large corpus is a few hundred transactions, not one per document.
// Returns the people whose MOVED facts were touched, to resync TALENT_FLOW.
UNWIND $docs AS doc
MATCH (:Document {id: doc})-[:MENTIONS]->(n)
MATCH (n)-[r]->()
WHERE type(r) <> 'TALENT_FLOW' AND doc IN r.evidence_docs
WITH DISTINCT r
WITH r, [i IN range(0, size(r.evidence_docs) - 1) WHERE NOT r.evidence_docs[i] IN $docs] AS keep
SET r.evidence = [i IN keep | r.evidence[i]],
    r.evidence_docs = [i IN keep | r.evidence_docs[i]],
    r.evidence_starts = [i IN keep | r.evidence_starts[i]],
    r.evidence_ends = [i IN keep | r.evidence_ends[i]],
    r.evidence_confidences = [i IN keep | r.evidence_confidences[i]]
WITH r, CASE WHEN type(r) = 'MOVED' THEN startNode(r).id END AS mover
SET r.confidence = reduce(best = 0.0, c IN r.evidence_confidences | CASE WHEN c > best THEN c ELSE best END),
    r.sources = size(reduce(seen = [], d IN r.evidence_docs | CASE WHEN d IN seen THEN seen ELSE seen + d END))
WITH r, mover
CALL (r) {
  WITH r WHERE size(r.evidence_docs) = 0
  DELETE r
}
RETURN collect(DISTINCT mover) AS movers
