// The floor (see floor_nodes.cypher): a MOVED fact and the TALENT_FLOW it
// mirrors, (from)-[:TALENT_FLOW {person_id}]->(to), both CREATEd.
UNWIND $rows AS row
MATCH (s:Person {id: row.subject})
MATCH (o:Organization {id: row.object})
CREATE (s)-[n:MOVED {`from`: row.`from`}]->(o)
SET n += row.qualifiers,
    n.evidence = [e IN row.evidence | e.sentence],
    n.evidence_docs = [e IN row.evidence | e.doc],
    n.evidence_starts = [e IN row.evidence | e.start],
    n.evidence_ends = [e IN row.evidence | e.end],
    n.evidence_confidences = [e IN row.evidence | row.confidence],
    n.confidence = row.confidence, n.sources = row.sources
WITH s, o, row
MATCH (src:Organization {id: row.`from`})
WHERE src <> o
CREATE (src)-[t:TALENT_FLOW {person_id: s.id}]->(o)
SET t.person = s.name, t.date = row.qualifiers.date, t.role = row.qualifiers.role,
    t.evidence = [e IN row.evidence | e.sentence], t.evidence_docs = [e IN row.evidence | e.doc],
    t.confidence = row.confidence, t.sources = row.sources
