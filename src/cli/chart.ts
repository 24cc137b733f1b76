// Terminal bar charts for `zhdeck stats`: one column per day, eighth-block characters, sized to
// the terminal's width. Plain text when there is no colour; nothing but the values decides the shape.

const EIGHTHS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

export interface ChartOptions {
  /** Columns available (the terminal's width, or 80). */
  width: number;
  /** Rows of bars. */
  height?: number;
  /** Colours the bars (identity without colour). */
  paint?: (s: string) => string;
  /** Labels under the first, middle and last columns. */
  labels?: [string, string, string];
}

/**
 * A vertical bar chart of `values`: the scale on the left (its top is the largest value), one
 * bar per value, each one to three columns wide as the width allows, and the labels under it.
 */
export function barChart(values: readonly number[], opts: ChartOptions): string[] {
  const height = opts.height ?? 6;
  const max = Math.max(0, ...values);
  const axis = String(max).length;
  const room = Math.max(values.length, opts.width - axis - 2);
  const bar = Math.max(1, Math.min(3, Math.floor(room / Math.max(1, values.length))));
  const gap = bar > 1 ? 1 : 0;
  const paint = opts.paint ?? ((s: string) => s);
  const units = values.map((v) => (max === 0 ? 0 : Math.round((v / max) * height * 8)));
  const rows: string[] = [];
  for (let r = 0; r < height; r++) {
    const floor = (height - 1 - r) * 8;
    const cells = units.map((u, i) => {
      let eighths = Math.max(0, Math.min(8, u - floor));
      // Any value at all shows at least a sliver on the bottom row.
      if (r === height - 1 && values[i]! > 0 && eighths === 0) eighths = 1;
      return EIGHTHS[eighths]!.repeat(bar - gap) + ' '.repeat(gap);
    });
    const scale = r === 0 ? String(max) : r === height - 1 ? '0' : '';
    rows.push(`${scale.padStart(axis)} ┤${paint(cells.join('').trimEnd())}`);
  }
  const span = values.length * bar;
  rows.push(`${' '.repeat(axis)} └${'─'.repeat(Math.max(0, span - gap))}`);
  if (opts.labels) {
    const [a, b, c] = opts.labels;
    const line = Array.from({ length: Math.max(span, a.length + b.length + c.length + 2) }, () => ' ');
    const put = (at: number, s: string) => [...s].forEach((ch, i) => (line[Math.max(0, Math.min(line.length - s.length, at)) + i] = ch));
    put(0, a);
    put(Math.floor(span / 2) - Math.floor(b.length / 2), b);
    put(span - c.length, c);
    rows.push(`${' '.repeat(axis + 2)}${line.join('').trimEnd()}`);
  }
  return rows;
}
