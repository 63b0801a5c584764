// Template: __LABEL__ is an entity type from extract.ontology.
// (:Document)-[:MENTIONS {count}]->(entity), one per document and entity.
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
MATCH (n:__LABEL__ {id: row.id})
MERGE (d)-[m:MENTIONS]->(n)
SET m.count = row.count
