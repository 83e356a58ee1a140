import { editDistance, jaroWinkler } from './natural';

/** Generates every string obtained by deleting up to `depth` characters of `word`. */
function deletions(word: string, depth: number, out: Set<string>): Set<string> {
  if (depth === 0 || word.length <= 2) return out;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(shorter)) {
      out.add(shorter);
      deletions(shorter, depth - 1, out);
    }
  }
  return out;
}

/** Edits allowed for a word of this length: none under 4 letters, 1 up to 7, 2 from 8. */
function maxEdits(length: number): number {
  if (length < 4) return 0;
  return length >= 8 ? 2 : 1;
}

const CACHE_LIMIT = 10000;

/**
 * Typo corrector over a closed vocabulary (the training and lexicon words).
 * Candidates come from a symmetric-deletion index (SymSpell idea) so a lookup costs a
 * few map reads instead of a scan; they are verified with natural's Damerau-Levenshtein
 * distance and ranked by edit distance, then Jaro-Winkler, then word frequency.
 */
export class SpellCorrector {
  private readonly freq = new Map<string, number>();
  private readonly index = new Map<string, string[]>();
  private readonly cache = new Map<string, string | undefined>();

  /** Builds the index from word counts. */
  constructor(counts: ReadonlyMap<string, number>) {
    for (const [word, count] of counts) {
      this.freq.set(word, count);
      const keys = deletions(word, maxEdits(word.length), new Set([word]));
      for (const key of keys) {
        const list = this.index.get(key);
        if (list) list.push(word);
        else this.index.set(key, [word]);
      }
    }
  }

  /** True when the word is in the vocabulary as written. */
  has(word: string): boolean {
    return this.freq.has(word);
  }

  /** How often the word was seen in the training and lexicon texts (0 when unknown). */
  count(word: string): number {
    return this.freq.get(word) ?? 0;
  }

  /**
   * Drops every word seen at most `rareMax` times that is within the edit limit of a word seen at least
   * `frequentMin` times ("reliquidasion" next to "reliquidacion"), so it gets corrected instead of
   * being a word of its own. Uses this index, so no second index has to be built.
   */
  dropRareTypos(rareMax: number, frequentMin: number): void {
    const rare = [...this.freq].filter(([, n]) => n <= rareMax).map(([w]) => w);
    const drop = rare.filter(
      (w) => this.lookup(w, (candidate) => candidate !== w && (this.freq.get(candidate) ?? 0) >= frequentMin) !== undefined,
    );
    for (const w of drop) this.freq.delete(w);
    this.cache.clear();
  }

  /** Returns the vocabulary word for `word` (itself when known), or undefined when nothing is close enough. */
  correct(word: string): string | undefined {
    if (this.freq.has(word)) return word;
    if (this.cache.has(word)) return this.cache.get(word);
    const result = this.lookup(word);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }

  private lookup(word: string, accept: (candidate: string) => boolean = (c) => this.freq.has(c)): string | undefined {
    const limit = maxEdits(word.length);
    if (limit === 0 || /\d/.test(word)) return undefined;
    const seen = new Set<string>();
    let best: string | undefined;
    let bestKey: [number, number, number] = [Infinity, 0, 0];
    for (const key of deletions(word, limit, new Set([word]))) {
      for (const candidate of this.index.get(key) ?? []) {
        if (seen.has(candidate) || Math.abs(candidate.length - word.length) > limit || !accept(candidate)) continue;
        seen.add(candidate);
        const distance = editDistance(word, candidate);
        if (distance > limit || distance > maxEdits(candidate.length)) continue;
        const similarity = jaroWinkler(word, candidate);
        const count = this.freq.get(candidate) ?? 0;
        const better =
          distance < bestKey[0] ||
          (distance === bestKey[0] && (similarity > bestKey[1] || (similarity === bestKey[1] && count > bestKey[2])));
        if (better) {
          best = candidate;
          bestKey = [distance, similarity, count];
        }
      }
    }
    return best;
  }
}
