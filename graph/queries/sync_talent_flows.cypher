// (:Organization)-[:TALENT_FLOW]->(:Organization) mirrors each MOVED fact whose
// `from` organisation is known: one flow per person and pair of companies.
// The person's write lock first, as in merge_relations.cypher (mirror_talent_flow.cypher).
UNWIND $persons AS pid
MATCH (p:Person {id: pid})
SET p.writing_facts = true
REMOVE p.writing_facts
WITH p, pid
MATCH (p)-[m:MOVED]->(dest:Organization)
MATCH (src:Organization {id: m.`from`})
WHERE src <> dest
MERGE (src)-[t:TALENT_FLOW {person_id: pid}]->(dest)
SET t.person = p.name, t.date = m.date, t.role = m.role,
    t.evidence = m.evidence, t.evidence_docs = m.evidence_docs,
    t.confidence = m.confidence, t.sources = m.sources
