/**
 * One fixed look per series name, so "Bayesian search" is the same blue with the same marker in
 * every chart, in Discord's pictures and on the playground's web pages alike (web/src/charts.ts reads
 * this file, so it must stay free of Node-only imports). Colours are the Okabe–Ito hues (safe for the
 * common colour-vision deficiencies); the two light ones, orange and sky blue, are darkened to reach the
 * 3:1 contrast against the white chart background that WCAG asks of graphics (2.3:1 before). Every
 * series also has its own pair of marker shape and dash pattern, so no one has to rely on colour alone.
 */

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'triangle-down' | 'diamond' | 'cross';

export interface SeriesStyle {
  readonly colour: string;
  readonly label: string;
  readonly marker: MarkerShape;
  /** SVG stroke-dasharray for the series' line ('' is solid). */
  readonly dash: string;
}

export const KNOWN_SERIES = [
  'player',
  'grid',
  'random',
  'quasi-random',
  'bayes',
  'tpe',
  'hyperband',
  'reasoner',
] as const;
export type KnownSeriesName = (typeof KNOWN_SERIES)[number];

/** The player's series: drawn on top of the strategies' wherever they coincide. */
export const PLAYER_SERIES: KnownSeriesName = 'player';

const KNOWN_STYLES: Readonly<Record<KnownSeriesName, SeriesStyle>> = {
  player: { colour: '#000000', label: 'You', marker: 'circle', dash: '' },
  grid: { colour: '#BF8500', label: 'Grid search', marker: 'square', dash: '6 3' },
  random: { colour: '#3C98CE', label: 'Random search', marker: 'triangle', dash: '2 3' },
  'quasi-random': { colour: '#009E73', label: 'Quasi-random search', marker: 'diamond', dash: '4 2 1 2' },
  bayes: { colour: '#0072B2', label: 'Bayesian search', marker: 'circle', dash: '10 3 2 3' },
  tpe: { colour: '#D55E00', label: 'TPE', marker: 'triangle-down', dash: '8 2 2 2 2 2' },
  hyperband: { colour: '#CC79A7', label: 'Hyperband', marker: 'square', dash: '1 3' },
  reasoner: { colour: '#882255', label: 'Reasoner', marker: 'cross', dash: '12 4' },
};

/** Unknown names still get a stable look: picked by a hash of the name, never by position. */
const FALLBACK_COLOURS = ['#666666', '#999933', '#379682', '#332288'] as const;
const FALLBACK_MARKERS: readonly MarkerShape[] = ['diamond', 'triangle', 'square', 'triangle-down'];
const FALLBACK_DASHES = ['3 3', '5 2 1 2', '7 3', '2 2 6 2'] as const;

/** The Bayesian belief wherever it is drawn: mean and band in Bayesian search's colour. */
export const BELIEF_COLOUR = KNOWN_STYLES.bayes.colour;
/** The hidden truth, once a game is over. */
export const TRUE_CURVE_COLOUR = '#7a7a7a';
/** Where expected improvement peaks: the probe Bayesian search would make next. */
export const HIGHLIGHT_COLOUR = '#D55E00';

function isKnown(name: string): name is KnownSeriesName {
  return (KNOWN_SERIES as readonly string[]).includes(name);
}

function hashName(name: string): number {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

/** The style for a series; `label` overrides the default display name. */
export function seriesStyle(name: string, label?: string): SeriesStyle {
  if (isKnown(name)) {
    const known = KNOWN_STYLES[name];
    return label === undefined ? known : { ...known, label };
  }
  const hash = hashName(name);
  return {
    colour: FALLBACK_COLOURS[hash % FALLBACK_COLOURS.length] ?? '#666666',
    marker: FALLBACK_MARKERS[hash % FALLBACK_MARKERS.length] ?? 'diamond',
    // Fallbacks whose colour and marker coincide (hash % 4 picks both) differ in dash only by hash / 4.
    dash: FALLBACK_DASHES[Math.floor(hash / 4) % FALLBACK_DASHES.length] ?? '3 3',
    label: label ?? name,
  };
}
