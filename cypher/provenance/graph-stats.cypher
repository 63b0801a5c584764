// name: graph-stats
// aliases: stats, counts
// description: How many nodes of each label and relationships of each type the graph holds.
// Each count is a COUNT of one label or type, which the server answers from
// its count store without reading the graph (and gives 0 for a type never used).
UNWIND [
  {kind: 'node', name: 'Person', count: COUNT { (:Person) }},
  {kind: 'node', name: 'Organization', count: COUNT { (:Organization) }},
  {kind: 'node', name: 'Product', count: COUNT { (:Product) }},
  {kind: 'node', name: 'Document', count: COUNT { (:Document) }},
  {kind: 'relationship', name: 'WORKS_FOR', count: COUNT { ()-[:WORKS_FOR]->() }},
  {kind: 'relationship', name: 'FOUNDED', count: COUNT { ()-[:FOUNDED]->() }},
  {kind: 'relationship', name: 'EDUCATED_AT', count: COUNT { ()-[:EDUCATED_AT]->() }},
  {kind: 'relationship', name: 'MOVED', count: COUNT { ()-[:MOVED]->() }},
  {kind: 'relationship', name: 'DEVELOPED', count: COUNT { ()-[:DEVELOPED]->() }},
  {kind: 'relationship', name: 'PART_OF', count: COUNT { ()-[:PART_OF]->() }},
  {kind: 'relationship', name: 'ACQUIRED', count: COUNT { ()-[:ACQUIRED]->() }},
  {kind: 'relationship', name: 'RENAMED_TO', count: COUNT { ()-[:RENAMED_TO]->() }},
  {kind: 'relationship', name: 'PARTNERED_WITH', count: COUNT { ()-[:PARTNERED_WITH]->() }},
  {kind: 'relationship', name: 'INVESTED_IN', count: COUNT { ()-[:INVESTED_IN]->() }},
  {kind: 'relationship', name: 'MAKES', count: COUNT { ()-[:MAKES]->() }},
  {kind: 'relationship', name: 'USES', count: COUNT { ()-[:USES]->() }},
  {kind: 'relationship', name: 'COMPETES_WITH', count: COUNT { ()-[:COMPETES_WITH]->() }},
  {kind: 'relationship', name: 'CRITICIZED', count: COUNT { ()-[:CRITICIZED]->() }},
  {kind: 'relationship', name: 'TALENT_FLOW', count: COUNT { ()-[:TALENT_FLOW]->() }},
  {kind: 'relationship', name: 'MENTIONS', count: COUNT { ()-[:MENTIONS]->() }}
] AS row
RETURN row.kind AS kind, row.name AS name, row.count AS count
