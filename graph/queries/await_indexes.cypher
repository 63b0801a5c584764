// Wait until the eventually consistent full-text indexes (schema.cypher) hold
// everything committed so far: the last step of every load.
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
