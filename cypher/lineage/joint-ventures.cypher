// name: joint-ventures
// aliases: jv, jvs
// description: Organisations founded by two or more organisations, with their parents, dates and later names.
// param: org (entity) = "" | only joint ventures that this organisation is, founded, or became; empty for all
// param: limit = 200 | at most this many rows
CALL () {
  // Only when no org is given: checked before the MATCH, so a lookup never scans.
  WITH trim($org) AS wanted WHERE wanted = ''
  MATCH (:Organization)-[:FOUNDED]->(jv:Organization)
  RETURN DISTINCT jv
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($org)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS focus
  WITH focus WHERE focus:Organization
  MATCH (focus)-[:RENAMED_TO*0..6]-(named:Organization)
  OPTIONAL MATCH (named)-[:FOUNDED]->(child:Organization)
  UNWIND [named, child] AS jv
  WITH jv WHERE jv IS NOT NULL
  RETURN DISTINCT jv
}
MATCH (parent:Organization)-[r:FOUNDED]->(jv)
WITH jv, collect(DISTINCT parent.name) AS parents, collect(DISTINCT r.date) AS dates
WHERE size(parents) >= 2
OPTIONAL MATCH (jv)-[:RENAMED_TO*1..6]->(later:Organization)
WITH jv, parents, dates, collect(DISTINCT later.name) AS later_names
OPTIONAL MATCH (a:Organization)-[p:PARTNERED_WITH]-(b:Organization)
WHERE a.name IN parents AND b.name IN parents AND a.id < b.id
RETURN jv.name AS joint_venture, parents, dates[0] AS founded, later_names AS renamed_to,
       count(p) > 0 AS partnership_recorded
ORDER BY founded, joint_venture
LIMIT $limit
