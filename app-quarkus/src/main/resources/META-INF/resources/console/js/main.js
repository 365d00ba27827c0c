// The console's start: find out whether the service asks for a credential, ask for one if so,
// then show the live list, the operation view and, where the embedded emulator runs, Try it.
// Routes: #/ (list), #/operations/<id> (an operation), #/try (Try it).

import {
  ApiError,
  forgetCredential,
  get,
  isAuthRequired,
  loadCredential,
  onUnauthenticated,
  saveCredential,
  setAuthRequired,
} from './api.js';
import { OperationList } from './list.js';
import { OperationView } from './operation.js';
import { TryIt } from './tryit.js';
import { el } from './format.js';
import { clearErrors, showProblem } from './forms.js';

const $ = (id) => document.getElementById(id);

const state = {
  started: false,
  emulator: null,
  list: null,
  view: null,
};

function setLive(live, text) {
  const status = $('live-status');
  status.dataset.live = String(live);
  status.textContent = text ?? (live ? 'live' : 'reconnecting…');
}

function banner(message, retry) {
  const box = $('banner');
  if (!message) {
    box.hidden = true;
    return;
  }
  $('banner-text').textContent = message;
  $('banner-retry').hidden = !retry;
  $('banner-retry').onclick = retry ?? null;
  box.hidden = false;
}

function showSignIn(message) {
  state.list?.stop();
  state.view?.close();
  $('app').hidden = true;
  $('sign-out').hidden = true;
  $('signin').hidden = false;
  setLive(false, 'signed out');
  const error = $('credential-error');
  error.hidden = !message;
  error.textContent = message ?? '';
  const input = $('credential');
  if (message) {
    input.setAttribute('aria-invalid', 'true');
  } else {
    input.removeAttribute('aria-invalid');
  }
  input.focus();
}

/** Does the service answer without a credential (authentication off, the demo profile)? */
async function probe() {
  try {
    const { data } = await get('/v1/capabilities', { anonymous: true });
    return { open: true, capabilities: data };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return { open: false };
    }
    throw error;
  }
}

async function signIn(event) {
  event.preventDefault();
  const value = $('credential').value.trim();
  if (!value) {
    showSignIn('Enter the API key or token this service was given (HANDOFF_API_KEYS, or your identity provider’s token).');
    return;
  }
  const candidate = { kind: $('credential-kind').value, value };
  $('signin-submit').disabled = true;
  try {
    const { data } = await get('/v1/capabilities', { credential: candidate });
    saveCredential(candidate);
    $('credential').value = '';
    await start(data);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      showSignIn(
        candidate.kind === 'bearer'
          ? 'The service refused this token (401): it may be expired, for another audience, or not signed by a trusted key.'
          : 'The service refused this API key (401). Check it against HANDOFF_API_KEYS.',
      );
    } else {
      showSignIn(`Could not check the credential: ${error.message}`);
    }
  } finally {
    $('signin-submit').disabled = false;
  }
}

async function boot() {
  $('signin-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', () => {
    forgetCredential();
    location.hash = '#/';
    showSignIn();
  });
  onUnauthenticated(() => {
    forgetCredential();
    showSignIn('The service no longer accepts the credential (401). Sign in again.');
  });
  let found;
  try {
    found = await probe();
  } catch (error) {
    setLive(false, 'offline');
    banner(`The service does not answer: ${error.message}`, () => location.reload());
    return;
  }
  if (found.open) {
    setAuthRequired(false);
    $('auth-status').textContent = 'authentication off';
    await start(found.capabilities);
    return;
  }
  setAuthRequired(true);
  const stored = loadCredential();
  if (!stored) {
    showSignIn();
    return;
  }
  try {
    const { data } = await get('/v1/capabilities', { credential: stored });
    await start(data);
  } catch (error) {
    forgetCredential();
    showSignIn(
      error instanceof ApiError && error.status === 401
        ? 'The stored credential is no longer accepted (401). Sign in again.'
        : `Could not check the stored credential: ${error.message}`,
    );
  }
}

async function start(capabilities) {
  banner(null);
  $('signin').hidden = true;
  $('app').hidden = false;
  $('sign-out').hidden = !isAuthRequired();
  const provider = $('provider');
  provider.hidden = false;
  provider.textContent = `provider: ${capabilities.provider}`;
  const providers = $('filter-provider');
  if (![...providers.options].some((option) => option.value === capabilities.provider)) {
    providers.append(el('option', { value: capabilities.provider }, capabilities.provider));
  }
  if (!state.started) {
    state.started = true;
    state.emulator = await emulator();
    state.list = new OperationList({
      body: document.querySelector('#operation-list tbody'),
      status: $('list-status'),
      empty: $('list-empty'),
      loadMore: $('load-more'),
      onLive: (live, text) => setLive(live, text),
      onError: (error) => {
        if (error instanceof ApiError && error.status === 400) {
          showProblem($('filters'), error);
        } else if (error instanceof ApiError && error.status === 401) {
          forgetCredential();
          showSignIn('The service no longer accepts the credential (401). Sign in again.');
        } else {
          banner(`The operations could not be read: ${error.message}`, () => {
            banner(null);
            state.list.start(filters());
          });
        }
      },
    });
    state.view = new OperationView({
      article: $('operation'),
      empty: $('operation-empty'),
      error: $('operation-error'),
      emulated: () => Boolean(state.emulator),
      canCancelInvitation: () => capabilities.features?.includes('cancel-add-participant') ?? true,
      onCancelled: (cancel) => {
        location.hash = `#/operations/${encodeURIComponent(cancel.id)}`;
      },
    });
    const refilter = () => {
      clearErrors($('filters'));
      state.list.start(filters());
    };
    $('filters').addEventListener('submit', (event) => {
      event.preventDefault();
      refilter();
    });
    for (const id of ['filter-state', 'filter-kind', 'filter-provider']) {
      $(id).addEventListener('change', refilter);
    }
    if (state.emulator) {
      provider.textContent += ' (embedded emulator)';
      $('tab-try').hidden = false;
      new TryIt({
        demoCallId: state.emulator.demoCallId,
        provider: state.emulator.provider,
        capabilities,
        onSubmitted: (operation) => {
          location.hash = `#/operations/${encodeURIComponent(operation.id)}`;
        },
      }).init();
    }
    addEventListener('hashchange', route);
  }
  state.list.start(filters());
  route();
}

async function emulator() {
  try {
    const { data } = await get('/v1/emulator');
    return data;
  } catch {
    return null;
  }
}

function filters() {
  return {
    state: $('filter-state').value,
    kind: $('filter-kind').value,
    callId: $('filter-call').value.trim(),
    provider: $('filter-provider').value,
  };
}

function route() {
  const hash = location.hash || (state.emulator ? '#/try' : '#/');
  const operation = /^#\/operations\/(.+)$/.exec(hash);
  const trying = hash === '#/try' && state.emulator;
  $('try-pane').hidden = !trying;
  $('operation-pane').hidden = trying;
  $('tab-try').setAttribute('aria-current', trying ? 'page' : 'false');
  $('tab-operation').setAttribute('aria-current', trying ? 'false' : 'page');
  if (operation) {
    const id = decodeURIComponent(operation[1]);
    $('tab-operation').href = hash;
    state.list.select(id);
    if (state.view.operation?.id !== id || $('operation').dataset.operationId !== id) {
      state.view.show(id);
    }
  } else if (!trying) {
    state.list.select(null);
    state.view.hide();
  }
}

boot();
