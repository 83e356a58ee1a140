/**
 * Typings for the few `natural` modules the NLU loads directly. Requiring the package
 * root loads every classifier, WordNet and storage backend (about one second), so the
 * NLU requires only the stemmer, distances and stop-words it uses.
 */
declare module 'natural/lib/natural/stemmers/porter_stemmer_es' {
  const PorterStemmerEs: { stem(token: string): string };
  export = PorterStemmerEs;
}

declare module 'natural/lib/natural/distance/jaro-winkler_distance' {
  function JaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
  export = JaroWinklerDistance;
}

declare module 'natural/lib/natural/distance/levenshtein_distance' {
  export function DamerauLevenshteinDistance(source: string, target: string, options?: { restricted?: boolean }): number;
}

declare module 'natural/lib/natural/util/stopwords_es' {
  export const words: string[];
}
