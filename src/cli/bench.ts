/**
 * `npm run bench`: a clean build, then one table per page of bytes (HTML, JS, CSS; gzip and brotli), requests, and
 * Lighthouse mobile scores and metrics from Debian's Chromium. Prints figures against the targets; it never fails a
 * test run (performance targets live here, not in timed tests). Options: --no-lighthouse, --pages=a/,b/.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../tests/helpers/static-server.ts';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const args = process.argv.slice(2);
const withLighthouse = !args.includes('--no-lighthouse');
const onlyPages = args.find((a) => a.startsWith('--pages='))?.slice('--pages='.length).split(',');
const outDir = path.resolve('dist-bench');

const gz = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;
const br = (data: Buffer | string) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n: number) => (n / 1024).toFixed(1);

// 1. Clean build, timed (validation included, as `npm run build` does).
rmSync(outDir, { recursive: true, force: true });
const started = performance.now();
execFileSync('node', ['src/cli/validate-data.ts'], { stdio: 'inherit' });
execFileSync('npx', ['astro', 'build', '--outDir', outDir], { stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
const buildSeconds = (performance.now() - started) / 1000;

const pages = (readdirSync(outDir, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.html') && f !== '404.html')
  .map((f) => f.split(path.sep).join('/').replace(/index\.html$/, ''))
  .filter((p) => !onlyPages || onlyPages.includes(p))
  .sort();

interface Row {
  page: string;
  html: [number, number];
  js: [number, number];
  css: [number, number];
  requests: number;
  transferBr: number;
  lighthouse?: { perf: number; a11y: number; bp: number; seo: number; lcp: number; tbt: number; cls: number };
}

// 2. Bytes per page: the HTML, plus the scripts and styles it inlines or links.
function assetBytes(html: string, kind: 'js' | 'css'): Buffer {
  const parts: string[] = [];
  const inline = kind === 'js' ? /<script\b[^>]*>([\s\S]*?)<\/script>/g : /<style\b[^>]*>([\s\S]*?)<\/style>/g;
  for (const match of html.matchAll(inline)) parts.push(match[1]!);
  const linked = kind === 'js' ? /<script\b[^>]*\bsrc="([^"]+)"/g : /<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g;
  for (const match of html.matchAll(linked)) {
    const file = path.join(outDir, match[1]!.replace(/^\//, ''));
    if (existsSync(file)) parts.push(readFileSync(file, 'utf8'));
  }
  return Buffer.from(parts.join('\n'));
}

const server = await startStaticServer({ root: outDir, base: '/' });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const rows: Row[] = [];
for (const page of pages) {
  const file = path.join(outDir, page, page.endsWith('.html') ? '' : 'index.html');
  const html = readFileSync(file.endsWith('.html') ? file : path.join(outDir, page));
  const text = html.toString('utf8');
  const js = assetBytes(text, 'js');
  const css = assetBytes(text, 'css');
  // Requests and transfer as a first visit makes them, lazy iframes and images included once they load.
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const tab = await context.newPage();
  let requests = 0;
  let transferBr = 0;
  tab.on('requestfinished', (request) => {
    requests += 1;
    const local = path.join(outDir, new URL(request.url()).pathname.replace(/^\//, ''));
    const target = existsSync(local) && statSync(local).isDirectory() ? path.join(local, 'index.html') : local;
    if (existsSync(target) && statSync(target).isFile()) transferBr += br(readFileSync(target));
  });
  await tab.goto(`${server.url}${page}`, { waitUntil: 'load' });
  await tab.waitForTimeout(300);
  await context.close();
  rows.push({ page: `/${page}`, html: [gz(html), br(html)], js: js.length ? [gz(js), br(js)] : [0, 0], css: [gz(css), br(css)], requests, transferBr });
}
await browser.close();

// 3. Lighthouse, mobile preset (its default), one run per page.
if (withLighthouse) {
  const work = mkdtempSync(path.join(tmpdir(), 'lh-'));
  for (const row of rows) {
    const out = path.join(work, 'report.json');
    // Asynchronous on purpose: the static server runs in this process, and a blocking spawn would starve it.
    try {
      await promisify(execFile)(
        'npx',
        [
          'lighthouse',
          `${server.url}${row.page.slice(1)}`,
          '--quiet',
          '--output=json',
          `--output-path=${out}`,
          '--only-categories=performance,accessibility,best-practices,seo',
          '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync',
        ],
        { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
      );
    } catch (error) {
      console.error(`lighthouse failed for ${row.page}: ${(error as Error).message.split('\n').slice(-3).join(' ')}`);
      continue;
    }
    if (!existsSync(out)) continue;
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
    const audit = (id: string) => report.audits[id]?.numericValue ?? NaN;
    row.lighthouse = {
      perf: score('performance'),
      a11y: score('accessibility'),
      bp: score('best-practices'),
      seo: score('seo'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
    };
  }
  rmSync(work, { recursive: true, force: true });
}
await server.close();

// 4. The table.
const header = ['page', 'HTML gz', 'HTML br', 'JS gz', 'JS br', 'CSS gz', 'CSS br', 'req', 'first visit br', 'perf', 'a11y', 'bp', 'seo', 'LCP ms', 'TBT ms', 'CLS'];
const lines = rows.map((r) => [
  r.page,
  kb(r.html[0]),
  kb(r.html[1]),
  kb(r.js[0]),
  kb(r.js[1]),
  kb(r.css[0]),
  kb(r.css[1]),
  String(r.requests),
  kb(r.transferBr),
  ...(r.lighthouse
    ? [String(r.lighthouse.perf), String(r.lighthouse.a11y), String(r.lighthouse.bp), String(r.lighthouse.seo), r.lighthouse.lcp.toFixed(0), r.lighthouse.tbt.toFixed(0), r.lighthouse.cls.toFixed(3)]
    : ['–', '–', '–', '–', '–', '–', '–']),
]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`\nClean build (validate + astro build): ${buildSeconds.toFixed(1)} s, ${pages.length} pages measured. Sizes in KB (1024 B).`);
console.log(fmt(header));
for (const line of lines) console.log(fmt(line));
console.log('\nTargets: non-embed pages Lighthouse 100/100/100/100 (embeds are noindex, so SEO is not scored for them), CLS 0, TBT ≤ 20 ms, JS ≤ 5 KB gzip per page, embed HTML ≤ 25 KB gzip, front page first visit ≤ 50 KB brotli.');
const misses = rows.flatMap((r) => {
  const out: string[] = [];
  const isEmbed = r.page.startsWith('/embed/');
  if (r.js[0] > 5 * 1024) out.push(`${r.page}: JS ${kb(r.js[0])} KB gzip > 5`);
  if (isEmbed && r.html[0] > 25 * 1024) out.push(`${r.page}: embed HTML ${kb(r.html[0])} KB gzip > 25`);
  if (r.page === '/' && r.transferBr > 50 * 1024) out.push(`/: first visit ${kb(r.transferBr)} KB brotli > 50`);
  const lh = r.lighthouse;
  if (lh) {
    if (lh.perf < 100 || lh.a11y < 100 || lh.bp < 100 || (!isEmbed && lh.seo < 100)) out.push(`${r.page}: Lighthouse ${lh.perf}/${lh.a11y}/${lh.bp}/${lh.seo}`);
    if (lh.cls > 0) out.push(`${r.page}: CLS ${lh.cls.toFixed(3)}`);
    if (lh.tbt > 20) out.push(`${r.page}: TBT ${lh.tbt.toFixed(0)} ms`);
  }
  return out;
});
console.log(misses.length === 0 ? 'All targets met.' : `Missed targets:\n  ${misses.join('\n  ')}`);
rmSync(outDir, { recursive: true, force: true });
