import type { Problem } from '../../shared/contracts/common';
import { currentLocale } from './i18n';

/** An error answer from the API, with its problem details (title and field errors already translated). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.title);
  }
  fieldErrors(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((e) => [e.field, e.message]));
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request to the API. Same-origin cookies carry the session; the browser's Origin header passes the CSRF check. */
export async function api<T>(method: Method, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { type: 'network', title: '', status: 0, code: 'network' });
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const problem =
      data && typeof data === 'object' && 'code' in data
        ? (data as Problem)
        : { type: 'unknown', title: '', status: res.status, code: 'internal' };
    throw new ApiError(res.status, problem);
  }
  return data as T;
}

/** Builds a query string from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Sends one file as it is (the API takes the raw bytes with their type as Content-Type and the name in the
 * query, not a form), and reads a refusal the way `api` does, so its field errors can land on the file field.
 * A 413 refused by the server before it read the body may come without problem details: it is `tooLarge`.
 */
export async function uploadFile<T>(
  url: string,
  file: File,
  mediaType: string,
  method: 'POST' | 'PUT' = 'POST',
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${url}${query({ filename: file.name })}`, {
      method,
      headers: { accept: 'application/json', 'accept-language': currentLocale(), 'content-type': mediaType },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, { type: 'network', title: '', status: 0, code: 'network' });
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const problem: Problem =
      data && typeof data === 'object' && 'code' in data
        ? (data as Problem)
        : {
            type: 'unknown',
            title: '',
            status: res.status,
            code: res.status === 413 ? 'tooLarge' : 'internal',
          };
    throw new ApiError(res.status, problem);
  }
  return data as T;
}
