// A warm handoff's timeline as rows of the sequence diagram. A handoff is many provider actions
// (its steps: hold, reach, brief, connect, undo, fallback), each recorded before it is sent; every
// entry that concerns a step names it. Besides the exchanges Handoff saw, the diagram draws what the
// caller and the agents experience, lighter, as the provider reported it: hold audio, the agent's
// phone ringing and answering (or not), the briefing the agent alone hears, the moment the caller
// is put through or back with the bot.

import { participant, shortId } from './format.js';

/** The lanes of a handoff's diagram, left to right. */
export const HANDOFF_LANES = ['application', 'handoff', 'provider', 'caller', 'agent'];

const FINAL = ['COMPLETED', 'FAILED', 'CANCELLED', 'UNKNOWN'];

const HTTP_REASONS = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content' };

/** Who target t (from 0) is, as the request named it. */
export function targetName(op, t) {
  if (t === null || t === undefined || t < 0) {
    return participant(op.request?.fallback?.participant) || 'the last target';
  }
  return participant(op.request?.targets?.[t]?.participant) || `target ${t + 1}`;
}

/** What a step asks of the provider, in words. */
export function stepLabel(op, step) {
  const who = targetName(op, step.target);
  const consultation = op.provider === 'graph';
  switch (`${step.kind}:${step.action}`) {
    case 'HOLD:findTransferee':
      return 'who is the caller? (participants)';
    case 'HOLD:hold':
      return 'hold the caller, with hold audio';
    case 'REACH:addParticipant':
      return `invite ${who}`;
    case 'REACH:placeCall':
      return `consultation call to ${who}`;
    case 'BRIEF:play':
      return `brief ${who}, to them alone`;
    case 'CONNECT:resume':
      return 'take the caller off hold';
    case 'CONNECT:transfer':
      return consultation ? `transfer the caller, replacing the consultation` : `transfer to ${who}`;
    case 'CONNECT:hangUp':
      return 'the bot leaves the call';
    case 'UNDO:cancelAddParticipant':
      return `withdraw the invitation to ${who}`;
    case 'UNDO:removeParticipant':
      return `remove ${who}`;
    case 'UNDO:hangUp':
      return `hang up on ${who}`;
    case 'FALLBACK:resume':
      return 'caller off hold, back to the bot';
    case 'FALLBACK:transfer':
      return `caller on to ${who}`;
    default:
      return `${step.kind.toLowerCase()}: ${step.action}`;
  }
}

function stepDetail(step) {
  return `step ${step.step} · ${step.kind}${step.target !== null && step.target !== undefined ? ` · target ${step.target + 1}` : ''}`;
}

function tone(entry) {
  if (entry.disposition === 'LATE') {
    return 'late';
  }
  if (entry.disposition === 'AFTER_TERMINAL') {
    return 'after';
  }
  if (entry.disposition === 'RECORDED') {
    return 'recorded';
  }
  const status = entry.step?.status;
  if (status === 'FAILED' || entry.state === 'FAILED' || entry.state === 'CANCELLED') {
    return 'fail';
  }
  if (status === 'UNKNOWN' || entry.state === 'UNKNOWN') {
    return 'warn';
  }
  return 'ok';
}

function eventName(what) {
  const dot = what.lastIndexOf('.');
  return what.startsWith('Microsoft.') && dot > 0 ? what.slice(dot + 1) : what;
}

/**
 * What the caller or an agent experiences once a step reaches this status, as the provider reports
 * it: null when nothing they notice changes.
 */
function experienceOf(op, step, failure) {
  const who = targetName(op, step.target);
  const key = `${step.kind}:${step.action}:${step.status}`;
  switch (key) {
    case 'HOLD:hold:SUCCEEDED':
      return { from: 'provider', to: 'caller', label: 'on hold: hold audio plays', role: 'caller-hears' };
    case 'REACH:addParticipant:ACCEPTED':
    case 'REACH:placeCall:ACCEPTED':
    case 'REACH:placeCall:IN_PROGRESS':
      return { from: 'provider', to: 'agent', label: `rings ${who}`, role: 'agent-rings' };
    case 'REACH:addParticipant:SUCCEEDED':
    case 'REACH:placeCall:SUCCEEDED':
      return { from: 'agent', to: 'provider', label: `${who} answers`, role: 'agent-reply' };
    case 'REACH:addParticipant:FAILED':
    case 'REACH:placeCall:FAILED':
      return {
        from: 'agent',
        to: 'provider',
        label: `${who}: ${failure?.reason ?? 'not reached'}`,
        role: 'agent-reply',
        fail: true,
      };
    case 'BRIEF:play:IN_PROGRESS':
    case 'BRIEF:play:SUCCEEDED':
      return { from: 'provider', to: 'agent', label: `${who} alone hears the briefing`, role: 'agent-hears' };
    case 'CONNECT:resume:SUCCEEDED':
    case 'CONNECT:transfer:SUCCEEDED':
      return { from: 'provider', to: 'caller', label: `with ${who}`, role: 'caller-connected' };
    case 'FALLBACK:resume:SUCCEEDED':
      return { from: 'provider', to: 'caller', label: 'off hold, back with the bot', role: 'caller-connected' };
    case 'FALLBACK:transfer:SUCCEEDED':
      return { from: 'provider', to: 'caller', label: `on to ${who}`, role: 'caller-connected' };
    default:
      return null;
  }
}

