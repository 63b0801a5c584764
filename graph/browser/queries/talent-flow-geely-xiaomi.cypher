// corpgraph: talent flowing out of Geely
MATCH (geely:Organization) WHERE 'geely' IN geely.search_names
MATCH flow = (geely)-[:TALENT_FLOW]->(:Organization)
RETURN flow
