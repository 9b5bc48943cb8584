/**
 * A point well inside a country's projected shape: where the map writes a label ("Italy 11"), where the arrow keys
 * measure directions from, and where a test taps. The centroid or the middle of the bounding box can fall outside a
 * crescent such as Croatia, or in the sea for the United States with Alaska and Hawaii.
 */

export type Point = [number, number];

/** A d3-geo path context that records the projected rings of one feature; read `.rings()` after drawing it. */
export class RingCollector {
  private collected: Point[][] = [];
  private current: Point[] | null = null;

  beginPath(): void {}
  moveTo(x: number, y: number): void {
    this.current = [[x, y]];
    this.collected.push(this.current);
  }
  lineTo(x: number, y: number): void {
    this.current?.push([x, y]);
  }
  closePath(): void {
    this.current = null;
  }
  arc(): void {}

  /** The rings drawn since the last call, and a reset. */
  rings(): Point[][] {
    const rings = this.collected.filter((ring) => ring.length >= 3);
    this.collected = [];
    this.current = null;
    return rings;
  }
}

export function planarArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum / 2);
}

export function insideRing([x, y]: Point, ring: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToRing([x, y]: Point, ring: readonly Point[]): number {
  let best = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[j]!;
    const [bx, by] = ring[i]!;
    const dx = bx - ax;
    const dy = by - ay;
    const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
}

/**
 * The point of the largest ring farthest from its edge, found on a grid and refined once around the best cell: within
 * a few percent of the true pole of inaccessibility, which is plenty for a label. Null when there is no ring.
 */
export function labelPoint(rings: readonly (readonly Point[])[], grid: number = 16): Point | null {
  let ring: readonly Point[] | undefined;
  let area = -1;
  for (const r of rings) {
    const a = planarArea(r);
    if (a > area) [ring, area] = [r, a];
  }
  if (!ring) return null;
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  let [x0, y0, x1, y1] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  let best: Point = [(x0 + x1) / 2, (y0 + y1) / 2];
  let bestDistance = insideRing(best, ring) ? distanceToRing(best, ring) : -1;
  for (let pass = 0; pass < 2; pass++) {
    const [w, h] = [(x1 - x0) / grid, (y1 - y0) / grid];
    for (let i = 0; i <= grid; i++) {
      for (let j = 0; j <= grid; j++) {
        const point: Point = [x0 + i * w, y0 + j * h];
        if (!insideRing(point, ring)) continue;
        const d = distanceToRing(point, ring);
        if (d > bestDistance) [best, bestDistance] = [point, d];
      }
    }
    // Second pass: a finer grid over the cells around the best point.
    [x0, y0, x1, y1] = [best[0] - w, best[1] - h, best[0] + w, best[1] + h];
  }
  return best;
}
