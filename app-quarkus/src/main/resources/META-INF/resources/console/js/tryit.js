// Try it: drive the embedded emulator (through this service's /v1/emulator controls, behind the
// same authentication) and submit operations from forms.

import { del, get, post } from './api.js';
import { clearErrors, markField, showProblem, submitting, wholeNumber } from './forms.js';
import { el } from './format.js';

const TARGET_FIELDS = { phoneNumber: 'value', acsUser: 'id', teamsUser: 'userId', raw: 'rawId' };

/**
 * What differs with the provider the emulator plays: its name, the provider requests a fault can
 * name (as the emulator names them), and the event name of a transfer's acceptance callback.
 */
const PROVIDERS = {
  acs: {
    name: 'ACS Call Automation',
    requests: ['acs.transfer', 'acs.addParticipant', 'acs.cancelAddParticipant', 'acs.redirect'],
    acceptedEvent: 'CallTransferAccepted',
  },
  graph: {
    name: 'Microsoft Graph (a bot’s calls)',
    requests: ['graph.transfer', 'graph.invite', 'graph.redirect'],
    acceptedEvent: 'call.transferAccepted',
  },
};

const $ = (id) => document.getElementById(id);

/** Reads a form control's trimmed text, or undefined when empty. */
function text(id) {
  const value = $(id).value.trim();
  return value === '' ? undefined : value;
}

export class TryIt {
  /**
   * @param {{demoCallId: string, provider?: string, capabilities?: {features?: string[],
   *          addressable?: string[]}, onSubmitted: (operation: object) => void}} options
   */
  constructor(options) {
    this.options = options;
    this.calls = [];
    this.incoming = new Map();
  }

  init() {
    this.fitProvider();
    if (this.options.demoCallId) {
      this.remember(this.options.demoCallId);
    }
    for (const button of document.querySelectorAll('#try-pane .new-call')) {
      button.addEventListener('click', () => this.makeCall(button));
    }
    this.wire('outcome-form', () => this.script());
    this.wire('fault-form', () => this.injectFault());
    this.wire('callback-fault-form', () => this.injectCallbackFault());
    this.wire('transfer-form', () => this.transfer());
    this.wire('add-form', () => this.add());
    this.wire('incoming-form', () => this.announce());
    this.wire('redirect-form', () => this.redirect());
    $('scripts-clear').addEventListener('click', async () => {
      await del('/v1/emulator/outcomes').catch(() => {});
      this.refreshScripts();
    });
    $('faults-clear').addEventListener('click', async () => {
      await del('/v1/emulator/faults').catch(() => {});
      this.refreshFaults();
    });
    $('fault-type').addEventListener('change', () => this.showFaultFields());
    $('submit-what').addEventListener('change', () => this.showSubmitForm());
    this.showFaultFields();
    this.showSubmitForm();
    this.refreshScripts();
    this.refreshFaults();
    this.refreshIncoming();
  }

  /**
   * Offers only what the provider the emulator plays can do: its fault menu and event names, the
   * target kinds it addresses, and the fields it can carry (the rest are hidden and emptied, so
   * that nothing is sent that it would refuse).
   */
  fitProvider() {
    const provider = PROVIDERS[this.options.provider] ?? PROVIDERS.acs;
    $('try-provider').textContent = provider.name;
    $('fault-operation').replaceChildren(
      ...provider.requests.map((name) => el('option', { value: name }, name)),
    );
    $('cbfault-event').value = provider.acceptedEvent;
    const capabilities = this.options.capabilities;
    if (!capabilities) {
      return;
    }
    const addressable = new Set(capabilities.addressable ?? []);
    for (const option of [...$('transfer-target-kind').options]) {
      if (!addressable.has(option.value)) {
        option.remove();
      }
    }
    const features = new Set(capabilities.features ?? []);
    for (const field of document.querySelectorAll('#try-pane [data-needs]')) {
      const carried = features.has(field.dataset.needs);
      field.hidden = !carried;
      if (!carried) {
        for (const input of field.querySelectorAll('input')) {
          input.value = '';
        }
      }
    }
  }

