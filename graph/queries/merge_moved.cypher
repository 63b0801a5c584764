// MOVED facts (Person -> Organization, told apart by `from`), loaded like
// merge_relations.cypher (the person's write lock first, then CREATE or
// append), and mirrored at once as the talent flow between the two
// organisations: (from)-[:TALENT_FLOW {person_id}]->(to). Every writer of a
// person's flows holds that person's lock (sync_talent_flows.cypher too), so
// the flow is looked for and created without MERGE's locks on the two
// organisations, which the loader's concurrent writers share.
UNWIND $rows AS row
MATCH (s:Person {id: row.subject})
MATCH (o:Organization {id: row.object})
SET s.writing_facts = true
REMOVE s.writing_facts
WITH s, o, row
OPTIONAL MATCH (s)-[r:MOVED {`from`: row.`from`}]->(o)
CALL (s, o, r, row) {
  WITH s, o, r, row WHERE r IS NULL
  CREATE (s)-[n:MOVED {`from`: row.`from`}]->(o)
  SET n += row.qualifiers,
      n.evidence = [e IN row.evidence | e.sentence],
      n.evidence_docs = [e IN row.evidence | e.doc],
      n.evidence_starts = [e IN row.evidence | e.start],
      n.evidence_ends = [e IN row.evidence | e.end],
      n.evidence_confidences = [e IN row.evidence | row.confidence],
      n.confidence = row.confidence, n.sources = row.sources
  RETURN n AS m, 1 AS created
UNION
  WITH r, row WHERE r IS NOT NULL
  WITH r, row, coalesce(r.evidence_docs, []) AS docs, coalesce(r.evidence_starts, []) AS starts,
       coalesce(r.evidence_ends, []) AS ends
  WITH r, row, [i IN range(0, size(docs) - 1) | docs[i] + '|' + toString(starts[i]) + '|' + toString(ends[i])] AS seen
  WITH r, row, [e IN row.evidence WHERE NOT (e.doc + '|' + toString(e.start) + '|' + toString(e.end)) IN seen] AS fresh
  SET r += row.qualifiers,
      r.evidence = coalesce(r.evidence, []) + [e IN fresh | e.sentence],
      r.evidence_docs = coalesce(r.evidence_docs, []) + [e IN fresh | e.doc],
      r.evidence_starts = coalesce(r.evidence_starts, []) + [e IN fresh | e.start],
      r.evidence_ends = coalesce(r.evidence_ends, []) + [e IN fresh | e.end],
      r.evidence_confidences = coalesce(r.evidence_confidences, []) + [e IN fresh | row.confidence]
  WITH r
  SET r.confidence = reduce(best = 0.0, c IN r.evidence_confidences | CASE WHEN c > best THEN c ELSE best END),
      r.sources = size(reduce(seen = [], d IN r.evidence_docs | CASE WHEN d IN seen THEN seen ELSE seen + d END))
  RETURN r AS m, 0 AS created
}
CALL (s, o, m) {
  MATCH (src:Organization {id: m.`from`})
  WHERE src <> o
  OPTIONAL MATCH (src)-[old:TALENT_FLOW {person_id: s.id}]->(o)
  CALL (src, o, s, old) {
    WITH src, o, s, old WHERE old IS NULL
    CREATE (src)-[t:TALENT_FLOW {person_id: s.id}]->(o)
    RETURN t
  UNION
    WITH old WHERE old IS NOT NULL
    RETURN old AS t
  }
  SET t.person = s.name, t.date = m.date, t.role = m.role,
      t.evidence = m.evidence, t.evidence_docs = m.evidence_docs,
      t.confidence = m.confidence, t.sources = m.sources
}
// How many facts were new (flows not counted), and how many rows found both ends.
RETURN sum(created) AS created, count(*) AS written
