// Template: __SUBJECT_LABEL__, __OBJECT_LABEL__ and __PREDICATE__ come from
// extract.ontology; __IDENTITY__ is a fixed property map from graph/loader.py
// (MOVED is told apart by where the person came from). Never input text.
//
// Evidence is stored as parallel lists (Neo4j properties cannot hold maps):
// evidence[i] is the sentence, evidence_docs[i] its document, evidence_starts[i]
// and evidence_ends[i] its offsets, evidence_confidences[i] the confidence of
// the fact as extracted from that document. An item is identified by
// (doc, start, end) and is appended only when new, so reloading adds nothing.
UNWIND $rows AS row
MATCH (s:__SUBJECT_LABEL__ {id: row.subject})
MATCH (o:__OBJECT_LABEL__ {id: row.object})
MERGE (s)-[r:__PREDICATE__ __IDENTITY__]->(o)
WITH r, row, r.evidence_docs IS NULL AS created, coalesce(r.evidence_docs, []) AS docs,
     coalesce(r.evidence_starts, []) AS starts, coalesce(r.evidence_ends, []) AS ends
WITH r, row, created, [i IN range(0, size(docs) - 1) | docs[i] + '|' + toString(starts[i]) + '|' + toString(ends[i])] AS seen
WITH r, row, created, [e IN row.evidence WHERE NOT (e.doc + '|' + toString(e.start) + '|' + toString(e.end)) IN seen] AS fresh
SET r += row.qualifiers,
    r.evidence = coalesce(r.evidence, []) + [e IN fresh | e.sentence],
    r.evidence_docs = coalesce(r.evidence_docs, []) + [e IN fresh | e.doc],
    r.evidence_starts = coalesce(r.evidence_starts, []) + [e IN fresh | e.start],
    r.evidence_ends = coalesce(r.evidence_ends, []) + [e IN fresh | e.end],
    r.evidence_confidences = coalesce(r.evidence_confidences, []) + [e IN fresh | row.confidence]
WITH r, created
SET r.confidence = reduce(best = 0.0, c IN r.evidence_confidences | CASE WHEN c > best THEN c ELSE best END),
    r.sources = size(reduce(seen = [], d IN r.evidence_docs | CASE WHEN d IN seen THEN seen ELSE seen + d END))
// How many facts were new, and how many rows found both ends.
RETURN count(CASE WHEN created THEN 1 END) AS created, count(*) AS written
