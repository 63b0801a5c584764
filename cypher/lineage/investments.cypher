// name: investments
// aliases: investors
// description: Who invested in which organisation, when and how much.
// param: org (entity) = "" | only investments made or received by this organisation or person; empty for all
// param: limit = 200 | at most this many rows
CALL () {
  // Only when no org is given: checked before the MATCH, so a lookup never scans.
  WITH trim($org) AS wanted WHERE wanted = ''
  MATCH ()-[r:INVESTED_IN]->()
  RETURN r
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($org)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS focus
  MATCH (focus)-[r:INVESTED_IN]-()
  RETURN r
}
RETURN startNode(r).name AS investor, endNode(r).name AS company, r.date AS date, r.amount AS amount,
       r.sources AS sources, r.evidence[0] AS evidence
ORDER BY date, investor, company
LIMIT $limit
