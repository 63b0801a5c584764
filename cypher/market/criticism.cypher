// name: criticism
// aliases: criticized, attacks
// description: Public attacks: who criticised whom or what, when, and in which words.
// param: org (entity) = "" | only criticism by or of this person, organisation or product; empty for all
// param: limit = 200 | at most this many rows
CALL () {
  // Only when no org is given: checked before the MATCH, so a lookup never scans.
  WITH trim($org) AS wanted WHERE wanted = ''
  MATCH ()-[r:CRITICIZED]->()
  RETURN r
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($org)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS focus
  MATCH (focus)-[r:CRITICIZED]-()
  RETURN r
}
RETURN startNode(r).name AS critic, endNode(r).name AS target, r.date AS date, r.sources AS sources,
       r.evidence[0] AS evidence
ORDER BY date, critic, target
LIMIT $limit
