// The floor (see floor_nodes.cypher): the Document nodes, finished at once.
UNWIND $rows AS row
CREATE (:Document {id: row.id, title: row.title, date: row.date, url: row.url, source: row.source,
                   sha256: row.sha256, facts_sha256: row.facts_sha256, loaded_at: datetime()})
