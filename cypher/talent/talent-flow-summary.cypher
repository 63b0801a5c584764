// name: talent-flow-summary
// aliases: flow-summary
// description: Talent flows added up per pair of organisations: how many people, who, first and last move.
// param: org (entity) = "" | only pairs that include this organisation; empty for all
// param: limit = 200 | at most this many rows
CALL () {
  // Only when no org is given: checked before the MATCH, so a lookup never scans.
  WITH trim($org) AS wanted WHERE wanted = ''
  MATCH (a:Organization)-[t:TALENT_FLOW]->(b:Organization)
  RETURN a, t, b
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($org)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS focus
  WITH focus WHERE focus:Organization
  MATCH (focus)-[t:TALENT_FLOW]-(:Organization)
  RETURN startNode(t) AS a, t, endNode(t) AS b
}
WITH a, b, count(DISTINCT t.person_id) AS people, collect(DISTINCT t.person) AS names,
     min(t.date) AS first, max(t.date) AS last
RETURN a.name AS `from`, b.name AS `to`, people, names, first, last
ORDER BY people DESC, `from`, `to`
LIMIT $limit
