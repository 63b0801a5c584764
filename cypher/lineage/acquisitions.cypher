// name: acquisitions
// aliases: acquired, deals
// description: Who acquired whom, when and for how much.
// param: org (entity) = "" | only deals where this organisation or person bought or was bought; empty for all
// param: limit = 200 | at most this many rows
CALL () {
  // Only when no org is given: checked before the MATCH, so a lookup never scans.
  WITH trim($org) AS wanted WHERE wanted = ''
  MATCH ()-[r:ACQUIRED]->()
  RETURN r
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($org)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS focus
  MATCH (focus)-[r:ACQUIRED]-()
  RETURN r
}
RETURN startNode(r).name AS acquirer, endNode(r).name AS target, r.date AS date, r.amount AS amount,
       r.sources AS sources, r.evidence[0] AS evidence
ORDER BY date, acquirer, target
LIMIT $limit
