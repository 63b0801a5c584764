// Empty the database in batches, so that a large graph does not need one huge
// transaction. Runs in an auto-commit transaction (required by IN TRANSACTIONS).
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
