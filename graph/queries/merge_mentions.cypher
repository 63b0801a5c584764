// Template: __LABEL__ is an entity type from extract.ontology.
// (:Document)-[:MENTIONS {count}]->(entity), one per document and entity.
// One row per document with its entities, so the document is looked up once.
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
UNWIND row.items AS item
MATCH (n:__LABEL__ {id: item.id})
MERGE (d)-[m:MENTIONS]->(n)
SET m.count = item.count
// How many were written: an entity that is missing would drop its row silently.
RETURN count(*) AS written
