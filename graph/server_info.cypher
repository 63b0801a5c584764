// The server's own version and edition (community or enterprise), for `kg neo4j status`.
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS version, edition
