// The floor (see floor_nodes.cypher): (:Document)-[:MENTIONS {count}]->(entity).
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
UNWIND row.items AS item
MATCH (n:__LABEL__ {id: item.id})
CREATE (d)-[:MENTIONS {count: item.count}]->(n)