/**
 * The rows of a handoff's diagram, in order: each tied to the timeline entry it shows (step) or
 * drawn from it (the caller's and the agents' side).
 */
export function handoffRowsOf(op) {
  const rows = [];
  const timeline = op.timeline ?? [];
  const targets = op.request?.targets ?? [];
  rows.push({
    type: 'arrow',
    role: 'api-request',
    from: 'application',
    to: 'handoff',
    label: `POST /v1/calls/${shortId(op.callId)}/handoffs`,
    detail: `${targets.length} target${targets.length === 1 ? '' : 's'}${op.request?.briefing ? ' · briefing' : ''}`,
    step: 0,
    at: timeline[0]?.at,
    tone: 'request',
  });
  let answered = false;
  let finalShown = false;
  const drawn = new Set();
  const experience = (entry, index) => {
    const failure =
      entry.failure ?? op.handoff?.steps?.find((s) => s.step === entry.step?.step)?.failure;
    const found = entry.step ? experienceOf(op, entry.step, failure) : null;
    const key = found && `${entry.step.step}:${found.role}`;
    if (!found || drawn.has(key)) {
      return;
    }
    drawn.add(key);
    rows.push({
      type: 'arrow',
      role: found.role,
      from: found.from,
      to: found.to,
      label: found.label,
      detail: 'as the provider reports',
      step: index,
      tone: found.fail ? 'fail' : 'inferred',
      dashed: true,
      handoffStep: entry.step.step,
    });
  };
  timeline.forEach((entry, index) => {
    if (index === 0) {
      return;
    }
    const step = entry.step;
    if (entry.source === 'PROVIDER_RESPONSE') {
      const status = entry.evidence?.httpStatus;
      rows.push({
        type: 'arrow',
        role: 'provider-response',
        from: 'provider',
        to: 'handoff',
        label: status ? `${status} ${HTTP_REASONS[status] ?? ''}`.trim() : entry.what,
        detail: step ? `${stepDetail(step)} → ${step.status}` : entry.disposition,
        step: index,
        at: entry.at,
        tone: tone(entry),
        dashed: true,
        disposition: entry.disposition,
        handoffStep: step?.step,
      });
      if (!answered) {
        answered = true;
        rows.push({
          type: 'arrow',
          role: 'api-response',
          from: 'handoff',
          to: 'application',
          label: '202 Accepted',
          detail: 'the operation, and its Location',
          step: index,
          tone: 'reply',
          dashed: true,
        });
      }
      experience(entry, index);
    } else if (entry.source === 'PROVIDER_EVENT') {
      experience(entry, index);
      rows.push({
        type: 'arrow',
        role: 'callback',
        from: 'provider',
        to: 'handoff',
        label: `callback ${eventName(entry.what)}`,
        detail: step ? `${stepDetail(step)} → ${step.status}` : entry.disposition,
        step: index,
        at: entry.at,
        tone: tone(entry),
        disposition: entry.disposition,
        handoffStep: step?.step,
      });
    } else if (step && step.status === 'REQUESTED') {
      rows.push({
        type: 'arrow',
        role: 'provider-request',
        from: 'handoff',
        to: 'provider',
        label: stepLabel(op, step),
        detail: `${stepDetail(step)} · ${step.action}`,
        step: index,
        at: entry.at,
        tone: 'request',
        handoffStep: step.step,
        stepKind: step.kind,
      });
    } else {
      rows.push({
        type: 'note',
        role: 'handoff-note',
        lane: 'handoff',
        label: entry.what,
        detail: step ? `${stepDetail(step)} → ${step.status}` : `${entry.disposition} → ${entry.state}`,
        step: index,
        at: entry.at,
        tone: tone(entry),
        handoffStep: step?.step,
      });
      experience(entry, index);
    }
    if (!finalShown && entry.disposition === 'APPLIED' && FINAL.includes(entry.state)) {
      finalShown = entry.state !== 'UNKNOWN';
      rows.push({
        type: 'arrow',
        role: 'api-event',
        from: 'handoff',
        to: 'application',
        label: `operation ${entry.state}${entry.failure ? ` · ${entry.failure.reason}` : ''}`,
        detail: 'on its event stream, and by GET',
        step: index,
        tone: tone(entry),
        dashed: true,
      });
    }
  });
  return rows;
}

/** The title and subtitle of a handoff lane. */
export function handoffLaneTitle(lane, op) {
  if (lane === 'caller') {
    return ['Caller', participant(op.handoff?.transferee) || participant(op.request?.transferee) || 'on hold'];
  }
  const targets = op.request?.targets ?? [];
  return [
    targets.length === 1 ? 'Agent' : 'Agents',
    targets.length === 1 ? targetName(op, 0) : `${targets.length} targets, in turn`,
  ];
}
