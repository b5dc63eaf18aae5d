/**
 * A small LRU cache with a time-to-live. Overnight, hundreds of tickets come from the same
 * few accounts; one CRM call per account per TTL is plenty. Bounded so a flood of new
 * customers cannot grow memory without limit. The clock is injected for tests.
 */
export class TtlCache<V> {
  /** Map keeps insertion order: the first key is the least recently used. */
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {
    if (maxEntries < 1) throw new Error('TtlCache needs room for at least one entry');
  }

  /** The fresh value, or undefined (an expired entry is dropped). */
  get(key: string): { value: V } | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (this.now() >= hit.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key); // re-insert: now the most recently used
    this.entries.set(key, hit);
    return { value: hit.value };
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
  }

  get size(): number {
    return this.entries.size;
  }
}
