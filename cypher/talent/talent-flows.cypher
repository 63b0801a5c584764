// name: talent-flows
// aliases: flows
// description: People who moved from one organisation to another: from, to, who, when, in what role.
// param: org (entity) = "" | only flows into or out of this organisation (name, alias or id); empty for all
// param: limit = 500 | at most this many rows
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
RETURN a.name AS `from`, b.name AS `to`, t.person AS person, t.date AS date, t.role AS role,
       t.sources AS sources, t.evidence[0] AS evidence
ORDER BY `from`, `to`, date, person
LIMIT $limit
