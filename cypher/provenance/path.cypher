// name: path
// aliases: connection, how-connected
// description: The shortest chain of facts (up to six) between two entities, one row per fact.
// param: a (entity) = "" | one end (name, alias or id)
// param: b (entity) = "" | the other end (name, alias or id)
CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($a)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS x
CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($b)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS y
WITH x, y WHERE x <> y
// Facts only: documents (MENTIONS) and the derived TALENT_FLOW are left out.
MATCH p = shortestPath((x)-[:WORKS_FOR|FOUNDED|EDUCATED_AT|MOVED|DEVELOPED|PART_OF|ACQUIRED|RENAMED_TO|PARTNERED_WITH|INVESTED_IN|MAKES|USES|COMPETES_WITH|CRITICIZED*..6]-(y))
WITH p ORDER BY length(p) LIMIT 1
UNWIND range(0, length(p) - 1) AS i
WITH i, relationships(p)[i] AS r
RETURN i + 1 AS step, startNode(r).name AS subject, type(r) AS predicate, endNode(r).name AS object,
       coalesce(r.date, r.start) AS date, r.role AS role, r.from_name AS moved_from,
       r.evidence[0] AS evidence, r.evidence_docs[0] AS document
ORDER BY step
