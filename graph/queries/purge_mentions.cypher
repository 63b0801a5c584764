// Second half of a purge: the documents' MENTIONS go, and so do entities that
// nothing else refers to any more (they came only from the old texts).
UNWIND $docs AS doc
MATCH (:Document {id: doc})-[m:MENTIONS]->(n)
DELETE m
WITH DISTINCT n
WHERE NOT EXISTS { (n)--() }
DELETE n
