// corpgraph: everything around a name (first run  :param name => 'some name')
CALL db.index.fulltext.queryNodes('entity_keys', '"' + toLower($name) + '"') YIELD node
MATCH around = (node)-[r]-(other)
WHERE type(r) <> 'MENTIONS'
RETURN around
