// Fragment of merge_relations.cypher for MOVED (its THEN token): the fact is
// mirrored as the talent flow between the two organisations,
// (from)-[:TALENT_FLOW {person_id}]->(to). Every writer of a person's flows
// holds that person's lock (taken by the fact query; sync_talent_flows.cypher
// takes it too), so the flow is looked for and created without MERGE's locks
// on the two organisations, which the loader's concurrent writers share.
CALL (s, o, fact) {
  MATCH (src:Organization {id: fact.`from`})
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
  SET t.person = s.name, t.date = fact.date, t.role = fact.role,
      t.evidence = fact.evidence, t.evidence_docs = fact.evidence_docs,
      t.confidence = fact.confidence, t.sources = fact.sources
}
