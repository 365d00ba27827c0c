// Server-Sent Events over fetch(): EventSource cannot send the API credential, so the console
// reads the stream itself. Parsing follows the HTML standard's event-stream rules.

import { ApiError, apiUrl, authHeaders } from './api.js';

/**
 * Reads an event stream until it ends, calling dispatch({type, data, id}) per event and
 * onActivity() for every line (comments included).
 */
export async function readEvents(body, dispatch, onActivity = () => {}) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let skipLineFeed = false;
  let type = '';
  let id = null;
  let data = [];
  const line = (text) => {
    onActivity();
    if (text === '') {
      if (data.length > 0) {
        dispatch({ type: type || 'message', data: data.join('\n'), id });
      }
      type = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) {
      return;
    }
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'data') {
      data.push(value);
    } else if (field === 'event') {
      type = value;
    } else if (field === 'id' && !value.includes('\0')) {
      id = value;
    }
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    let chunk = value;
    if (skipLineFeed && chunk.startsWith('\n')) {
      chunk = chunk.slice(1);
    }
    skipLineFeed = false;
    buffer += chunk;
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer[i];
      if (c === '\n' || c === '\r') {
        line(buffer.slice(start, i));
        if (c === '\r') {
          if (i + 1 === buffer.length) {
            skipLineFeed = true;
          } else if (buffer[i + 1] === '\n') {
            i++;
          }
        }
        start = i + 1;
      }
    }
    buffer = buffer.slice(start);
  }
}

/**
 * Opens a stream and keeps it open: after an error or an end, it connects again with a growing
 * delay, unless told the stream is finished (finite streams) or the answer is a refusal.
 *
 * @param {string} path
 * @param {{onEvent: Function, onOpen?: Function, onDown?: Function, onRefused?: Function,
 *          finite?: boolean, idleMillis?: number}} handlers
 * @returns {{close(): void}}
 */
export function openStream(path, handlers) {
  let closed = false;
  let controller = null;
  let retry = null;
  let idle = null;
  let attempt = 0;

  const watchIdle = () => {
    if (!handlers.idleMillis) {
      return;
    }
    clearTimeout(idle);
    idle = setTimeout(() => controller?.abort(new Error('idle')), handlers.idleMillis);
  };

  const schedule = () => {
    if (closed) {
      return;
    }
    const delay = Math.min(15000, 500 * 2 ** attempt);
    attempt++;
    retry = setTimeout(connect, delay);
  };

  async function connect() {
    controller = new AbortController();
    try {
      const response = await fetch(apiUrl(path), {
        headers: { Accept: 'text/event-stream', ...authHeaders() },
        cache: 'no-store',
        credentials: 'omit',
        signal: controller.signal,
      });
      if (!response.ok) {
        let problem = null;
        try {
          problem = await response.json();
        } catch {
          problem = null;
        }
        const error = new ApiError(
          response.status,
          problem,
          problem?.detail || problem?.title || `HTTP ${response.status}`,
        );
        if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
          handlers.onRefused?.(error);
          return;
        }
        throw error;
      }
      attempt = 0;
      handlers.onOpen?.();
      watchIdle();
      await readEvents(response.body, handlers.onEvent, watchIdle);
      clearTimeout(idle);
      if (closed) {
        return;
      }
      handlers.onDown?.(null);
      if (!handlers.finite) {
        schedule();
      }
    } catch (failure) {
      clearTimeout(idle);
      if (closed) {
        return;
      }
      handlers.onDown?.(failure);
      schedule();
    }
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(retry);
      clearTimeout(idle);
      controller?.abort();
    },
  };
}
