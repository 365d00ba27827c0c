// An operation's timeline as a sequence diagram: lanes for the application, Handoff, the provider
// and the target; one arrow per exchange, labelled with what was said; the time between steps in
// the left margin. Only the timeline is drawn. The provider's side of the target (it rings, the
// target answers or not) is drawn lighter: it is what the provider reported, not an exchange
// Handoff saw.

import { between, duration, participant, shortId, svg, targetOf } from './format.js';
import { HANDOFF_LANES, handoffLaneTitle, handoffRowsOf } from './handoff-diagram.js';

const GUTTER = 70;
/** Horizontal room per lane. */
const LANE_WIDTH = 157.5;
const TOP = 54;
const ROW = 48;
const LANES = ['application', 'handoff', 'provider', 'target'];
const LABEL_CHARS = 44;

const PROVIDERS = { acs: 'ACS Call Automation', graph: 'Microsoft Graph' };

const API_PATHS = {
  TRANSFER: (op) => `POST /v1/calls/${shortId(op.callId)}/transfers`,
  ADD_PARTICIPANT: (op) => `POST /v1/calls/${shortId(op.callId)}/participants`,
  CANCEL_ADD_PARTICIPANT: (op) => `DELETE /v1/calls/${shortId(op.callId)}/participants/invitations/…`,
  REDIRECT: (op) => `POST /v1/incoming-calls/${shortId(op.callId)}/redirect`,
};

const PROVIDER_REQUESTS = {
  TRANSFER: 'transfer request',
  ADD_PARTICIPANT: 'add participant request',
  CANCEL_ADD_PARTICIPANT: 'cancel invitation request',
  REDIRECT: 'redirect request',
};

const HTTP_REASONS = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

const PROOFS = { jwt: 'signed: JWT verified', 'query-secret': 'query secret verified' };

const FINAL = ['COMPLETED', 'FAILED', 'CANCELLED', 'UNKNOWN'];

/** The lanes of an operation's diagram: a warm handoff has its caller and its agents. */
const lanesOf = (op) => (op.kind === 'WARM_HANDOFF' ? HANDOFF_LANES : LANES);

const widthOf = (lanes) => GUTTER + lanes.length * LANE_WIDTH;

const laneX = (lane, lanes = LANES) => GUTTER + (lanes.indexOf(lane) + 0.5) * LANE_WIDTH;

/** The event's name without its namespace: Microsoft.Communication.CallTransferAccepted → CallTransferAccepted. */
export function eventName(what) {
  const dot = what.lastIndexOf('.');
  return what.startsWith('Microsoft.') && dot > 0 ? what.slice(dot + 1) : what;
}

/** code/subCode, with SIP and Q.850 when the provider gave them. */
export function codes(evidence) {
  if (!evidence) {
    return '';
  }
  const parts = [];
  if (evidence.code || evidence.subCode) {
    parts.push([evidence.code, evidence.subCode].filter(Boolean).join('/'));
  }
  if (evidence.sip) {
    parts.push(`SIP ${evidence.sip.code}`);
  }
  if (evidence.q850) {
    parts.push(`Q.850 ${evidence.q850.code}`);
  }
  return parts.join(' · ');
}

/** How the delivery behind a timeline entry was verified, when Handoff recorded it. */
export function proofOf(entry) {
  return entry.evidence?.references?.['callback-authentication'] ?? null;
}

function toneOf(entry) {
  if (entry.disposition === 'LATE') {
    return 'late';
  }
  if (entry.disposition === 'AFTER_TERMINAL') {
    return 'after';
  }
  if (entry.disposition === 'RECORDED') {
    return 'recorded';
  }
  if (entry.state === 'FAILED' || entry.state === 'CANCELLED') {
    return 'fail';
  }
  if (entry.state === 'UNKNOWN') {
    return 'warn';
  }
  return 'ok';
}

