// One operation: what it is, how it ended and why, its timeline as a sequence diagram with the
// raw evidence of each step on demand, and a curl that sends the same request again.

import { ApiError, ROOT, del, get, isAuthRequired, currentCredential } from './api.js';
import { openStream } from './sse.js';
import { codes, eventName, proofOf, sequenceDiagram } from './diagram.js';
import {
  between,
  clear,
  clock,
  dateTime,
  duration,
  el,
  FINAL_STATES,
  KIND_NAMES,
  participant,
  shellQuote,
  targetOf,
} from './format.js';

const REASONS = {
  busy: 'the target was busy',
  'no-answer': 'the target did not answer in time',
  declined: 'the target declined',
  'not-found': 'the call or target does not exist for the provider',
  unreachable: 'the target could not be reached',
  'forbidden-by-policy': 'a policy of the provider or tenant forbids it',
  'tenant-mismatch': 'the target belongs to another tenant',
  conflict: 'something else is under way on the call',
  'invalid-request': 'the provider refused the request as invalid',
  unsupported: 'the provider cannot do this',
  authentication: 'the provider refused Handoff’s credentials',
  throttled: 'the provider asked to slow down',
  'provider-error': 'the provider failed',
  timeout: 'no final word came before the deadline',
  cancelled: 'it was withdrawn',
  unknown: 'the outcome is not known',
};

/** The curl that sends the operation's request again, with the credential left as a variable. */
export function curlOf(op) {
  const base = ROOT.href.replace(/\/$/, '');
  const lines = [];
  const auth = isAuthRequired()
    ? currentCredential()?.kind === 'bearer'
      ? `-H "Authorization: Bearer $HANDOFF_TOKEN"`
      : `-H "X-API-Key: $HANDOFF_API_KEY"`
    : null;
  const call = encodeURIComponent(op.callId);
  if (op.kind === 'CANCEL_ADD_PARTICIPANT') {
    const invitation = encodeURIComponent(op.request?.invitationId ?? '');
    lines.push(`curl -i -X DELETE ${shellQuote(`${base}/v1/calls/${call}/participants/invitations/${invitation}`)}`);
  } else {
    const path = {
      TRANSFER: `/v1/calls/${call}/transfers`,
      ADD_PARTICIPANT: `/v1/calls/${call}/participants`,
      REDIRECT: `/v1/incoming-calls/${call}/redirect`,
      WARM_HANDOFF: `/v1/calls/${call}/handoffs`,
    }[op.kind];
    lines.push(`curl -i -X POST ${shellQuote(base + path)}`);
    lines.push(`-H 'Content-Type: application/json'`);
  }
  if (auth) {
    lines.push(auth);
  }
  if (op.kind !== 'CANCEL_ADD_PARTICIPANT') {
    lines.push(`-d ${shellQuote(JSON.stringify(op.request ?? {}))}`);
  }
  return lines.join(' \\\n  ');
}

function appendAll(parent, children) {
  parent.append(...children.filter((child) => child !== null && child !== undefined));
}

export class OperationView {
  /**
   * @param {{article: HTMLElement, empty: HTMLElement, error: HTMLElement, emulated: () => boolean,
   *          canCancelInvitation?: () => boolean, onCancelled: Function}} view
   */
  constructor(view) {
    this.view = view;
    this.stream = null;
    this.operation = null;
    this.openSteps = new Set();
  }

  async show(id) {
    this.close();
    this.openSteps.clear();
    this.view.error.hidden = true;
    this.view.empty.hidden = true;
    const article = this.view.article;
    article.hidden = false;
    article.dataset.operationId = id;
    article.removeAttribute('data-state');
    clear(article).append(el('p', { class: 'subtle' }, 'Loading…'));
    try {
      const { data } = await get(`/v1/operations/${encodeURIComponent(id)}`);
      if (article.dataset.operationId !== id) {
        return;
      }
      this.render(data);
      this.follow(data);
    } catch (error) {
      if (article.dataset.operationId !== id) {
        return;
      }
      clear(article);
      article.hidden = true;
      this.view.error.hidden = false;
      this.view.error.textContent =
        error instanceof ApiError && error.status === 404
          ? `No operation ${id}: it never existed, or the store no longer keeps it.`
          : `Could not read operation ${id}: ${error.message}`;
    }
  }

