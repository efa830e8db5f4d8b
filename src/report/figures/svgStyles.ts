/**
 * Shared styles for the page's inline SVG. Vega writes every presentation attribute on every
 * element (fill, stroke, opacity, font-family … on each of thousands of points and labels),
 * which was most of the page's weight. `shareSvgStyles` takes the figures of a whole page,
 * replaces each distinct combination of presentation attributes by one CSS class (s0, s1, …)
 * declared once in the page's stylesheet, drops attributes that only restate a default or
 * serve interaction (pointer-events, aria-hidden on marks, opacity="1"), drops Vega's empty
 * background and foreground paths, and rounds path data to 0.1 px (figures are shown at
 * 0.8–1.3× their size, so a tenth of a pixel is below what a screen resolves). The drawing
 * is unchanged: a CSS class rule sets the same property the attribute did, and inheritance
 * (fill="none" on a group) works the same way.
 */

/** Presentation attributes moved into classes (each maps to the CSS property of the same name). */
const STYLE_ATTRIBUTES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'display'];
const STYLE_SET = new Set(STYLE_ATTRIBUTES);

/** Attributes that draw nothing: interaction and per-mark accessibility (the figure as a whole keeps role="img" and its label). */
const DROPPED = /\s(?:pointer-events="[^"]*"|aria-hidden="true"|aria-roledescription="[^"]*"|role="graphics-[^"]*")/g;

/** Values that restate the SVG default. */
const DEFAULTS: Record<string, string> = { opacity: '1', 'fill-opacity': '1', 'stroke-opacity': '1', 'stroke-miterlimit': '4', 'font-weight': 'normal', 'font-style': 'normal' };

export interface SharedSvg {
  /** The figures' SVG, in order, with classes in place of presentation attributes. */
  readonly svgs: string[];
  /** One CSS rule per class, for the page's <style>. */
  readonly css: string;
}

function roundPath(d: string): string {
  return d.replace(/-?\d+\.\d+/g, (n) => {
    const r = Math.round(Number(n) * 10) / 10;
    return String(Object.is(r, -0) ? 0 : r);
  });
}

const round1 = (n: string) => {
  const r = Math.round(Number(n) * 10) / 10;
  return String(Object.is(r, -0) ? 0 : r);
};

/** Vega draws a circle symbol as a translated two-arc path; a <circle> says the same in a third of the bytes. */
const CIRCLE_PATH = /<path transform="translate\((-?[\d.]+),(-?[\d.]+)\)" d="M([\d.]+),0A\3,\3,0,1,1,-\3,0A\3,\3,0,1,1,\3,0"/g;

export function shareSvgStyles(svgs: readonly string[], prefix = 's'): SharedSvg {
  const classes = new Map<string, string>();
  const rewritten = svgs.map((svg) => {
    const body = svg
      .replace(CIRCLE_PATH, (_, x: string, y: string, r: string) => `<circle cx="${round1(x)}" cy="${round1(y)}" r="${round1(r)}"`)
      .replace(/ transform="translate\((-?[\d.]+),(-?[\d.]+)\)"/g, (_, x: string, y: string) => ` transform="translate(${round1(x)},${round1(y)})"`)
      .replace(DROPPED, '')
      .replace(/<path class="background" d="M0,0h0v0h0Z"\s*\/>/g, '')
      .replace(/<path class="foreground" d=""[^>]*\/>/g, '');
    // Every start tag except the root <svg> (its own attributes size and label it).
    return body.replace(/<(?!svg\b)([a-z]+)((?:\s[a-zA-Z:-]+="[^"]*")*)(\s*\/?)>/g, (_, tag: string, attrs: string, end: string) => {
      const kept: string[] = [];
      const style: string[] = [];
      let existingClass = '';
      for (const m of attrs.matchAll(/\s([a-zA-Z:-]+)="([^"]*)"/g)) {
        const [, name, value] = m;
        if (name === 'class') existingClass = value;
        else if (STYLE_SET.has(name)) {
          if (DEFAULTS[name] !== value) style.push(`${name}:${value}`);
        } else if (name === 'd') kept.push(` d="${roundPath(value)}"`);
        else kept.push(` ${name}="${value}"`);
      }
      let cls = existingClass;
      if (style.length) {
        const key = style.join(';');
        let c = classes.get(key);
        if (c === undefined) {
          c = `${prefix}${classes.size}`;
          classes.set(key, c);
        }
        cls = cls ? `${cls} ${c}` : c;
      }
      return `<${tag}${cls ? ` class="${cls}"` : ''}${kept.join('')}${end}>`;
    });
  });
  const css = [...classes].map(([key, c]) => `.${c}{${key.replace(/"/g, "'")}}`).join('\n');
  return { svgs: rewritten, css };
}
