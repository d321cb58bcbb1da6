/** A reply whose body is JSON already serialized (e.g. from a cache), typed as the JSON it holds. */
import type { Context, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';

/**
 * `bytes` must be the JSON text of a `T`; the route's typed response (and so the typed client)
 * then sees a `T`, exactly as if the handler had called `c.json(value)`.
 */
export function jsonBytes<T, S extends ContentfulStatusCode>(
  c: Context,
  bytes: Uint8Array<ArrayBuffer>,
  status: S,
  contentType = 'application/json',
  headers: Record<string, string> = {}
): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  const reply = c.body(bytes, status, { 'Content-Type': contentType, ...headers });
  // The one place the reply's type is asserted rather than inferred: the bytes are the JSON of a T.
  return reply as unknown as Response & TypedResponse<JSONParsed<T>, S, 'json'>;
}
