// The REST API as the pages use it: same origin, the session in an HttpOnly cookie (no script can read the token),
// the session's CSRF token on every change, problems (RFC 9457) thrown as ApiError with their localised text.
import {language} from './i18n.js';

const SESSION = '/api/v1/auth/session';
let csrfToken = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }

  /** Field errors as {field: message}. */
  get fields() {
    return Object.fromEntries((this.problem.errors || []).map((e) => [e.field, e.message]));
  }
}

/** Who is signed in on this browser, or null. */
export async function currentSession() {
  try {
    const session = await get(SESSION);
    csrfToken = session.csrf_token;
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(tenant, email, password) {
  const session = await post(SESSION, {tenant, email, password});
  csrfToken = session.csrf_token;
  return session;
}

export async function signOut() {
  await send('DELETE', SESSION);
  csrfToken = null;
}

/**
 * A request; answers {status, body, etag, response}. body is parsed JSON, or null for 204. A FormData body goes as
 * multipart; any other body as JSON. options.ifMatch sends If-Match.
 */
export async function send(method, path, body, options = {}) {
  const headers = {'Accept': 'application/json', 'Accept-Language': language};
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken || '';
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let payload;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path + query(options.query), {method, headers, body: payload, credentials: 'same-origin'});
  const type = response.headers.get('Content-Type') || '';
  const parsed = response.status === 204 ? null
    : type.includes('json') ? await response.json()
    : await response.text();
  if (!response.ok) {
    const problem = typeof parsed === 'object' && parsed ? parsed : {title: response.statusText, detail: String(parsed || '')};
    if (response.status === 401 && path !== SESSION) window.dispatchEvent(new CustomEvent('supportdesk:signed-out'));
    throw new ApiError(response.status, problem);
  }
  return {status: response.status, body: parsed, etag: response.headers.get('ETag'), response};
}

export const get = async (path, params) => (await send('GET', path, undefined, {query: params})).body;
export const post = async (path, body, options) => (await send('POST', path, body, options)).body;
export const patch = async (path, body, options) => (await send('PATCH', path, body, options)).body;
export const put = async (path, body, options) => (await send('PUT', path, body, options)).body;
export const del = async (path, options) => (await send('DELETE', path, undefined, options)).body;

/** A query string of the defined, non-empty values; arrays repeat the name. */
export function query(params) {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of [value].flat()) search.append(name, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
