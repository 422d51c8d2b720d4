/** Thin client of the cncouple HTTP API. Errors carry the server's field path and message. */
export class ApiError extends Error {
  readonly status: number;
  readonly field?: string;
  /** What the field accepts, in words (when the server says). */
  readonly allowed?: string;
  readonly problems?: { line: number; field: string; message: string }[];
  /** Every problem of a rejected body (zod issues), with field paths such as `products.0`. */
  readonly issues?: { field: string; message: string; allowed?: string }[];
  constructor(
    status: number,
    body: { error?: { message?: string; field?: string; allowed?: string; problems?: ApiError['problems']; issues?: ApiError['issues'] } },
  ) {
    super(body.error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.field = body.error?.field;
    this.allowed = body.error?.allowed;
    this.problems = body.error?.problems;
    this.issues = body.error?.issues;
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data ?? {});
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body: unknown) => request<T>('POST', url, body),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  del: <T>(url: string) => request<T>('DELETE', url),
};

/** Query string from an object, leaving out empty values. */
export function toQuery(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '' && v !== false) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
