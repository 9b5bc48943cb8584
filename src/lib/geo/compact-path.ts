/**
 * A d3-geo path context that writes SVG path data with integer, relative coordinates: the smallest encoding
 * that still looks right at our viewBox width (measured in src/cli/bench-map.ts), so the prerendered map fits its
 * byte budget without a client-side TopoJSON download.
 */

/** Collects path data; pass to geoPath(projection, context) and read `.result()` after each feature. */
export class CompactPathContext {
  private parts: string[] = [];
  // Last emitted absolute point, in rounded units: deltas come from rounded absolutes so errors never accumulate.
  private x = 0;
  private y = 0;
  private ringStart = true;
  // SVG puts the pen back at the subpath's start after "z"; relative moves must start from there too.
  private startX = 0;
  private startY = 0;
  private readonly scale: number;

  /** `scale` multiplies coordinates before rounding: 1 keeps whole viewBox units, 2 keeps half units, etc. */
  constructor(scale: number = 1) {
    this.scale = scale;
  }

  beginPath(): void {
    // Each feature's data is read with result(); nothing to reset between rings.
  }

  moveTo(x: number, y: number): void {
    const rx = Math.round(x * this.scale);
    const ry = Math.round(y * this.scale);
    // The first move of a path is absolute; later ones relative to the last point written.
    this.parts.push(this.parts.length === 0 ? `M${rx} ${ry}` : `m${rx - this.x} ${ry - this.y}`);
    this.x = rx;
    this.y = ry;
    this.startX = rx;
    this.startY = ry;
    this.ringStart = true;
  }

  lineTo(x: number, y: number): void {
    const rx = Math.round(x * this.scale);
    const ry = Math.round(y * this.scale);
    const dx = rx - this.x;
    const dy = ry - this.y;
    if (dx === 0 && dy === 0) return; // points that round together add bytes and draw nothing
    this.parts.push(`${this.ringStart ? 'l' : ' '}${dx} ${dy}`.replace(/ -/g, '-'));
    this.ringStart = false;
    this.x = rx;
    this.y = ry;
  }

  closePath(): void {
    this.parts.push('z');
    this.x = this.startX;
    this.y = this.startY;
    this.ringStart = true;
  }

  arc(): void {
    // Only point geometries draw arcs, and the map renders markers as <circle> elements instead.
  }

  /** The path data so far, and a reset for the next feature. */
  result(): string {
    const d = this.parts.join('');
    this.parts = [];
    this.x = 0;
    this.y = 0;
    this.ringStart = true;
    return d;
  }
}
