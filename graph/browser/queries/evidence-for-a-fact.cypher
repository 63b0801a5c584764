// corpgraph: the sentences behind Hu Zhengnan's move
MATCH (p:Person)-[m:MOVED]->(to:Organization) WHERE 'hu zhengnan' IN p.search_names
UNWIND range(0, size(m.evidence) - 1) AS i
MATCH (d:Document {id: m.evidence_docs[i]})
RETURN p.name AS person, m.from_name AS left, to.name AS joined, m.date AS date,
       m.evidence[i] AS sentence, d.id AS document, m.evidence_starts[i] AS start, m.confidence AS confidence
