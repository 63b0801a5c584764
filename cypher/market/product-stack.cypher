// name: product-stack
// aliases: stack, supply-chain
// description: An organisation's products, what they use (chips, platforms, software, up to three levels), and who makes those.
// param: org (entity) = "" | the organisation (name, alias or id); empty for every maker
// param: limit = 500 | at most this many rows
CALL () {
  // Only when no org is given: checked before the MATCH, so a lookup never scans.
  WITH trim($org) AS wanted WHERE wanted = ''
  MATCH (org:Organization)-[:MAKES|USES]->(:Product)
  RETURN DISTINCT org
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', '"' + replace(replace(toLower(trim($org)), '\\', '\\\\'), '"', '\\"') + '"') YIELD node AS org
  WITH org WHERE org:Organization
  RETURN org
}
CALL (org) {
  MATCH (org)-[:MAKES]->(product:Product)
  OPTIONAL MATCH path = (product)-[:USES*1..3]->(component:Product)
  RETURN product, component, CASE WHEN path IS NULL THEN 0 ELSE length(path) END AS depth
  UNION
  MATCH (org)-[:USES]->(component:Product)
  RETURN null AS product, component, 1 AS depth
}
OPTIONAL MATCH (maker:Organization)-[:MAKES]->(component)
WITH org, product, component, depth, collect(DISTINCT maker.name) AS makers
RETURN org.name AS organization, product.name AS product, product.kind AS product_kind,
       component.name AS uses, component.kind AS component_kind, makers AS made_by, depth
ORDER BY organization, product, depth, uses
LIMIT $limit
