// name: person-career
// aliases: career
// description: A person's career in order: employers, roles, moves, companies founded, studies, with dates.
// param: person (entity) = "" | the person (name, alias or id); empty for everyone
// param: limit = 500 | at most this many rows
CALL () {
  // Only when no person is given: checked before the MATCH, so a lookup never scans.
  WITH trim($person) AS wanted WHERE wanted = ''
  MATCH (p:Person)
  RETURN p
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($person)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS p
  WITH p WHERE p:Person
  RETURN p
}
MATCH (p)-[r:WORKS_FOR|MOVED|FOUNDED|EDUCATED_AT]->(o:Organization)
// Undated steps go last: former jobs before current ones.
WITH p, r, o, coalesce(r.start, r.date, r.end, CASE WHEN r.current = true THEN '9999' ELSE '9990' END) AS sort_key
RETURN p.name AS person, type(r) AS step, o.name AS organization, r.role AS role,
       r.from_name AS left, coalesce(r.start, r.date) AS start, r.end AS end, r.current AS current,
       r.sources AS sources
ORDER BY person, sort_key,
         // A job known only to have ended then came before what started then.
         CASE WHEN r.start IS NULL AND r.date IS NULL AND r.end IS NOT NULL THEN 0 ELSE 1 END,
         CASE type(r) WHEN 'EDUCATED_AT' THEN 0 WHEN 'MOVED' THEN 1 WHEN 'FOUNDED' THEN 2 ELSE 3 END, organization
LIMIT $limit
