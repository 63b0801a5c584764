// The floor of bench/loading.py: the loader's graph written with nothing but
// CREATE, in batches. No MERGE, no lookups for what exists, no locks taken
// for concurrent loads, no checks: it is only right into an empty database,
// once. What writing the graph itself costs in batched Cypher on this server.
// __LABEL__ is an entity type from extract.ontology (bench/loading.py `floor_query`).
UNWIND $rows AS row
CREATE (:__LABEL__ {id: row.id, name: row.name, kind: row.kind, aliases: row.aliases, search_names: row.search_names})
