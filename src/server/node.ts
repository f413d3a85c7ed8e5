/**
 * `toNodeListener(handler)`: mounts the Fetch-API handler on `node:http` (and on anything that
 * hands over Node's request and response: Express, Fastify's `raw`, Koa's `req`/`res`). Typed
 * structurally, so this file imports nothing from Node and the entry stays runtime-neutral.
 */
import type { SferumHandler } from './handler.js';
import { responseText } from './http.js';

/** The part of Node's `IncomingMessage` used here. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  method?: string | undefined;
  url?: string | undefined;
  /** Express keeps the full path here when the handler is mounted under a prefix. */
  originalUrl?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string | undefined; encrypted?: boolean } | null;
  /** A body some framework has already parsed (Express's `express.json()`, Fastify). */
  body?: unknown;
}

/** The part of Node's `ServerResponse` used here. */
export interface NodeResponseLike {
  statusCode: number;
  setHeader(name: string, value: string | string[]): unknown;
  end(chunk?: Uint8Array | string): unknown;
  headersSent?: boolean;
}

export type NodeListener = (request: NodeRequestLike, response: NodeResponseLike, next?: (error?: unknown) => void) => void;

async function readBody(request: NodeRequestLike): Promise<Uint8Array | string | undefined> {
  if (request.body !== undefined) {
    // Already parsed upstream: hand the handler the same JSON again (it re-checks size and shape).
    return typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  }
  const chunks: Uint8Array[] = [];
  const encoder = new TextEncoder();
  let size = 0;
  for await (const chunk of request) {
    const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
    size += bytes.byteLength;
    // Far past any limit the handler accepts: stop reading, the handler answers 413 on what it got.
    if (size > 1024 * 1024) break;
    chunks.push(bytes);
  }
  if (chunks.length === 0) return undefined;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Turns the handler into a `(req, res)` listener for `node:http`, Express, Fastify (`reply.raw`) and the like. */
export function toNodeListener(handler: SferumHandler): NodeListener {
  return (request, response, next) => {
    void (async () => {
      const method = (request.method ?? 'GET').toUpperCase();
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value === undefined || name.startsWith(':')) continue;
        for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
      }
      const host = headers.get('host') ?? 'localhost';
      const scheme = request.socket?.encrypted ? 'https' : 'http';
      const url = new URL(request.originalUrl ?? request.url ?? '/', `${scheme}://${host}`);
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(request);
      // The body is buffered (or re-serialised): its length is what the handler measures.
      headers.delete('content-length');
      const fetchRequest = new Request(url, { method, headers, ...(body === undefined ? {} : { body: body as BodyInit }) });
      const answer = await handler(fetchRequest, { clientAddress: request.socket?.remoteAddress ?? undefined });
      response.statusCode = answer.status;
      answer.headers.forEach((value, name) => response.setHeader(name, value));
      const text = responseText.get(answer);
      response.end(text ?? new Uint8Array(await answer.arrayBuffer()));
    })().catch((error: unknown) => {
      if (next) next(error);
      else if (!response.headersSent) {
        response.statusCode = 500;
        response.end();
      }
    });
  };
}
