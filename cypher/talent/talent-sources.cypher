// name: talent-sources
// aliases: sources, hired-from
// description: Where an organisation's people came from (also into its earlier or later names), by source.
// param: org (entity) = "" | the organisation that hired (name, alias or id); empty for every organisation
// param: limit = 200 | at most this many rows
CALL () {
  // Only when no org is given: checked before the MATCH, so a lookup never scans.
  WITH trim($org) AS wanted WHERE wanted = ''
  MATCH (source:Organization)-[t:TALENT_FLOW]->(dest:Organization)
  RETURN dest AS org, source, t, dest
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($org)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS org
  WITH org WHERE org:Organization
  MATCH (org)-[:RENAMED_TO*0..6]-(dest:Organization)
  MATCH (source:Organization)-[t:TALENT_FLOW]->(dest)
  RETURN org, source, t, dest
}
WITH org, source, collect(DISTINCT dest.name) AS joined, count(DISTINCT t.person_id) AS people,
     collect(DISTINCT t.person + coalesce(' (' + t.date + ')', '')) AS who
RETURN org.name AS organization, source.name AS source, people, who, joined
ORDER BY organization, people DESC, source
LIMIT $limit
