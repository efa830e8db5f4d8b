/**
 * The report as a person sees it: conformance.html opened from disk in headless Chromium
 * (Debian's /usr/bin/chromium driven by playwright-core; .ci/run installs it). Every claim
 * row and section is there, every figure rendered (an SVG of real size with drawn data
 * marks, or a table with rows), nothing was fetched from the network, nothing logged an
 * error; a full-page screenshot is saved next to the report (conformance.png).
 *
 * Three reports: a real run, at 3% of the CI runs, of every claim with figures of its own
 * (CLAIM_CATALOGUE) but the slow ones; the committed sample (reports/sample, every claim, as
 * `npm run report` writes it); and a gallery of every figure builder on synthetic data
 * (galleryReport.ts). Both are written under
 * reports/browser-test/ (git-ignored) so the screenshots can be looked at after a run.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReportText } from '../../src/report/readReport.js';
import { CLAIM_CATALOGUE } from '../../properties/catalogue.js';
import type { ConformanceReport } from '../../src/report/types.js';
import { CLAIMS } from '../../theory/claims.js';
import { writeGalleryReport } from './galleryReport.js';
import { smallReport } from './smallReport.js';

const CHROMIUM = '/usr/bin/chromium';
/** Claims whose single case costs tens of seconds (see the real-run test). */
const SLOW_CLAIMS = ['C2d', 'C2e', 'S2', 'S4'];
const hasChromium = existsSync(CHROMIUM);
const OUT = join(process.cwd(), 'reports', 'browser-test');
// Without the background-networking flags Chromium tries to reach Google services, which a
// closed network refuses (and which a self-contained page must not need anyway).
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The few DOM members the page checks use (the project compiles without the DOM lib). */
interface DomElement {
  readonly dataset: Record<string, string | undefined>;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getBoundingClientRect(): { width: number; height: number };
  getBBox(): { width: number; height: number };
}

interface PageFigure {
  id: string;
  kind: string;
  width: number;
  height: number;
  marks: number;
  rows: number;
}

async function inspect(browser: Browser, html: string, report: ConformanceReport) {
  const page = await browser.newPage({ viewport: { width: 1320, height: 1000 } });
  const external: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) external.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`file://${html}`);
  const summaryRows = await page.$$eval('table.summary tr[data-claim]', (rows) => rows.map((r) => (r as unknown as DomElement).dataset.claim));
  const sections = await page.$$eval('section.claim', (s) => s.map((x) => (x as unknown as DomElement).dataset.claim));
  const figures: PageFigure[] = await page.$$eval('figure[data-figure]', (fs) =>
    fs.map((f) => {
      const el = f as unknown as DomElement;
      const svg = el.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      // Drawn data items: children of Vega's mark groups (not axes, legends or titles).
      const marks = svg ? Array.from(svg.querySelectorAll('g[class*="role-mark"] > *')).filter((m) => m.getBBox().width + m.getBBox().height > 0).length : 0;
      return { id: el.dataset.figure!, kind: el.dataset.kind!, width: box?.width ?? 0, height: box?.height ?? 0, marks, rows: el.querySelectorAll('tbody tr').length };
    }),
  );
  const screenshot = join(html, '..', 'conformance.png');
  await page.screenshot({ path: screenshot, fullPage: true });
  await page.close();
  expect(summaryRows).toEqual(report.claims.map((c) => c.id));
  expect(sections).toEqual(report.claims.map((c) => c.id));
  expect(figures.map((f) => f.id)).toEqual(report.claims.flatMap((c) => c.figures.map((f) => f.id)));
  for (const f of figures) {
    if (f.kind === 'svg') {
      expect(f.width, `${f.id} width`).toBeGreaterThan(200);
      expect(f.height, `${f.id} height`).toBeGreaterThan(100);
      expect(f.marks, `${f.id} data marks`).toBeGreaterThan(0);
    } else {
      expect(f.rows, `${f.id} rows`).toBeGreaterThan(0);
    }
  }
  expect(external).toEqual([]);
  expect(errors).toEqual([]);
  expect(statSync(screenshot).size).toBeGreaterThan(10_000);
  return figures;
}

describe.runIf(hasChromium)('conformance.html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('a real run of every claim with its own figures: every row, section and figure rendered; screenshot saved', async () => {
    // C2d, C2e, S2 and S4 are left out: one case of their properties is a whole KS experiment
    // (C2e's convergence case alone ~40 s) or trains a dozen networks (S2 ~12 s); report.test.ts
    // renders their figures in its all-claims run, and the sample report below has them all.
    const claims = CLAIM_CATALOGUE.map((c) => c.meta.id).filter((id) => !SLOW_CLAIMS.includes(id));
    const { report, files } = await smallReport({ claims, runsScale: 0.03 }, join(OUT, 'run'));
    expect(report.claims.map((c) => c.id)).toEqual(CLAIMS.map((c) => c.id).filter((id) => claims.includes(id)));
    const figures = await inspect(browser, files.html, report);
    expect(figures.length).toBeGreaterThanOrEqual(report.claims.length);
  }, 120_000);

  it('the committed sample report (npm run report, every claim): every row, section and figure rendered', async () => {
    // Copied out so the screenshot lands under reports/browser-test/, not in the tracked sample.
    const dir = join(OUT, 'sample');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join('reports', 'sample', 'conformance.html'), join(dir, 'conformance.html'));
    const report = parseReportText(readFileSync(join('reports', 'sample', 'conformance.json'), 'utf8'), 'reports/sample/conformance.json', CLAIM_CATALOGUE);
    expect(report.claims.map((c) => c.id).sort()).toEqual(CLAIMS.map((c) => c.id).sort());
    const figures = await inspect(browser, join(dir, 'conformance.html'), report);
    expect(figures.length).toBeGreaterThanOrEqual(report.claims.length);
  }, 60_000);

  it('the gallery of every figure builder (synthetic data): every plot has drawn data', async () => {
    const { report, files } = await writeGalleryReport(join(OUT, 'gallery'));
    const figures = await inspect(browser, files.html, report);
    expect(figures.filter((f) => f.kind === 'svg').length).toBe(9);
    expect(report.claims.map((c) => c.verdict)).toEqual(['pass', 'pass', 'fail']);
  }, 60_000);
});

describe.skipIf(hasChromium)('conformance.html in headless Chromium', () => {
  it(`skipped: ${CHROMIUM} is not installed (CI installs Debian's chromium from .ci/apt-packages.txt; locally: apt-get install chromium)`, () => {});
});
