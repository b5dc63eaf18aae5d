/**
 * The patterns of a PatternIndex whose first word forgives a typo ("frustated") or is a short
 * "w*" prefix: they cannot be filed under one exact word, yet trying every one of them at every
 * token is most of a long message's trigger time. A typo-forgiving word only accepts stems that
 * share its first letter, and an accented word only its own spelling without accents, so each
 * token needs just the patterns filed under its stem's first letter and under its folded
 * spelling (plus the prefix ones, which can start anywhere). Candidates keep insertion order,
 * so matches come out in the same order as trying all of them would give.
 */

/** What the first word of a pattern accepts (see WordSlot in patterns.ts). */
export interface FirstWord {
  stems: ReadonlySet<string>;
  folded: ReadonlySet<string>;
  prefixes: readonly string[];
}

interface Filed<E> {
  entry: E;
  order: number;
}

export class TypoFirstIndex<E> {
  private readonly entries: { entry: E; first: FirstWord }[] = [];
  private built: { byLetter: Map<string, E[]>; byFolded: Map<string, Filed<E>[]>; anywhere: E[]; order: Map<E, number> } | null = null;

  /** `fold`: a word without its accents, as patterns.ts spells the folded words. */
  constructor(private readonly fold: (word: string) => string) {}

  get size(): number {
    return this.entries.length;
  }

  add(entry: E, first: FirstWord): void {
    this.entries.push({ entry, first });
    this.built = null;
  }

  /** Entries that may start at a token with this stem and word, in insertion order. */
  candidates(stem: string, word: string): readonly E[] {
    const b = (this.built ??= this.build());
    const base = b.byLetter.get(stem[0]!) ?? b.anywhere;
    if (b.byFolded.size === 0) return base;
    const extra = b.byFolded.get(this.fold(word));
    if (!extra) return base;
    // Rare (an accented first word written by the customer): merge by insertion order, once each.
    const merged = new Map<number, E>();
    for (const e of base) merged.set(b.order.get(e)!, e);
    for (const f of extra) merged.set(f.order, f.entry);
    return [...merged].sort((x, y) => x[0] - y[0]).map(([, e]) => e);
  }

  private build() {
    const anywhere = this.entries.filter((x) => x.first.prefixes.length > 0).map((x) => x.entry);
    const letters = new Set<string>();
    for (const x of this.entries) for (const stem of x.first.stems) letters.add(stem[0]!);
    const byLetter = new Map<string, E[]>();
    for (const letter of letters) {
      byLetter.set(
        letter,
        this.entries.filter((x) => x.first.prefixes.length > 0 || [...x.first.stems].some((stem) => stem[0] === letter)).map((x) => x.entry),
      );
    }
    const byFolded = new Map<string, Filed<E>[]>();
    const order = new Map<E, number>();
    this.entries.forEach((x, i) => {
      order.set(x.entry, i);
      for (const w of x.first.folded) byFolded.set(w, [...(byFolded.get(w) ?? []), { entry: x.entry, order: i }]);
    });
    return { byLetter, byFolded, anywhere, order };
  }
}
