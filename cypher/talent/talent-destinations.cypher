// name: talent-destinations
// aliases: destinations, went-to
// description: Where an organisation's people went (also from its earlier or later names), by destination.
// param: org (entity) = "" | the organisation they left (name, alias or id); empty for every organisation
// param: limit = 200 | at most this many rows
CALL () {
  // Only when no org is given: checked before the MATCH, so a lookup never scans.
  WITH trim($org) AS wanted WHERE wanted = ''
  MATCH (origin:Organization)-[t:TALENT_FLOW]->(dest:Organization)
  RETURN origin AS org, origin, t, dest
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($org)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS org
  WITH org WHERE org:Organization
  MATCH (org)-[:RENAMED_TO*0..6]-(origin:Organization)
  MATCH (origin)-[t:TALENT_FLOW]->(dest:Organization)
  RETURN org, origin, t, dest
}
WITH org, dest, collect(DISTINCT origin.name) AS left, count(DISTINCT t.person_id) AS people,
     collect(DISTINCT t.person + coalesce(' (' + t.date + ')', '')) AS who
RETURN org.name AS organization, dest.name AS destination, people, who, left
ORDER BY organization, people DESC, destination
LIMIT $limit
