// Template: __LABEL__ is replaced by an entity type from extract.ontology
// (never by input text). Aliases and search names only ever grow, so loading
// the same entity again changes nothing.
UNWIND $rows AS row
MERGE (n:__LABEL__ {id: row.id})
ON CREATE SET n.name = row.name, n.kind = row.kind,
              n.aliases = row.aliases, n.search_names = row.search_names
ON MATCH SET n.kind = coalesce(n.kind, row.kind),
             n.aliases = coalesce(n.aliases, []) + [a IN row.aliases WHERE NOT a IN coalesce(n.aliases, [])],
             n.search_names = coalesce(n.search_names, []) + [k IN row.search_names WHERE NOT k IN coalesce(n.search_names, [])]
