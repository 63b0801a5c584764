// corpgraph: lineage of Jiyue (renames and founders)
MATCH (jiyue:Organization) WHERE 'jiyue' IN jiyue.search_names
MATCH chain = (jiyue)-[:RENAMED_TO*0..3]-(name:Organization)
OPTIONAL MATCH founded = (founder)-[:FOUNDED]->(name)
RETURN chain, founded
