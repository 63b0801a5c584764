// name: evidence
// aliases: sentences, why
// description: Every sentence that supports the facts about an entity (optionally with another one), with its document and offsets.
// param: subject (entity) = "" | the entity the facts are about (name, alias or id); empty for all facts
// param: object (entity) = "" | only facts that also involve this entity
// param: predicate = "" | only facts of this type, e.g. MOVED
// param: limit = 500 | at most this many rows
CALL () {
  // Only when no subject is given: checked before the MATCH, so a lookup never scans.
  WITH trim($subject) AS wanted WHERE wanted = ''
  MATCH (s)-[r]->(o)
  WHERE r.evidence_docs IS NOT NULL AND type(r) <> 'TALENT_FLOW'
  RETURN r, o
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($subject)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS s
  MATCH (s)-[r]-(o)
  WHERE r.evidence_docs IS NOT NULL AND type(r) <> 'TALENT_FLOW'
  RETURN r, o
}
WITH r, o
WHERE (trim($object) = '' OR toLower(trim($object)) IN o.search_names OR toLower(trim($object)) IN startNode(r).search_names)
  AND (trim($predicate) = '' OR type(r) = toUpper(trim($predicate)))
UNWIND range(0, size(r.evidence) - 1) AS i
OPTIONAL MATCH (d:Document {id: r.evidence_docs[i]})
RETURN startNode(r).name AS subject, type(r) AS predicate, endNode(r).name AS object,
       r.evidence[i] AS sentence, r.evidence_docs[i] AS document, d.title AS title, d.date AS published,
       r.evidence_starts[i] AS start, r.evidence_ends[i] AS end, r.confidence AS confidence
ORDER BY subject, predicate, object, document, start
LIMIT $limit
