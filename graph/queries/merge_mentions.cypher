// Template: __LABEL__ is an entity type from extract.ontology.
// (:Document)-[:MENTIONS {count}]->(entity), one per document and entity.
// One row per document with its entities, so the document is looked up once.
//
// MERGE on a document's mentions was the loader's costliest step: each one
// scans the document's relationships for an existing edge. A document that
// has no MENTIONS of this label yet (the usual case: a new text, or one whose
// evidence a purge just took out) cannot hold a duplicate, so its edges are
// CREATEd. The SET takes the document's write lock first: a concurrent load
// of the same text waits here, then sees the other's committed edges and
// MERGEs. An unfinished earlier load also left edges behind, so it MERGEs too.
UNWIND $rows AS row
MATCH (d:Document {id: row.doc})
SET d.writing_mentions = true
REMOVE d.writing_mentions
WITH d, row, EXISTS { (d)-[:MENTIONS]->(:__LABEL__) } AS earlier
UNWIND row.items AS item
MATCH (n:__LABEL__ {id: item.id})
FOREACH (_ IN CASE WHEN earlier THEN [] ELSE [1] END |
  CREATE (d)-[:MENTIONS {count: item.count}]->(n))
FOREACH (_ IN CASE WHEN earlier THEN [1] ELSE [] END |
  MERGE (d)-[m:MENTIONS]->(n)
  SET m.count = item.count)
// How many were written: an entity that is missing would drop its row silently.
RETURN count(*) AS written
