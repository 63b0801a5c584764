// Every entity (and, with $documents, every document) for networkx.
MATCH (n)
WHERE n:Person OR n:Organization OR n:Product OR ($documents AND n:Document)
RETURN elementId(n) AS key, labels(n)[0] AS label, properties(n) AS props
