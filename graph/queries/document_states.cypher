// The recorded hashes of each document id; `known` tells an unknown document
// from one whose load never finished (known, but no hash: then `pending` is
// the hash of the text that was being loaded). `facts` is the fingerprint of
// the facts loaded from that text (graph/loader.py, FactIndex.fingerprint).
UNWIND $ids AS id
OPTIONAL MATCH (d:Document {id: id})
RETURN id, d IS NOT NULL AS known, d.sha256 AS sha256, d.pending_sha256 AS pending, d.facts_sha256 AS facts
