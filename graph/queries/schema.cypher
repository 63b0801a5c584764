// corpgraph schema: run before the first load (graph/schema.py, `ensure_schema`).
// Every statement is idempotent (IF NOT EXISTS), so running it again is harmless.

// One node per entity id and label: MERGE on id is an index seek, and two
// concurrent loads cannot create the same entity twice.
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;

// Exact, case-sensitive lookups by canonical name (Browser users type these).
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX product_name IF NOT EXISTS FOR (n:Product) ON (n.name);

// Case-insensitive exact lookup by name, alias or id. `search_names` holds the
// lower-cased forms; a range index cannot answer `x IN list`, but a full-text
// index with the keyword analyzer indexes each list element as one term, so a
// quoted query is an exact index seek. Reports use it for every name parameter.
// Both full-text indexes are eventually consistent: Lucene is updated by a
// background thread (on the second core) instead of inside each commit, which
// makes loads about a tenth faster; every load ends by waiting for that thread
// (graph/queries/await_indexes.cypher), so what it wrote is searchable once
// it returns.
CREATE FULLTEXT INDEX entity_keys IF NOT EXISTS
FOR (n:Person|Organization|Product) ON EACH [n.search_names]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: true}};

// Fuzzy search over names and aliases (words, accents folded): `search` report.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Person|Organization|Product) ON EACH [n.name, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: true}};

// Talent flows are kept in sync per person; this finds a person's flows
// without scanning every TALENT_FLOW relationship.
CREATE INDEX talent_flow_person IF NOT EXISTS FOR ()-[t:TALENT_FLOW]-() ON (t.person_id);
