// The floor (see floor_nodes.cypher): one CREATE per fact, with the loader's
// properties (floor_moves.cypher for MOVED). __SUBJECT_LABEL__,
// __OBJECT_LABEL__, __PREDICATE__ and __IDENTITY__ as in
// graph/queries/merge_relations.cypher.
UNWIND $rows AS row
MATCH (s:__SUBJECT_LABEL__ {id: row.subject})
MATCH (o:__OBJECT_LABEL__ {id: row.object})
CREATE (s)-[n:__PREDICATE__ __IDENTITY__]->(o)
SET n += row.qualifiers,
    n.evidence = [e IN row.evidence | e.sentence],
    n.evidence_docs = [e IN row.evidence | e.doc],
    n.evidence_starts = [e IN row.evidence | e.start],
    n.evidence_ends = [e IN row.evidence | e.end],
    n.evidence_confidences = [e IN row.evidence | row.confidence],
    n.confidence = row.confidence, n.sources = row.sources
