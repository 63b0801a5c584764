// name: org-people
// aliases: people, staff
// description: The people who work or worked at an organisation, or founded it, with roles and dates.
// param: org (entity) = "" | the organisation (name, alias or id); empty for every organisation
// param: current = false | only people who work there now
// param: limit = 500 | at most this many rows
CALL () {
  // Only when no org is given: checked before the MATCH, so a lookup never scans.
  WITH trim($org) AS wanted WHERE wanted = ''
  MATCH (org:Organization)
  RETURN org
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($org)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS org
  WITH org WHERE org:Organization
  RETURN org
}
MATCH (p:Person)-[r:WORKS_FOR|FOUNDED]->(org)
WHERE NOT $current OR r.current = true
RETURN org.name AS organization, p.name AS person, type(r) AS relation, r.role AS role,
       coalesce(r.start, r.date) AS start, r.end AS end, r.current AS current, r.sources AS sources
ORDER BY organization, coalesce(r.current, false) DESC, person
LIMIT $limit
