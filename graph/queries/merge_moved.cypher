// MOVED facts (Person -> Organization, told apart by `from`), loaded like
// merge_relations.cypher, and mirrored at once as the talent flow between
// the two organisations: (from)-[:TALENT_FLOW {person_id}]->(to).
// Purges resync flows with sync/prune_talent_flows.cypher.
UNWIND $rows AS row
MATCH (s:Person {id: row.subject})
MATCH (o:Organization {id: row.object})
MERGE (s)-[r:MOVED {`from`: row.`from`}]->(o)
WITH s, o, r, row, r.evidence_docs IS NULL AS created, coalesce(r.evidence_docs, []) AS docs,
     coalesce(r.evidence_starts, []) AS starts, coalesce(r.evidence_ends, []) AS ends
WITH s, o, r, row, created, [i IN range(0, size(docs) - 1) | docs[i] + '|' + toString(starts[i]) + '|' + toString(ends[i])] AS seen
WITH s, o, r, row, created, [e IN row.evidence WHERE NOT (e.doc + '|' + toString(e.start) + '|' + toString(e.end)) IN seen] AS fresh
SET r += row.qualifiers,
    r.evidence = coalesce(r.evidence, []) + [e IN fresh | e.sentence],
    r.evidence_docs = coalesce(r.evidence_docs, []) + [e IN fresh | e.doc],
    r.evidence_starts = coalesce(r.evidence_starts, []) + [e IN fresh | e.start],
    r.evidence_ends = coalesce(r.evidence_ends, []) + [e IN fresh | e.end],
    r.evidence_confidences = coalesce(r.evidence_confidences, []) + [e IN fresh | row.confidence]
WITH s, o, r, created
SET r.confidence = reduce(best = 0.0, c IN r.evidence_confidences | CASE WHEN c > best THEN c ELSE best END),
    r.sources = size(reduce(seen = [], d IN r.evidence_docs | CASE WHEN d IN seen THEN seen ELSE seen + d END))
WITH s, o, r, created
CALL (s, o, r) {
  MATCH (src:Organization {id: r.`from`})
  WHERE src <> o
  MERGE (src)-[t:TALENT_FLOW {person_id: s.id}]->(o)
  SET t.person = s.name, t.date = r.date, t.role = r.role,
      t.evidence = r.evidence, t.evidence_docs = r.evidence_docs,
      t.confidence = r.confidence, t.sources = r.sources
}
// How many facts were new (flows not counted), and how many rows found both ends.
RETURN count(CASE WHEN created THEN 1 END) AS created, count(*) AS written
