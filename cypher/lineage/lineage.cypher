// name: lineage
// aliases: history, family
// description: An organisation's lineage: renames before and after, founders and joint-venture partners, parents and subsidiaries (transitively), what it founded, acquisitions and investments.
// param: org (entity) = "" | the organisation (name, alias or id)
// param: limit = 500 | at most this many rows
CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($org)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS org
WITH org WHERE org:Organization
// The organisation under all its names: renames are followed both ways.
MATCH (org)-[:RENAMED_TO*0..6]-(member:Organization)
WITH org, collect(DISTINCT member) AS members
UNWIND members AS m
CALL (m) {
  MATCH (m)-[r:RENAMED_TO]-(:Organization)
  RETURN r, 'renamed' AS link, 1 AS depth
  UNION
  MATCH ()-[r:FOUNDED]->(m)
  RETURN r, 'founded by' AS link, 1 AS depth
  UNION
  MATCH (m)-[r:FOUNDED]->(:Organization)
  RETURN r, 'founded' AS link, 1 AS depth
  UNION
  // Partners of a joint venture: organisations that founded it together.
  MATCH (a:Organization)-[:FOUNDED]->(m)<-[:FOUNDED]-(b:Organization)
  MATCH (a)-[r:PARTNERED_WITH]-(b)
  RETURN r, 'joint-venture partners' AS link, 1 AS depth
  UNION
  MATCH (m)-[r:PARTNERED_WITH]-(:Organization)
  RETURN r, 'partner' AS link, 1 AS depth
  UNION
  MATCH path = (m)-[:PART_OF*1..6]->(:Organization)
  UNWIND range(0, length(path) - 1) AS i
  RETURN relationships(path)[i] AS r, 'part of' AS link, i + 1 AS depth
  UNION
  MATCH path = (:Organization)-[:PART_OF*1..6]->(m)
  UNWIND range(0, length(path) - 1) AS i
  RETURN relationships(path)[i] AS r, 'has part' AS link, length(path) - i AS depth
  UNION
  MATCH (m)-[r:ACQUIRED]->()
  RETURN r, 'acquired' AS link, 1 AS depth
  UNION
  MATCH ()-[r:ACQUIRED]->(m)
  RETURN r, 'acquired by' AS link, 1 AS depth
  UNION
  MATCH ()-[r:INVESTED_IN]->(m)
  RETURN r, 'investor' AS link, 1 AS depth
  UNION
  MATCH (m)-[r:INVESTED_IN]->()
  RETURN r, 'invested in' AS link, 1 AS depth
}
WITH org, r, link, min(depth) AS depth
WITH org, r, link, depth, startNode(r) AS s, endNode(r) AS o
RETURN org.name AS organization, link, s.name AS subject, type(r) AS predicate, o.name AS object,
       coalesce(r.date, r.start) AS date, r.amount AS amount, depth, r.sources AS sources,
       r.evidence[0] AS evidence
ORDER BY organization,
         CASE link WHEN 'renamed' THEN 0 WHEN 'founded by' THEN 1 WHEN 'joint-venture partners' THEN 2
                   WHEN 'partner' THEN 3 WHEN 'part of' THEN 4 WHEN 'has part' THEN 5
                   WHEN 'founded' THEN 6 WHEN 'acquired by' THEN 7 WHEN 'acquired' THEN 8 ELSE 9 END,
         depth, date, subject, object
LIMIT $limit