  /** Follows the operation live until it is final. */
  follow(op) {
    if (FINAL_STATES.has(op.state)) {
      return;
    }
    const id = op.id;
    this.stream = openStream(`/v1/operations/${encodeURIComponent(id)}/events`, {
      finite: true,
      onEvent: (event) => {
        if (event.type === 'operation' && this.view.article.dataset.operationId === id) {
          const changed = JSON.parse(event.data);
          if (!this.operation || changed.version > this.operation.version) {
            this.render(changed);
          }
        }
      },
      onDown: (failure) => {
        // The stream ends when the operation is final; otherwise read it again.
        if (!failure && this.operation && !FINAL_STATES.has(this.operation.state)) {
          this.show(id);
        }
      },
    });
  }

  close() {
    this.stream?.close();
    this.stream = null;
  }

  hide() {
    this.close();
    this.operation = null;
    this.view.article.hidden = true;
    this.view.article.removeAttribute('data-operation-id');
    this.view.error.hidden = true;
    this.view.empty.hidden = false;
  }

  render(op) {
    this.operation = op;
    const article = this.view.article;
    const focused = document.activeElement;
    const focusedStep = focused?.closest?.('#operation [data-step]')?.dataset.step;
    article.dataset.state = op.state;
    article.dataset.version = String(op.version);
    clear(article);
    appendAll(article, [
      this.header(op),
      this.outcome(op),
      this.handoffTargets(op),
      this.actions(op),
      el(
        'div',
        { class: 'sequence-head' },
        el('h4', {}, 'Sequence'),
        el(
          'p',
          { class: 'subtle' },
          'Select an arrow for its evidence. Grey: the provider’s side, as it reported it.',
        ),
      ),
      el(
        'div',
        { class: 'diagram' },
        sequenceDiagram(op, { emulated: this.view.emulated(), onStep: (step) => this.openStep(step) }),
      ),
      this.steps(op),
      this.curl(op),
      el(
        'details',
        { class: 'raw' },
        el('summary', {}, 'The operation as JSON'),
        el('pre', {}, JSON.stringify(op, null, 2)),
      ),
    ]);
    if (focusedStep !== undefined) {
      article.querySelector(`[data-step="${focusedStep}"]`)?.focus();
    }
  }

  header(op) {
    const created = op.createdAt;
    return el(
      'header',
      { class: 'operation-head' },
      el(
        'h3',
        { id: 'operation-title' },
        `${KIND_NAMES[op.kind] ?? op.kind} `,
        el('span', { class: `state state-${op.state}`, id: 'operation-state' }, op.state),
      ),
      el(
        'dl',
        { class: 'facts' },
        el('dt', {}, 'Operation'),
        el('dd', { class: 'mono' }, op.id),
        el('dt', {}, 'Call'),
        el('dd', { class: 'mono' }, op.callId),
        el('dt', {}, op.kind === 'CANCEL_ADD_PARTICIPANT' ? 'Invitation' : 'Target'),
        el('dd', {}, targetOf(op)),
        el('dt', {}, 'Provider'),
        el('dd', {}, op.provider),
        op.operationContext ? el('dt', {}, 'Operation context') : null,
        op.operationContext ? el('dd', { class: 'mono' }, op.operationContext) : null,
        op.invitationId ? el('dt', {}, 'Invitation') : null,
        op.invitationId ? el('dd', { class: 'mono' }, op.invitationId) : null,
        el('dt', {}, 'Requested'),
        el('dd', {}, el('time', { datetime: created }, dateTime(created))),
        el('dt', {}, FINAL_STATES.has(op.state) ? 'Took' : 'Deadline'),
        el(
          'dd',
          {},
          FINAL_STATES.has(op.state)
            ? duration(between(created, op.updatedAt))
            : el('time', { datetime: op.deadline }, clock(op.deadline)),
        ),
      ),
    );
  }

