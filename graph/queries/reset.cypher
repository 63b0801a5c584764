// Empty the database in batches, so that a large graph does not need one huge
// transaction. Relationships go first: a batch of nodes that includes a hub
// with thousands of relationships would otherwise outgrow the server's
// transaction memory. Each statement runs in an auto-commit transaction
// (required by IN TRANSACTIONS).
MATCH ()-[r]->()
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS;

MATCH (n)
CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS;
