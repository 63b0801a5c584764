// name: products
// aliases: makers
// description: Products and who makes them, with their kind and the people who led their development.
// param: org (entity) = "" | only this maker's products, or only this product (name, alias or id); empty for all
// param: limit = 500 | at most this many rows
CALL () {
  // Only when no org is given: checked before the MATCH, so a lookup never scans.
  WITH trim($org) AS wanted WHERE wanted = ''
  MATCH (p:Product)
  RETURN p
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($org)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS focus
  OPTIONAL MATCH (focus)-[:MAKES]->(made:Product)
  UNWIND [focus, made] AS p
  WITH p WHERE p:Product
  RETURN p
}
OPTIONAL MATCH (maker:Organization)-[:MAKES]->(p)
OPTIONAL MATCH (person:Person)-[:DEVELOPED]->(p)
RETURN p.name AS product, p.kind AS kind, collect(DISTINCT maker.name) AS made_by,
       collect(DISTINCT person.name) AS developed_by
ORDER BY product
LIMIT $limit
