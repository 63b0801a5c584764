// Every relationship between exported nodes (MENTIONS only with $documents).
MATCH (a)-[r]->(b)
WHERE $documents OR type(r) <> 'MENTIONS'
RETURN elementId(a) AS source, elementId(b) AS target, type(r) AS type, properties(r) AS props
