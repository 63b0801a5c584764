// name: graph-stats
// aliases: stats, counts
// description: How many nodes of each label and relationships of each type the graph holds.
// Each count is a single MATCH on one label or type, which the server answers
// from its count store without reading the graph.
CALL () {
  MATCH (n:Person) RETURN 'node' AS kind, 'Person' AS name, count(n) AS count
  UNION ALL MATCH (n:Organization) RETURN 'node' AS kind, 'Organization' AS name, count(n) AS count
  UNION ALL MATCH (n:Product) RETURN 'node' AS kind, 'Product' AS name, count(n) AS count
  UNION ALL MATCH (n:Document) RETURN 'node' AS kind, 'Document' AS name, count(n) AS count
  UNION ALL MATCH ()-[r:WORKS_FOR]->() RETURN 'relationship' AS kind, 'WORKS_FOR' AS name, count(r) AS count
  UNION ALL MATCH ()-[r:FOUNDED]->() RETURN 'relationship' AS kind, 'FOUNDED' AS name, count(r) AS count
  UNION ALL MATCH ()-[r:EDUCATED_AT]->() RETURN 'relationship' AS kind, 'EDUCATED_AT' AS name, count(r) AS count
  UNION ALL MATCH ()-[r:MOVED]->() RETURN 'relationship' AS kind, 'MOVED' AS name, count(r) AS count
  UNION ALL MATCH ()-[r:DEVELOPED]->() RETURN 'relationship' AS kind, 'DEVELOPED' AS name, count(r) AS count
  UNION ALL MATCH ()-[r:PART_OF]->() RETURN 'relationship' AS kind, 'PART_OF' AS name, count(r) AS count
  UNION ALL MATCH ()-[r:ACQUIRED]->() RETURN 'relationship' AS kind, 'ACQUIRED' AS name, count(r) AS count
  UNION ALL MATCH ()-[r:RENAMED_TO]->() RETURN 'relationship' AS kind, 'RENAMED_TO' AS name, count(r) AS count
  UNION ALL MATCH ()-[r:PARTNERED_WITH]->() RETURN 'relationship' AS kind, 'PARTNERED_WITH' AS name, count(r) AS count
  UNION ALL MATCH ()-[r:INVESTED_IN]->() RETURN 'relationship' AS kind, 'INVESTED_IN' AS name, count(r) AS count
  UNION ALL MATCH ()-[r:MAKES]->() RETURN 'relationship' AS kind, 'MAKES' AS name, count(r) AS count
  UNION ALL MATCH ()-[r:USES]->() RETURN 'relationship' AS kind, 'USES' AS name, count(r) AS count
  UNION ALL MATCH ()-[r:COMPETES_WITH]->() RETURN 'relationship' AS kind, 'COMPETES_WITH' AS name, count(r) AS count
  UNION ALL MATCH ()-[r:CRITICIZED]->() RETURN 'relationship' AS kind, 'CRITICIZED' AS name, count(r) AS count
  UNION ALL MATCH ()-[r:TALENT_FLOW]->() RETURN 'relationship' AS kind, 'TALENT_FLOW' AS name, count(r) AS count
  UNION ALL MATCH ()-[r:MENTIONS]->() RETURN 'relationship' AS kind, 'MENTIONS' AS name, count(r) AS count
}
RETURN kind, name, count
