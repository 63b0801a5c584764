// The baseline of bench/loading.py: what a loader without batching does, one
// auto-commit query per fact. Template tokens come from extract.ontology's
// allow-list (bench/loading.py `naive_query`); values are parameters.
MERGE (s:__SUBJECT_LABEL__ {id: $subject})
  ON CREATE SET s.name = $subject_name
MERGE (o:__OBJECT_LABEL__ {id: $object})
  ON CREATE SET o.name = $object_name
MERGE (s)-[r:__PREDICATE__ __IDENTITY__]->(o)
SET r += $qualifiers,
    r.evidence = coalesce(r.evidence, []) + $sentences,
    r.evidence_docs = coalesce(r.evidence_docs, []) + $docs,
    r.evidence_starts = coalesce(r.evidence_starts, []) + $starts,
    r.evidence_ends = coalesce(r.evidence_ends, []) + $ends,
    r.confidence = $confidence
