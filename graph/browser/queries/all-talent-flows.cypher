// corpgraph: every talent flow, company to company
MATCH flow = (:Organization)-[:TALENT_FLOW]->(:Organization)
RETURN flow
