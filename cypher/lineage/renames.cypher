// name: renames
// aliases: rebrands
// description: Organisations renamed or rebranded: the old name, the new name, when.
// param: org (entity) = "" | only the rename chain of this organisation; empty for all
// param: limit = 200 | at most this many rows
CALL () {
  // Only when no org is given: checked before the MATCH, so a lookup never scans.
  WITH trim($org) AS wanted WHERE wanted = ''
  MATCH (:Organization)-[r:RENAMED_TO]->(:Organization)
  RETURN r
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($org)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS focus
  WITH focus WHERE focus:Organization
  MATCH (focus)-[:RENAMED_TO*0..6]-(:Organization)-[r:RENAMED_TO]-(:Organization)
  RETURN r
}
RETURN startNode(r).name AS before, endNode(r).name AS after, r.date AS date, r.sources AS sources,
       r.evidence[0] AS evidence
ORDER BY date, before
LIMIT $limit
