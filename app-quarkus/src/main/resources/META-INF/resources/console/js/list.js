// The live list of operations: newest first, read a page at a time with the service's cursor,
// kept current by the stream of every operation's changes.

import { get, query } from './api.js';
import { openStream } from './sse.js';
import { between, clear, clock, dateTime, el, KIND_NAMES, targetOf } from './format.js';

const PAGE_SIZE = 50;

/** Newest first, as the service pages them: by creation, then by id. */
function newerFirst(a, b) {
  const age = between(a.createdAt, b.createdAt);
  if (age !== 0) {
    return age;
  }
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export class OperationList {
  /**
   * @param {{body: HTMLElement, status: HTMLElement, empty: HTMLElement, loadMore: HTMLElement,
   *          onLive: Function, onError: Function, onOpen: Function}} view
   */
  constructor(view) {
    this.view = view;
    this.operations = new Map();
    this.versions = new Map();
    this.history = new Map();
    this.rows = new Map();
    this.selected = null;
    this.stream = null;
    this.cursor = null;
    this.loaded = false;
    this.generation = 0;
    view.loadMore.addEventListener('click', () => this.loadPage(this.cursor, this.generation));
  }

  /** Starts over with these filters: {state, kind, callId, provider}. */
  start(filters) {
    this.stop();
    this.filters = filters;
    this.operations.clear();
    this.versions.clear();
    this.history.clear();
    this.rows.clear();
    clear(this.view.body);
    this.cursor = null;
    this.loaded = false;
    this.view.body.closest('table').dataset.ready = 'false';
    const generation = ++this.generation;
    this.render();
    this.setStatus('Connecting…');
    // The state filter is applied here, not by the stream: an operation that leaves the state
    // must leave the list too.
    const streamFilter = { kind: filters.kind, callId: filters.callId, provider: filters.provider };
    this.stream = openStream(`/v1/operations/events${query(streamFilter)}`, {
      idleMillis: 45000,
      onEvent: (event) => {
        if (generation !== this.generation) {
          return;
        }
        if (event.type === 'subscribed') {
          this.view.onLive(true);
          // Everything from now on arrives on the stream; the page tells what came before.
          this.loadPage(null, generation);
        } else if (event.type === 'operation') {
          this.merge(JSON.parse(event.data), true);
        }
      },
      onDown: () => {
        if (generation === this.generation) {
          this.view.onLive(false);
        }
      },
      onRefused: (error) => {
        if (generation === this.generation) {
          this.view.onLive(false, 'not following: refused');
          this.setStatus('');
          this.view.onError(error);
        }
      },
    });
  }

  stop() {
    this.stream?.close();
    this.stream = null;
  }

  async loadPage(cursor, generation) {
    this.view.loadMore.disabled = true;
    try {
      const { data } = await get(
        `/v1/operations${query({ ...this.filters, limit: PAGE_SIZE, cursor })}`,
      );
      if (generation !== this.generation) {
        return;
      }
      for (const operation of data.items ?? []) {
        this.merge(operation, false);
      }
      if (cursor === null || cursor === this.cursor) {
        // The first page after a (re)subscription must not forget how far older pages reached.
        this.cursor = cursor === null && this.loaded ? this.cursor : data.nextCursor ?? null;
      }
      this.loaded = true;
      // From here on the list is complete up to its last page and follows every change.
      this.view.body.closest('table').dataset.ready = 'true';
      this.render();
    } catch (error) {
      if (generation === this.generation) {
        this.view.onError(error);
        this.setStatus(`Could not read the operations: ${error.message}`);
      }
    } finally {
      this.view.loadMore.disabled = false;
    }
  }

  /** Takes an operation from a page or the stream, keeping the highest version of each. */
  merge(operation, live) {
    const known = this.versions.get(operation.id);
    if (known !== undefined && known >= operation.version) {
      return;
    }
    this.versions.set(operation.id, operation.version);
    const states = this.history.get(operation.id) ?? [];
    if (states[states.length - 1] !== operation.state) {
      states.push(operation.state);
      this.history.set(operation.id, states);
    }
    const wanted = !this.filters.state || operation.state === this.filters.state;
    if (!wanted) {
      this.remove(operation.id);
      return;
    }
    if (live && !this.operations.has(operation.id) && !this.belongs(operation)) {
      return;
    }
    const changed = this.operations.has(operation.id);
    this.operations.set(operation.id, operation);
    this.show(operation, live && changed);
    if (live) {
      this.render();
    }
  }

  /** A changed operation not shown yet belongs here unless it is older than every page read. */
  belongs(operation) {
    if (!this.cursor) {
      return true;
    }
    let oldest = null;
    for (const shown of this.operations.values()) {
      if (oldest === null || newerFirst(shown, oldest) > 0) {
        oldest = shown;
      }
    }
    return oldest === null || newerFirst(operation, oldest) <= 0;
  }

  remove(id) {
    this.operations.delete(id);
    this.rows.get(id)?.remove();
    this.rows.delete(id);
    this.render();
  }

  show(operation, flash) {
    let row = this.rows.get(operation.id);
    const fresh = !row;
    if (fresh) {
      row = el('tr', {
        tabindex: '-1',
        onclick: (event) => {
          if (!(event.target instanceof HTMLAnchorElement)) {
            location.hash = `#/operations/${encodeURIComponent(operation.id)}`;
          }
        },
      });
      this.rows.set(operation.id, row);
    }
    row.dataset.operationId = operation.id;
    row.dataset.state = operation.state;
    row.dataset.seenStates = (this.history.get(operation.id) ?? []).join(' ');
    row.dataset.version = String(operation.version);
    row.classList.toggle('selected', operation.id === this.selected);
    const failure = operation.failure
      ? el('span', { class: 'reason' }, operation.failure.reason)
      : null;
    row.replaceChildren(
      el(
        'td',
        {},
        el('span', { class: `state state-${operation.state}` }, operation.state),
        failure ? ' ' : null,
        failure,
      ),
      el(
        'td',
        {},
        el(
          'a',
          {
            href: `#/operations/${encodeURIComponent(operation.id)}`,
            title: `Operation ${operation.id}`,
            'aria-current': operation.id === this.selected ? 'true' : null,
          },
          KIND_NAMES[operation.kind] ?? operation.kind,
        ),
      ),
      el('td', { class: 'ellipsis', title: operation.callId }, operation.callId),
      el('td', { class: 'ellipsis', title: targetOf(operation) }, targetOf(operation)),
      el(
        'td',
        { class: 'nowrap' },
        el(
          'time',
          { datetime: operation.createdAt, title: dateTime(operation.createdAt) },
          clock(operation.createdAt).slice(0, 8),
          el('span', { class: 'ms' }, clock(operation.createdAt).slice(8)),
        ),
      ),
    );
    if (fresh) {
      this.place(row, operation);
    }
    if (flash) {
      row.classList.remove('changed');
      // Restart the highlight: a reflow between removing and adding the class.
      void row.offsetWidth;
      row.classList.add('changed');
    }
  }

  place(row, operation) {
    for (const other of this.view.body.children) {
      const shown = this.operations.get(other.dataset.operationId);
      if (shown && newerFirst(operation, shown) < 0) {
        this.view.body.insertBefore(row, other);
        return;
      }
    }
    this.view.body.append(row);
  }

  select(id) {
    this.selected = id;
    for (const [rowId, row] of this.rows) {
      row.classList.toggle('selected', rowId === id);
      row.querySelector('a')?.setAttribute('aria-current', rowId === id ? 'true' : 'false');
    }
  }

  render() {
    const count = this.operations.size;
    const filtered = Object.values(this.filters ?? {}).some((value) => value);
    this.view.empty.hidden = !this.loaded || count > 0;
    this.view.empty.querySelector('strong').textContent = filtered
      ? 'No operations match these filters.'
      : 'No operations yet.';
    this.view.loadMore.hidden = !this.cursor;
    if (this.loaded) {
      this.setStatus(
        count === 0
          ? ''
          : `${count} operation${count === 1 ? '' : 's'} shown${this.cursor ? '; older ones below' : ''}.`,
      );
    }
  }

  setStatus(text) {
    this.view.status.textContent = text;
  }
}
