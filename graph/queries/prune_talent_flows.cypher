// Delete the flows of these people that no MOVED fact supports any more.
UNWIND $persons AS pid
MATCH (src:Organization)-[t:TALENT_FLOW {person_id: pid}]->(dest:Organization)
WHERE NOT EXISTS {
  MATCH (:Person {id: pid})-[m:MOVED]->(dest)
  WHERE m.`from` = src.id
}
DELETE t
