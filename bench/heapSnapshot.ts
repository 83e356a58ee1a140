/** Retained objects of one kind in a V8 heap snapshot: how many, and their own (shallow) size. */
export interface KindTotal {
  count: number;
  bytes: number;
}

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Types whose node name is data (a string's text, a number), summed under the type alone. */
const NAMELESS = new Set(['string', 'concatenated string', 'sliced string', 'number', 'bigint', 'symbol', 'code', 'hidden']);

/**
 * Sums a heap snapshot (`HeapProfiler.takeHeapSnapshot`, taken after a full collection) by kind: objects by
 * constructor, closures by function name, arrays by their role, strings and code by type. Comparing two of these
 * shows which kinds of retained objects grow with the number of conversations.
 */
export function summariseSnapshot(text: string): Map<string, KindTotal> {
  const json = JSON.parse(text) as SnapshotJson;
  const fields = json.snapshot.meta.node_fields;
  const types = json.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const totals = new Map<string, KindTotal>();
  for (let i = 0; i < json.nodes.length; i += width) {
    const type = types[json.nodes[i + typeAt]];
    const name = NAMELESS.has(type) ? '' : json.strings[json.nodes[i + nameAt]].slice(0, 80);
    const key = name ? `${type}: ${name}` : `(${type})`;
    const total = totals.get(key) ?? { count: 0, bytes: 0 };
    total.count += 1;
    total.bytes += json.nodes[i + sizeAt];
    totals.set(key, total);
  }
  return totals;
}

/** One kind's growth between two summaries. */
export interface KindGrowth {
  kind: string;
  count: number;
  bytes: number;
}

/** The kinds that grew the most in bytes from `before` to `after`, largest first. */
export function growth(before: Map<string, KindTotal>, after: Map<string, KindTotal>, top = 25): KindGrowth[] {
  const rows: KindGrowth[] = [];
  for (const [kind, total] of after) {
    const old = before.get(kind) ?? { count: 0, bytes: 0 };
    rows.push({ kind, count: total.count - old.count, bytes: total.bytes - old.bytes });
  }
  return rows.sort((a, b) => b.bytes - a.bytes).slice(0, top);
}
