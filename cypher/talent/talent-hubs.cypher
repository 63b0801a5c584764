// name: talent-hubs
// aliases: hubs
// description: Organisations ranked by the people who moved in and out of them.
// param: limit = 50 | at most this many rows
MATCH (o:Organization)-[t:TALENT_FLOW]-(:Organization)
WITH o,
     count(DISTINCT CASE WHEN endNode(t) = o THEN t.person_id END) AS people_in,
     count(DISTINCT CASE WHEN startNode(t) = o THEN t.person_id END) AS people_out
RETURN o.name AS organization, people_in, people_out, people_in + people_out AS total,
       people_in - people_out AS net
ORDER BY total DESC, net DESC, organization
LIMIT $limit