  outcome(op) {
    const box = el('section', { class: `outcome outcome-${op.state}`, id: 'outcome', 'aria-live': 'polite' });
    if (!op.failure) {
      box.append(
        el(
          'p',
          {},
          el('strong', {}, op.state),
          ' — ',
          {
            COMPLETED: 'it succeeded.',
            REQUESTED: 'recorded; being sent to the provider.',
            SUBMITTED: 'the provider accepted the request; waiting for its events.',
            IN_PROGRESS: 'under way at the provider.',
            ACCEPTED: 'the target accepted; finishing.',
          }[op.state] ?? '',
        ),
      );
      return box;
    }
    const failure = op.failure;
    box.dataset.reason = failure.reason;
    box.dataset.retryable = String(failure.retryable);
    box.append(
      el(
        'p',
        {},
        el('strong', {}, op.state),
        ' — reason ',
        el('strong', { class: 'reason', id: 'failure-reason' }, failure.reason),
        REASONS[failure.reason] ? `: ${REASONS[failure.reason]}.` : '.',
      ),
      el(
        'p',
        { id: 'failure-retryable' },
        failure.retryable
          ? 'Retryable: the same request may succeed later.'
          : 'Not retryable: the same request will fail the same way.',
      ),
      // The DOM's append writes a null as the text "null": an absent line is the empty string.
      failure.message ? el('p', { class: 'subtle' }, failure.message) : '',
      failure.evidence && codes(failure.evidence)
        ? el(
            'p',
            { class: 'subtle' },
            `Provider’s codes: ${codes(failure.evidence)}`,
            failure.evidence.message && failure.evidence.message !== failure.message
              ? ` — ${failure.evidence.message}`
              : '',
          )
        : '',
    );
    return box;
  }

  /** A handoff's targets in the order they are tried, and how each fared. */
  handoffTargets(op) {
    const targets = op.handoff?.targets ?? [];
    if (op.kind !== 'WARM_HANDOFF' || targets.length === 0) {
      return null;
    }
    const OUTCOMES = { NOT_TRIED: 'not tried', TRYING: 'being reached', CONNECTED: 'connected', FAILED: 'not reached' };
    return el(
      'ol',
      { class: 'handoff-targets', id: 'handoff-targets', 'aria-label': 'Targets, in the order they are tried' },
      targets.map((target) =>
        el(
          'li',
          { 'data-outcome': target.outcome, 'data-index': String(target.index) },
          el('span', { class: 'who' }, participant(target.participant)),
          ' — ',
          el('strong', {}, OUTCOMES[target.outcome] ?? target.outcome),
          target.failure ? `: ${target.failure.reason}${REASONS[target.failure.reason] ? ` (${REASONS[target.failure.reason]})` : ''}` : '',
          el('span', { class: 'subtle' }, ` · rings up to ${target.ringTimeoutSeconds} s`),
        ),
      ),
    );
  }

  actions(op) {
    if (op.kind === 'WARM_HANDOFF') {
      return this.handoffActions(op);
    }
    const cancellable = this.view.canCancelInvitation?.() ?? true;
    if (op.kind !== 'ADD_PARTICIPANT' || !op.invitationId || FINAL_STATES.has(op.state) || !cancellable) {
      return null;
    }
    const message = el('p', { class: 'form-error', role: 'alert', hidden: true });
    const button = el(
      'button',
      {
        type: 'button',
        id: 'cancel-invitation',
        onclick: async () => {
          button.disabled = true;
          message.hidden = true;
          try {
            const path = `/v1/calls/${encodeURIComponent(op.callId)}/participants/invitations/${encodeURIComponent(op.invitationId)}`;
            const { data } = await del(path);
            this.view.onCancelled?.(data);
          } catch (error) {
            message.hidden = false;
            message.textContent = `The invitation was not withdrawn: ${error.message}`;
            button.disabled = false;
          }
        },
      },
      'Cancel the invitation',
    );
    return el('div', { class: 'actions' }, button, message);
  }