  wire(formId, action) {
    const form = $(formId);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearErrors(form);
      submitting(form, action);
    });
  }

  remember(callId) {
    if (!this.calls.includes(callId)) {
      this.calls.push(callId);
    }
    $('known-calls').replaceChildren(...this.calls.map((id) => el('option', { value: id })));
    $('transfer-call').value = callId;
    $('add-call').value = callId;
  }

  /** Makes a new connected call in the emulator and puts it in the forms. */
  async makeCall(button) {
    const form = button.closest('form');
    clearErrors(form);
    button.disabled = true;
    try {
      const { data } = await post('/v1/emulator/calls', {});
      this.remember(data.callId);
    } catch (error) {
      if (error.name !== 'ApiError') {
        throw error;
      }
      showProblem(form, error);
    } finally {
      button.disabled = false;
    }
  }

  async script() {
    await post('/v1/emulator/outcomes', {
      target: $('outcome-target').value.trim(),
      outcome: { kind: $('outcome-kind').value },
    });
    await this.refreshScripts();
  }

  async refreshScripts() {
    try {
      const { data } = await get('/v1/emulator/outcomes');
      const entries = Object.entries(data ?? {});
      $('scripts').textContent =
        entries.length === 0
          ? 'nothing: every target accepts'
          : entries.map(([target, outcome]) => `${target} → ${outcome.kind}`).join('; ');
    } catch {
      $('scripts').textContent = 'unknown (the emulator controls did not answer)';
    }
  }

  showFaultFields() {
    const type = $('fault-type').value;
    for (const field of document.querySelectorAll('#fault-form [data-for-type]')) {
      field.hidden = !field.dataset.forType.split(' ').includes(type);
    }
  }

  async injectFault() {
    const type = $('fault-type').value;
    const action = { type };
    if (type === 'error') {
      action.status = wholeNumber($('fault-status'));
    } else if (type === 'latency') {
      action.millis = wholeNumber($('fault-millis'));
    } else {
      action.afterExecution = $('fault-after').checked;
    }
    const times = wholeNumber($('fault-times'));
    if (Object.values(action).includes(null) || times === null) {
      return;
    }
    await post('/v1/emulator/faults', { operation: $('fault-operation').value, action, times });
    await this.refreshFaults();
  }

  async injectCallbackFault() {
    const times = wholeNumber($('cbfault-times'));
    if (times === null) {
      return;
    }
    await post('/v1/emulator/callback-faults', {
      event: text('cbfault-event'),
      kind: $('cbfault-kind').value,
      times,
    });
    await this.refreshFaults();
  }

  async refreshFaults() {
    try {
      const { data } = await get('/v1/emulator/faults');
      const shown = [];
      for (const rule of Object.values(data.requests ?? {})) {
        const a = rule.action ?? {};
        const what = a.type === 'error' ? `error ${a.status}` : a.type === 'latency' ? `${a.millis} ms late` : a.type;
        shown.push(`${rule.operation ?? 'any request'}: ${what}${rule.times ? ` ×${rule.times}` : ''}`);
      }
      for (const fault of Object.values(data.callbacks ?? {})) {
        shown.push(`${fault.event ?? 'any callback'}: ${fault.kind}${fault.times ? ` ×${fault.times}` : ''}`);
      }
      $('faults').textContent = shown.length ? shown.join('; ') : 'none';
    } catch {
      $('faults').textContent = 'unknown (the emulator controls did not answer)';
    }
  }

  showSubmitForm() {
    const what = $('submit-what').value;
    for (const form of document.querySelectorAll('#try-pane [data-what]')) {
      form.hidden = form.dataset.what !== what;
    }
  }

  /** The call in the URL path must be there before anything can be sent. */
  callOf(inputId) {
    const call = text(inputId);
    if (!call) {
      markField($(inputId), 'choose a call (make one above)');
    }
    return call;
  }

  async transfer() {
    const call = this.callOf('transfer-call');
    if (!call) {
      return;
    }
    const kind = $('transfer-target-kind').value;
    const body = { target: { kind, [TARGET_FIELDS[kind]]: $('transfer-target').value.trim() } };
    const uui = text('transfer-uui');
    if (uui) {
      body.context = { userToUser: uui };
    }
    const context = text('transfer-context');
    if (context) {
      body.operationContext = context;
    }
    const replaces = text('transfer-replaces');
    if (replaces) {
      body.replacesCallId = replaces;
    }
    const { data } = await post(`/v1/calls/${encodeURIComponent(call)}/transfers`, body);
    this.options.onSubmitted(data);
  }

  async add() {
    const call = this.callOf('add-call');
    const timeout = wholeNumber($('add-timeout'));
    if (!call || timeout === null) {
      return;
    }
    const body = { participant: { kind: 'phoneNumber', value: $('add-participant').value.trim() } };
    const callerId = text('add-caller-id');
    if (callerId) {
      body.sourceCallerId = callerId;
    }
    if (timeout !== undefined) {
      body.invitationTimeoutSeconds = timeout;
    }
    const { data } = await post(`/v1/calls/${encodeURIComponent(call)}/participants`, body);
    this.options.onSubmitted(data);
  }

  async announce() {
    const { data } = await post('/v1/emulator/incoming-calls', {
      from: $('incoming-from').value.trim(),
      to: $('incoming-to').value.trim(),
    });
    // The emulator announces the call to this service asynchronously, as Event Grid would.
    for (let attempt = 0; attempt < 20; attempt++) {
      await this.refreshIncoming();
      if (this.incoming.has(data.callId)) {
        $('redirect-call').value = data.callId;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    markField($('incoming-from'), 'announced, but the service has not heard of it yet; try Redirect in a moment');
  }

  async refreshIncoming() {
    try {
      const { data } = await get('/v1/incoming-calls');
      this.incoming = new Map((data ?? []).map((call) => [call.callId, call]));
      const select = $('redirect-call');
      const chosen = select.value;
      select.replaceChildren(
        ...(data ?? []).map((call) =>
          el('option', { value: call.callId }, `${call.from?.value ?? call.from?.rawId ?? '?'} → ${call.to?.value ?? call.to?.rawId ?? '?'} (${call.callId.slice(0, 10)}…)`),
        ),
      );
      if (select.options.length === 0) {
        select.append(el('option', { value: '' }, '(announce one first)'));
      }
      if (chosen && this.incoming.has(chosen)) {
        select.value = chosen;
      }
    } catch {
      // The list stays as it was; the form says more when it is used.
    }
  }

  async redirect() {
    const call = $('redirect-call').value;
    if (!call) {
      markField($('redirect-call'), 'announce an incoming call first');
      return;
    }
    const body = {
      incomingCallContext: this.incoming.get(call)?.incomingCallContext,
      targets: [{ kind: 'phoneNumber', value: $('redirect-target').value.trim() }],
    };
    const { data } = await post(`/v1/incoming-calls/${encodeURIComponent(call)}/redirect`, body);
    this.options.onSubmitted(data);
  }
}
