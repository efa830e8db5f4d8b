/**
 * One look for every plot: sizes, fonts and colours in one place, applied as the Vega-Lite
 * `config` of each spec. Sizes are chosen for two plots side by side on a laptop screen and
 * for legibility in a pull-request screenshot (11–13 px text).
 */
import type { Config } from 'vega-lite';

/** Plot area in CSS pixels (axes and legends are added around it). */
export const PLOT_WIDTH = 420;
export const PLOT_HEIGHT = 240;

/** Colours: measured data, theory/prediction, wrong neighbour, tolerance/threshold lines. */
export const COLORS = {
  measured: '#1f77b4',
  predicted: '#d62728',
  neighbour: '#ff7f0e',
  threshold: '#444444',
  band: '#9ecae1',
  pass: '#2ca02c',
  fail: '#d62728',
  inconclusive: '#bcbd22',
} as const;

export const FIGURE_CONFIG: Config = {
  // No per-mark ARIA labels: they repeat every datum's values and triple the SVG's size; the
  // figure as a whole is labelled (render.ts) and captioned in the page.
  aria: false,
  font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
  background: 'white',
  padding: 8,
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 260, gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', labelLimit: 420, titleLimit: 420, orient: 'bottom', direction: 'vertical' },
  title: { fontSize: 13, fontWeight: 'bold', anchor: 'start' },
  view: { stroke: '#cccccc' },
};
