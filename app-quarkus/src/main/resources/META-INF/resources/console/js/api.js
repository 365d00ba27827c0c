// The service's /v1 API, as the console calls it: same origin, the person's credential on every
// request (streams included), problem+json answers turned into ApiError.

const STORAGE_KEY = 'handoff.console.credential';

/** Where the API lives: the console is served at <root>/console/, the API at <root>/v1/. */
export const ROOT = new URL('../', document.baseURI);

let credential = null;
let authRequired = true;
const unauthenticatedListeners = [];

/** A refused or failed request; problem is the RFC 9457 body when the service sent one. */
export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export function apiUrl(path) {
  return new URL(path.replace(/^\//, ''), ROOT);
}

export function loadCredential() {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    credential = raw ? JSON.parse(raw) : null;
  } catch {
    credential = null;
  }
  return credential;
}

export function saveCredential(value) {
  credential = value;
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
}

export function forgetCredential() {
  credential = null;
  sessionStorage.removeItem(STORAGE_KEY);
}

export function currentCredential() {
  return credential;
}

export function setAuthRequired(value) {
  authRequired = value;
}

export function isAuthRequired() {
  return authRequired;
}

/** Called when the service refuses the stored credential (401), e.g. an expired token. */
export function onUnauthenticated(listener) {
  unauthenticatedListeners.push(listener);
}

export function authHeaders(value = credential) {
  if (!authRequired || !value) {
    return {};
  }
  return value.kind === 'bearer'
    ? { Authorization: `Bearer ${value.value}` }
    : { 'X-API-Key': value.value };
}

/**
 * @param {string} method
 * @param {string} path e.g. /v1/operations
 * @param {{body?: any, headers?: object, credential?: object|null, anonymous?: boolean, signal?: AbortSignal}} options
 * @returns {Promise<{status: number, data: any, headers: Headers}>}
 */
export async function request(method, path, options = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (!options.anonymous) {
    Object.assign(headers, authHeaders(options.credential ?? credential));
  }
  Object.assign(headers, options.headers ?? {});
  let body;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  let response;
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers,
      body,
      cache: 'no-store',
      credentials: 'omit',
      signal: options.signal,
    });
  } catch (failure) {
    if (failure.name === 'AbortError') {
      throw failure;
    }
    throw new ApiError(0, null, 'The service cannot be reached; is it running?');
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!response.ok) {
    const problem = data && typeof data === 'object' ? data : null;
    const message = problem?.detail || problem?.title || `HTTP ${response.status}`;
    const error = new ApiError(response.status, problem, message);
    if (response.status === 401 && !options.anonymous && options.credential === undefined) {
      unauthenticatedListeners.forEach((listener) => listener(error));
    }
    throw error;
  }
  return { status: response.status, data, headers: response.headers };
}

export const get = (path, options) => request('GET', path, options);
export const post = (path, body, options = {}) => request('POST', path, { ...options, body });
export const del = (path, options) => request('DELETE', path, options);

/** A query string of the present, non-empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