  /** A handoff under way can be cancelled: the caller goes back to the bot. */
  handoffActions(op) {
    if (FINAL_STATES.has(op.state) || op.handoff?.cancelRequested) {
      return null;
    }
    const message = el('p', { class: 'form-error', role: 'alert', hidden: true });
    const button = el(
      'button',
      {
        type: 'button',
        id: 'cancel-handoff',
        onclick: async () => {
          button.disabled = true;
          message.hidden = true;
          try {
            const path = `/v1/calls/${encodeURIComponent(op.callId)}/handoffs/${encodeURIComponent(op.id)}`;
            const { data } = await del(path);
            if (this.view.article.dataset.operationId === op.id && data.version > (this.operation?.version ?? 0)) {
              this.render(data);
            }
          } catch (error) {
            message.hidden = false;
            message.textContent = `The handoff was not cancelled: ${error.message}`;
            button.disabled = false;
          }
        },
      },
      'Cancel the handoff: the caller goes back to the bot',
    );
    return el('div', { class: 'actions' }, button, message);
  }

  steps(op) {
    const timeline = op.timeline ?? [];
    const list = el('ol', { class: 'steps', id: 'steps' });
    timeline.forEach((entry, step) => {
      const since = step === 0 ? 0 : between(timeline[step - 1].at, entry.at);
      const proof = proofOf(entry);
      const details = el(
        'details',
        {
          id: `step-${step}`,
          'data-step': String(step),
          open: this.openSteps.has(step),
          ontoggle: () => (details.open ? this.openSteps.add(step) : this.openSteps.delete(step)),
        },
        el(
          'summary',
          {},
          el('span', { class: 'elapsed' }, step === 0 ? clock(entry.at) : `+${duration(since)}`),
          ' ',
          el('span', { class: 'source' }, entry.source.replace('_', ' ').toLowerCase()),
          ' ',
          entry.source === 'PROVIDER_EVENT' ? eventName(entry.what) : entry.what,
          ' → ',
          el('span', { class: `state state-${entry.state}` }, entry.state),
          ' ',
          el('span', { class: `disposition disposition-${entry.disposition}` }, entry.disposition),
          proof
            ? el(
                'span',
                { class: 'proof', title: 'How Handoff verified the callback before recording it' },
                proof === 'jwt' ? ' ✓ signed (JWT verified)' : ` ✓ ${proof} verified`,
              )
            : null,
        ),
        el('pre', {}, JSON.stringify(entry, null, 2)),
      );
      list.append(el('li', {}, details));
    });
    return el(
      'section',
      { class: 'evidence' },
      el('h4', {}, 'Timeline and evidence'),
      list,
    );
  }

  openStep(step) {
    const details = this.view.article.querySelector(`#step-${step}`);
    if (!details) {
      return;
    }
    details.open = true;
    this.openSteps.add(step);
    details.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    details.querySelector('summary')?.focus();
  }

  curl(op) {
    const text = curlOf(op);
    const code = el('pre', { class: 'curl', id: 'curl' }, text);
    const status = el('span', { class: 'subtle', role: 'status' });
    const button = el(
      'button',
      {
        type: 'button',
        class: 'quiet',
        onclick: async () => {
          try {
            await navigator.clipboard.writeText(text);
            status.textContent = ' Copied.';
          } catch {
            const range = document.createRange();
            range.selectNodeContents(code);
            const selection = getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            status.textContent = ' Selected: press Ctrl+C (⌘C) to copy.';
          }
        },
      },
      'Copy',
    );
    return el(
      'section',
      { class: 'reproduce' },
      el('h4', {}, 'Send it again'),
      el(
        'p',
        { class: 'subtle' },
        isAuthRequired()
          ? 'The credential is left as a shell variable; set it first.'
          : 'This service runs without authentication.',
      ),
      code,
      el('p', {}, button, status),
    );
  }
}
