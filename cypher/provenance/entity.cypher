// name: entity
// aliases: card, who, what
// description: One entity at a glance: type, kind, aliases, the documents that mention it and its facts by type.
// param: name (entity) = "" | the entity (name, alias or id)
CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($name)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS n
CALL (n) {
  OPTIONAL MATCH (d:Document)-[m:MENTIONS]->(n)
  RETURN collect(d.id) AS documents, coalesce(sum(m.count), 0) AS mentions
}
CALL (n) {
  OPTIONAL MATCH (n)-[r]-()
  WHERE type(r) <> 'MENTIONS'
  WITH type(r) AS kind, count(r) AS how_many
  ORDER BY kind
  RETURN collect(kind + ': ' + toString(how_many)) AS facts
}
RETURN labels(n)[0] AS type, n.id AS id, n.name AS name, n.kind AS kind, n.aliases AS aliases,
       documents, mentions, facts
ORDER BY type, id
