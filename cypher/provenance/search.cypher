// name: search
// aliases: find, fuzzy
// description: Fuzzy search over names and aliases (full-text: words, prefixes with *, misspellings with ~).
// param: q = "" | what to look for, e.g. "nova*" or "novva~"
// param: limit = 25 | at most this many rows
WITH $q AS q WHERE trim(q) <> ''
CALL db.index.fulltext.queryNodes('entity_names', q, {limit: $limit}) YIELD node, score
RETURN labels(node)[0] AS type, node.name AS name, node.id AS id, node.kind AS kind, node.aliases AS aliases,
       round(score, 3) AS score
ORDER BY score DESC, name
