// Small helpers: building elements without innerHTML (every text is data from the API), and
// formatting times, durations and participants.

/**
 * el('p', {class: 'x', dataset: {id: 1}}, 'text', child) — text children become text nodes.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

export function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

function setAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** 14:03:07.123 in the browser's time zone. */
export function clock(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** 2026-12-06 14:03:07 in the browser's time zone. */
export function dateTime(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clock(iso).slice(0, 8)}`;
}

/** Milliseconds between two ISO instants (microseconds kept). */
export function between(fromIso, toIso) {
  return instantMillis(toIso) - instantMillis(fromIso);
}

/** Date.parse drops sub-millisecond digits; the timeline has nanoseconds. */
function instantMillis(iso) {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z$/.exec(iso);
  if (!match) {
    return Date.parse(iso);
  }
  return Date.parse(`${match[1]}Z`) + (match[2] ? Number(`0.${match[2]}`) * 1000 : 0);
}

export function duration(millis) {
  if (millis < 0) {
    return `−${duration(-millis)}`;
  }
  if (millis < 1) {
    return `${millis.toFixed(2)} ms`;
  }
  if (millis < 1000) {
    return `${Math.round(millis)} ms`;
  }
  if (millis < 60000) {
    return `${(millis / 1000).toFixed(millis < 10000 ? 2 : 1)} s`;
  }
  const minutes = Math.floor(millis / 60000);
  return `${minutes} min ${Math.round((millis % 60000) / 1000)} s`;
}

/** How a participant reads: its number or id, with its display name. */
export function participant(p) {
  if (!p) {
    return '';
  }
  const id = p.value ?? p.id ?? p.userId ?? p.appId ?? p.rawId ?? '';
  return p.displayName ? `${p.displayName} (${id})` : id;
}

/** Who the operation is about, from its request. */
export function targetOf(op) {
  const request = op.request ?? {};
  switch (op.kind) {
    case 'TRANSFER':
      return participant(request.target);
    case 'ADD_PARTICIPANT':
      return participant(request.participant);
    case 'REDIRECT': {
      const targets = request.targets ?? [];
      const first = participant(targets[0]);
      return targets.length > 1 ? `${first} +${targets.length - 1}` : first;
    }
    case 'CANCEL_ADD_PARTICIPANT':
      return `invitation ${shortId(request.invitationId ?? '')}`;
    case 'WARM_HANDOFF': {
      const targets = request.targets ?? [];
      const first = participant(targets[0]?.participant);
      return targets.length > 1 ? `${first} +${targets.length - 1}` : first;
    }
    default:
      return '';
  }
}

export const KIND_NAMES = {
  TRANSFER: 'transfer',
  ADD_PARTICIPANT: 'add participant',
  CANCEL_ADD_PARTICIPANT: 'cancel invitation',
  REDIRECT: 'redirect',
  WARM_HANDOFF: 'warm handoff',
};

export const FINAL_STATES = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

/** The first 8 characters of a long id, for tight places; the full id stays in titles. */
export function shortId(id) {
  return id && id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

/** Single-quotes a string for a POSIX shell. */
export function shellQuote(text) {
  return `'${String(text).replace(/'/g, `'\\''`)}'`;
}
