// Template: __SUBJECT_LABEL__, __OBJECT_LABEL__ and __PREDICATE__ come from
// extract.ontology; __IDENTITY__ is a fixed property map from graph/loader.py
// (MOVED is told apart by where the person came from); __THEN__ is empty or
// a fragment file run on each fact written (MOVED: mirror_talent_flow.cypher).
// Never input text.
//
// Evidence is stored as parallel lists (Neo4j properties cannot hold maps):
// evidence[i] is the sentence, evidence_docs[i] its document, evidence_starts[i]
// and evidence_ends[i] its offsets, evidence_confidences[i] the confidence of
// the fact as extracted from that document. An item is identified by
// (doc, start, end) and is appended only when new, so reloading adds nothing.
//
// No MERGE: the SET takes the subject's write lock before looking for the
// fact, so a concurrent load of the same fact waits, then finds it and
// appends. A new fact is CREATEd, which locks no other node while the
// transaction runs (Neo4j takes those locks at commit, in a fixed order):
// the loader's writers, which split the rows by subject, cannot deadlock as
// long as no fact links another writer's subject (_Steps.facts_by_lock in
// graph/loader.py). MERGE locked both ends as it went, and did.
UNWIND $rows AS row
MATCH (s:__SUBJECT_LABEL__ {id: row.subject})
MATCH (o:__OBJECT_LABEL__ {id: row.object})
SET s.writing_facts = true
REMOVE s.writing_facts
WITH s, o, row
OPTIONAL MATCH (s)-[r:__PREDICATE__ __IDENTITY__]->(o)
CALL (s, o, r, row) {
  WITH s, o, r, row WHERE r IS NULL
  CREATE (s)-[n:__PREDICATE__ __IDENTITY__]->(o)
  SET n += row.qualifiers,
      n.evidence = [e IN row.evidence | e.sentence],
      n.evidence_docs = [e IN row.evidence | e.doc],
      n.evidence_starts = [e IN row.evidence | e.start],
      n.evidence_ends = [e IN row.evidence | e.end],
      n.evidence_confidences = [e IN row.evidence | row.confidence],
      n.confidence = row.confidence, n.sources = row.sources
  RETURN n AS fact, 1 AS created
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
  RETURN r AS fact, 0 AS created
}
__THEN__
// How many facts were new (flows not counted), and how many rows found both ends.
RETURN sum(created) AS created, count(*) AS written