/**
 * The rows of the diagram, in order: arrows between lanes and notes on one lane, each tied to the
 * timeline entry it shows (step) or drawn from it (inferred).
 */
export function rowsOf(op) {
  if (op.kind === 'WARM_HANDOFF') {
    return handoffRowsOf(op);
  }
  const rows = [];
  const timeline = op.timeline ?? [];
  const first = timeline[0];
  rows.push({
    type: 'arrow',
    role: 'api-request',
    from: 'application',
    to: 'handoff',
    label: API_PATHS[op.kind]?.(op) ?? op.kind,
    detail: op.operationContext ? `operationContext ${op.operationContext}` : 'request recorded: REQUESTED',
    step: 0,
    at: first?.at,
    tone: 'request',
  });
  let answered = false;
  let targetRung = false;
  let targetReplied = false;
  let finalShown = false;
  const hasTarget = op.kind !== 'CANCEL_ADD_PARTICIPANT';
  const responses = timeline
    .map((entry, step) => ({ entry, step }))
    .filter(({ entry }) => entry.source === 'PROVIDER_RESPONSE');
  let nextResponse = 0;
  // Handoff sends the request as soon as it is recorded (and again after an interruption); the
  // provider's answer is its own entry, which may come after the provider's first callback.
  const providerRequest = () => {
    const answer = responses[nextResponse++];
    const repeatable = answer?.entry.evidence?.references?.['Repeatability-Request-ID'];
    rows.push({
      type: 'arrow',
      role: 'provider-request',
      from: 'handoff',
      to: 'provider',
      label: PROVIDER_REQUESTS[op.kind] ?? 'request',
      detail: repeatable ? `Repeatability-Request-ID ${repeatable.slice(0, 8)}…` : 'sent',
      step: answer?.step ?? 0,
      tone: 'request',
    });
  };
  const ring = (step) => {
    if (hasTarget && !targetRung) {
      targetRung = true;
      rows.push({
        type: 'arrow',
        role: 'target-invited',
        from: 'provider',
        to: 'target',
        label: op.kind === 'REDIRECT' ? 'redirects the call' : 'rings the target',
        detail: 'as the provider does it',
        step,
        tone: 'inferred',
        dashed: true,
      });
    }
  };
  providerRequest();
  timeline.forEach((entry, step) => {
    if (step === 0) {
      return;
    }
    if (entry.source === 'PROVIDER_RESPONSE') {
      const status = entry.evidence?.httpStatus;
      rows.push({
        type: 'arrow',
        role: 'provider-response',
        from: 'provider',
        to: 'handoff',
        label: status ? `${status} ${HTTP_REASONS[status] ?? ''}`.trim() : entry.what,
        detail: [
          codes(entry.evidence),
          status ? entry.what : '',
          entry.disposition === 'APPLIED' ? `→ ${entry.state}` : entry.disposition,
        ]
          .filter(Boolean)
          .join(' · '),
        step,
        at: entry.at,
        tone: toneOf(entry),
        dashed: true,
        disposition: entry.disposition,
      });
      if (!answered) {
        answered = true;
        rows.push({
          type: 'arrow',
          role: 'api-response',
          from: 'handoff',
          to: 'application',
          label: `202 Accepted · ${entry.state}`,
          detail: 'the operation, and its Location',
          step,
          tone: 'reply',
          dashed: true,
        });
      }
      if (status >= 200 && status < 300 && !FINAL.includes(entry.state)) {
        ring(step);
      }
    } else if (entry.source === 'PROVIDER_EVENT') {
      if (
        hasTarget &&
        !targetReplied &&
        entry.disposition === 'APPLIED' &&
        ['ACCEPTED', 'COMPLETED', 'FAILED'].includes(entry.state)
      ) {
        targetReplied = true;
        ring(step);
        const reason = entry.failure?.reason;
        rows.push({
          type: 'arrow',
          role: 'target-reply',
          from: 'target',
          to: 'provider',
          label: reason ? reason : 'answers',
          detail: reason ? codes(entry.failure?.evidence ?? entry.evidence) : 'as the provider reports',
          step,
          tone: 'inferred',
          dashed: true,
        });
      }
      const proof = proofOf(entry);
      rows.push({
        type: 'arrow',
        role: 'callback',
        from: 'provider',
        to: 'handoff',
        label: `callback ${eventName(entry.what)}`,
        detail: [
          codes(entry.evidence),
          `${entry.disposition}${entry.disposition === 'APPLIED' ? ` → ${entry.state}` : ''}`,
        ]
          .filter(Boolean)
          .join(' · '),
        note: proof ? `✓ ${PROOFS[proof] ?? proof}` : null,
        step,
        at: entry.at,
        tone: toneOf(entry),
        proof,
        disposition: entry.disposition,
      });
    } else {
      const resent = entry.what.startsWith('sent again');
      rows.push({
        type: 'note',
        role: 'handoff-note',
        lane: 'handoff',
        label: entry.what,
        detail: `${entry.disposition} → ${entry.state}`,
        step,
        at: entry.at,
        tone: toneOf(entry),
      });
      if (resent) {
        providerRequest();
      }
    }
    if (!finalShown && entry.disposition === 'APPLIED' && ['COMPLETED', 'FAILED', 'CANCELLED', 'UNKNOWN'].includes(entry.state)) {
      finalShown = entry.state !== 'UNKNOWN';
      rows.push({
        type: 'arrow',
        role: 'api-event',
        from: 'handoff',
        to: 'application',
        label: `operation ${entry.state}${entry.failure ? ` · ${entry.failure.reason}` : ''}`,
        detail: 'on its event stream, and by GET',
        step,
        tone: toneOf(entry),
        dashed: true,
      });
    }
  });
  return rows;
}

