/**
 * One fixed look per series name, so "Bayesian search" is the same blue with the same marker in
 * every chart. Colours are the Okabe–Ito set (safe for the common colour-vision deficiencies), and
 * every series also has its own marker shape so no one has to rely on colour alone.
 */

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'triangle-down' | 'diamond' | 'cross';

export interface SeriesStyle {
  readonly colour: string;
  readonly label: string;
  readonly marker: MarkerShape;
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
  player: { colour: '#000000', label: 'You', marker: 'circle' },
  grid: { colour: '#E69F00', label: 'Grid search', marker: 'square' },
  random: { colour: '#56B4E9', label: 'Random search', marker: 'triangle' },
  'quasi-random': { colour: '#009E73', label: 'Quasi-random search', marker: 'diamond' },
  bayes: { colour: '#0072B2', label: 'Bayesian search', marker: 'circle' },
  tpe: { colour: '#D55E00', label: 'TPE', marker: 'triangle-down' },
  hyperband: { colour: '#CC79A7', label: 'Hyperband', marker: 'square' },
  reasoner: { colour: '#882255', label: 'Reasoner', marker: 'cross' },
};

/** Unknown names still get a stable look: picked by a hash of the name, never by position. */
const FALLBACK_COLOURS = ['#666666', '#999933', '#44AA99', '#332288'] as const;
const FALLBACK_MARKERS: readonly MarkerShape[] = ['diamond', 'triangle', 'square', 'triangle-down'];

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
    label: label ?? name,
  };
}
