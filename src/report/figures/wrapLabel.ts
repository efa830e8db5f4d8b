/**
 * Long row and legend labels wrap instead of being cut: a label is broken at spaces into lines
 * of at most `width` characters (a word longer than that keeps its own line), joined by '\n';
 * the axis or legend splits them with WRAPPED_LABEL_EXPR into Vega's multi-line text.
 */
export const WRAPPED_LABEL_EXPR = "split(datum.label, '\\n')";

export function wrapLabel(text: string, width = 34): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** How many lines a wrapped label has. */
export function lineCount(label: string): number {
  return label.split('\n').length;
}