function clip(text) {
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
}

function laneTitle(lane, op, emulated) {
  if (op.kind === 'WARM_HANDOFF' && (lane === 'caller' || lane === 'agent')) {
    return handoffLaneTitle(lane, op).map((text) => clip(text).slice(0, 22));
  }
  switch (lane) {
    case 'application':
      return ['Application', 'your IVR or bot'];
    case 'handoff':
      return ['Handoff', 'this service'];
    case 'provider':
      return [PROVIDERS[op.provider] ?? op.provider, emulated ? 'embedded emulator' : op.provider];
    default:
      return [
        op.kind === 'CANCEL_ADD_PARTICIPANT' ? 'Invitee' : 'Target',
        clip(targetOf(op) || participant(op.request?.participant)).slice(0, 22),
      ];
  }
}

/**
 * @param {object} op the operation, as the API returns it
 * @param {{emulated?: boolean, onStep?: Function}} options
 * @returns {SVGSVGElement}
 */
export function sequenceDiagram(op, options = {}) {
  const rows = rowsOf(op);
  const lanes = lanesOf(op);
  const width = widthOf(lanes);
  const height = TOP + rows.length * ROW + 34;
  const title = `Sequence of ${op.kind} ${op.id}: ${rows.length} exchanges, now ${op.state}`;
  const root = svg('svg', {
    id: 'sequence',
    class: 'sequence',
    viewBox: `0 0 ${width} ${height}`,
    role: 'group',
    'aria-label': title,
    'data-rows': String(rows.length),
  });
  root.append(
    svg(
      'defs',
      {},
      ...['request', 'ok', 'fail', 'warn', 'late', 'after', 'recorded', 'reply', 'inferred'].map((tone) =>
        svg(
          'marker',
          {
            id: `arrow-${tone}`,
            viewBox: '0 0 10 10',
            refX: '9',
            refY: '5',
            markerWidth: '7',
            markerHeight: '7',
            orient: 'auto-start-reverse',
            class: `marker tone-${tone}`,
          },
          svg('path', { d: 'M 0 0 L 10 5 L 0 10 z' }),
        ),
      ),
    ),
  );
  for (const lane of lanes) {
    const x = laneX(lane, lanes);
    const [name, sub] = laneTitle(lane, op, options.emulated);
    root.append(
      svg('line', { class: `lifeline lane-${lane}`, x1: x, x2: x, y1: TOP - 8, y2: height - 12 }),
      svg('rect', { class: `lane-head lane-${lane}`, x: x - 74, y: 4, width: 148, height: 40, rx: 6 }),
      svg('text', { class: 'lane-name', x, y: 21, 'text-anchor': 'middle' }, name),
      svg('text', { class: 'lane-sub', x, y: 36, 'text-anchor': 'middle' }, sub),
    );
  }
  let previous = op.timeline?.[0]?.at;
  rows.forEach((row, index) => {
    const y = TOP + index * ROW + 28;
    const group = svg('g', {
      class: `row role-${row.role} tone-${row.tone}`,
      tabindex: '0',
      role: 'button',
      'data-role': row.role,
      'data-step': String(row.step),
      'data-proof': row.proof ?? null,
      'data-disposition': row.disposition ?? null,
      'data-handoff-step': row.handoffStep ?? null,
      'aria-label': `${[row.label, row.detail, row.note].filter(Boolean).join('. ')}. Show the evidence.`,
    });
    group.append(svg('title', {}, [row.label, row.detail, row.note].filter(Boolean).join('\n')));
    if (row.at) {
      const since = previous ? between(previous, row.at) : 0;
      group.append(
        svg('text', { class: 'elapsed', x: 6, y: y + 4 }, index === 0 ? '0 ms' : `+${duration(since)}`),
      );
      previous = row.at;
    }
    if (row.type === 'arrow') {
      const x1 = laneX(row.from, lanes);
      const x2 = laneX(row.to, lanes);
      const direction = Math.sign(x2 - x1);
      const middle = (x1 + x2) / 2;
      group.append(
        svg('rect', {
          class: 'hit',
          x: Math.min(x1, x2),
          y: y - 24,
          width: Math.abs(x2 - x1),
          height: ROW - 4,
        }),
        svg('line', {
          class: `arrow${row.dashed ? ' dashed' : ''}`,
          x1: x1 + direction * 3,
          y1: y,
          x2: x2 - direction * 3,
          y2: y,
          'marker-end': `url(#arrow-${row.tone})`,
        }),
        svg('text', { class: 'label', x: middle, y: y - 7, 'text-anchor': 'middle' }, clip(row.label)),
        svg('text', { class: 'detail', x: middle, y: y + 15, 'text-anchor': 'middle' }, clip(row.detail ?? '')),
      );
      if (row.note) {
        group.append(svg('text', { class: 'proof', x: middle, y: y + 28, 'text-anchor': 'middle' }, row.note));
      }
    } else {
      const x = laneX(row.lane, lanes);
      group.append(
        svg('rect', { class: 'note', x: x - 86, y: y - 20, width: 172, height: 40, rx: 4 }),
        svg('text', { class: 'label', x, y: y - 4, 'text-anchor': 'middle' }, clip(row.label).slice(0, 30)),
        svg('text', { class: 'detail', x, y: y + 12, 'text-anchor': 'middle' }, clip(row.detail ?? '')),
      );
    }
    const open = () => options.onStep?.(row.step);
    group.addEventListener('click', open);
    group.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        open();
      }
    });
    root.append(group);
  });
  const timeline = op.timeline ?? [];
  if (timeline.length > 1) {
    const total = between(timeline[0].at, timeline[timeline.length - 1].at);
    root.append(
      svg(
        'text',
        { class: 'elapsed total', x: 6, y: height - 10 },
        `${duration(total)} from request to last entry`,
      ),
    );
  }
  return root;
}
