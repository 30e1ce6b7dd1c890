/**
 * Pictures and sound for the reveals: pure functions from plain data to PNG, GIF and WAV bytes.
 * Nothing here knows about games, Discord or the console; front ends map their data to these inputs.
 */
export { bakeChart, type BakeChartInput, type BeliefSample, type Point, type StrategyPoints } from './bake-chart.js';
export { bakeAnimation, type AnimationImage, type BakeAnimationFrame, type BakeAnimationOptions } from './bake-animation.js';
export { remainingChart, type RemainingChartInput, type RemainingSeries } from './remaining-chart.js';
export { bestSoFarChart, runningBest, type BestSoFarChartInput, type ScoreDirection, type ScoreSeries } from './best-so-far-chart.js';
export { learningCurveChart, type LearningCurveInput } from './learning-curve-chart.js';
export { ALT_TEXT_LIMIT, type ChartImage } from './chart-image.js';
export { KNOWN_SERIES, seriesStyle, type KnownSeriesName, type SeriesStyle } from './series-style.js';
export { renderPng } from './render.js';
export { strumWav, strumSamples, type StrumOptions } from './strum.js';
export {
  digBeliefMaps,
  digBoardMap,
  digHeatMap,
  digRevealMap,
  type BeliefMapsInput,
  type BoardMapInput,
  type ColourRange,
  type HeatGrid,
  type HeatMapInput,
  type HeatMapKind,
  type MapDig,
  type MapPoint,
  type MapSearcher,
  type RevealMapInput,
} from './dig-map.js';
export { mapAnimation, type MapAnimationFrame, type MapAnimationOptions } from './dig-animation.js';
export { viridis } from './palette.js';
