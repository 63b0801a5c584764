// Node and relationship counts per label and type, for summaries and tests.
CALL () {
  MATCH (n) UNWIND labels(n) AS key RETURN 'node' AS kind, key, count(*) AS count
  UNION ALL
  MATCH ()-[r]->() RETURN 'relationship' AS kind, type(r) AS key, count(*) AS count
}
RETURN kind, key, count ORDER BY kind, key
