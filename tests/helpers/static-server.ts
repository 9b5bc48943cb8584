// Minimal loopback static server for dist/, mounted under a base path, so browser tests load the real build.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  /** Absolute URL of the base path, always ending in `/`, e.g. `http://127.0.0.1:43121/explainer/`. */
  url: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  root: string;
  /** URL prefix the site is built for (Astro `base`); defaults to `/`. */
  base?: string;
}

function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const base = normaliseBase(options.base);

  const server = createServer((req, res) => {
    void (async () => {
      const send = async (status: number, file: string | null, headers: Record<string, string> = {}): Promise<void> => {
        const body = file === null ? Buffer.from(`${status}\n`) : await readFile(file);
        const type = file === null ? 'text/plain; charset=utf-8' : (CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
        res.writeHead(status, { 'content-type': type, 'content-length': String(body.length), 'cache-control': 'no-store', ...headers });
        res.end(req.method === 'HEAD' ? undefined : body);
      };
      const notFound = async (): Promise<void> => {
        const page = path.join(root, '404.html');
        await send(404, (await isFile(page)) ? page : null);
      };

      if (req.method !== 'GET' && req.method !== 'HEAD') {
        await send(405, null, { allow: 'GET, HEAD' });
        return;
      }
      const requestUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
      let pathname: string;
      try {
        pathname = decodeURIComponent(requestUrl.pathname);
      } catch {
        await send(400, null);
        return;
      }
      // Requests for the bare base without its slash behave like a static host: redirect to the slash form.
      if (base !== '/' && pathname === base.slice(0, -1)) {
        res.writeHead(301, { location: base + requestUrl.search });
        res.end();
        return;
      }
      if (!pathname.startsWith(base)) {
        await notFound();
        return;
      }
      const relative = pathname.slice(base.length);
      const target = path.resolve(root, '.' + path.posix.sep + relative);
      // Never serve anything outside root, whatever `..` or encoded separators the request contains.
      if (target !== root && !target.startsWith(root + path.sep)) {
        await notFound();
        return;
      }
      if (await isDirectory(target)) {
        if (!pathname.endsWith('/')) {
          // Mirrors GitHub Pages/Netlify so `trailingSlash: 'always'` links behave as in production.
          res.writeHead(301, { location: pathname + '/' + requestUrl.search });
          res.end();
          return;
        }
        const index = path.join(target, 'index.html');
        if (await isFile(index)) await send(200, index);
        else await notFound();
        return;
      }
      if (await isFile(target)) {
        await send(200, target);
        return;
      }
      await notFound();
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`500 ${String(error)}\n`);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Port 0 lets the OS choose a free port; binding to 127.0.0.1 keeps the server off the network.
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets from chromium would otherwise hold close() open until they time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
