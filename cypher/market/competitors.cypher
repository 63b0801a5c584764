// name: competitors
// aliases: rivals
// description: Who competes with an organisation, directly or through its products.
// param: org (entity) = "" | the organisation or product (name, alias or id); empty for every rivalry
// param: limit = 200 | at most this many rows
CALL () {
  // Only when no org is given: checked before the MATCH, so a lookup never scans.
  WITH trim($org) AS wanted WHERE wanted = ''
  MATCH (a)-[r:COMPETES_WITH]->(b)
  RETURN a AS focus, b AS competitor, 'direct' AS basis, r
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($org)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS focus
  MATCH (focus)-[r:COMPETES_WITH]-(competitor)
  RETURN focus, competitor, 'direct' AS basis, r
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($org)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS focus
  MATCH (focus:Organization)-[:MAKES]->(mine:Product)-[r:COMPETES_WITH]-(theirs:Product)<-[:MAKES]-(competitor:Organization)
  WHERE competitor <> focus
  RETURN focus, competitor, 'products: ' + mine.name + ' vs ' + theirs.name AS basis, r
}
RETURN focus.name AS name, competitor.name AS competitor, labels(competitor)[0] AS type, basis,
       r.sources AS sources, r.evidence[0] AS evidence
ORDER BY name, competitor, basis
LIMIT $limit
