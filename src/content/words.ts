/**
 * How typed text is compared with topic names and searched: case, accents and punctuation never
 * matter, so "Learning-Rate", "learning rate" and "learningrate" all find the same topic.
 */

/** Lower-case words separated by single spaces; letters of any script and digits survive. */
export function normaliseWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The same with the spaces gone, for matching names typed with or without separators. */
export function compactKey(text: string): string {
  return normaliseWords(text).replace(/ /g, '');
}

/** Words that carry no topic in a question ("why is the …"); dropping them stops every topic matching. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of on in at to for from by with about as into than then so ' +
    'is are was were be been being am do does did done have has had can could should would will shall may might must ' +
    'i me my we our you your it its they them their he she his her this that these those there here ' +
    'what why how when where which who whom whose explain tell mean means meaning please ' +
    // How people frame a question in chat: none of these says which topic is meant.
    'whats hows im ive dont doesnt isnt cant lol pls plz help anyone guys just really even like ' +
    'vs versus difference differences between better best use using many much'
  ).split(' '),
);

/**
 * A light English stemmer: folds plurals and -ing/-ed endings so "scales", "scaling" and "scaled" meet
 * "scale"-ish stems. Deliberately crude; prefix matching in search covers what it misses.
 */
export function lightStem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh|zz)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 5) return undoubled(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4) return undoubled(word.slice(0, -2));
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** "stopp" → "stop", but "fall" and "pass" keep their doubles. */
function undoubled(stem: string): string {
  return /([b-df-hj-km-np-rtv-z])\1$/.test(stem) && !/(?:ll|ss|zz)$/.test(stem) ? stem.slice(0, -1) : stem;
}
