// Form plumbing: the API's problem+json shown where it belongs. Each violation names a JSON path
// (target.value, context.userToUser, targets[0].value); it is shown beside the field whose
// data-path is the longest prefix of that path, and anything no field claims at the form's head.

import { el } from './format.js';

function fields(form) {
  return [...form.querySelectorAll('[data-path]')];
}

function errorFor(input) {
  const id = `${input.id}-error`;
  let message = document.getElementById(id);
  if (!message) {
    message = el('p', { id, class: 'field-error', hidden: true });
    (input.closest('.field') ?? input.parentElement).append(message);
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    if (!described.includes(id)) {
      described.push(id);
      input.setAttribute('aria-describedby', described.join(' '));
    }
  }
  return message;
}

function formError(form) {
  return form.querySelector(':scope > .form-error');
}

export function clearErrors(form) {
  for (const input of fields(form)) {
    input.removeAttribute('aria-invalid');
    const message = document.getElementById(`${input.id}-error`);
    if (message) {
      message.hidden = true;
      message.textContent = '';
    }
  }
  const head = formError(form);
  if (head) {
    head.hidden = true;
    head.replaceChildren();
  }
}

/** The field that a violation's path belongs to, if any. */
export function fieldFor(form, path) {
  let best = null;
  for (const input of fields(form)) {
    if (input.closest('[hidden]')) {
      continue;
    }
    const own = input.dataset.path;
    const matches =
      path === own || path.startsWith(`${own}.`) || path.startsWith(`${own}[`) || own === '*';
    if (matches && (!best || own.length > best.dataset.path.length)) {
      best = input;
    }
  }
  return best;
}

/** Marks a field invalid with a message. */
export function markField(input, message) {
  const target = errorFor(input);
  target.textContent = target.hidden || !target.textContent ? message : `${target.textContent}; ${message}`;
  target.hidden = false;
  input.setAttribute('aria-invalid', 'true');
}

function describe(violation) {
  const value = violation.value ? ` (got ${violation.value})` : '';
  return `${violation.rule}${value}`;
}

/** Shows an ApiError on the form: violations beside their fields, the rest at its head. */
export function showProblem(form, error) {
  clearErrors(form);
  const violations = error.problem?.violations ?? [];
  const unclaimed = [];
  let first = null;
  for (const violation of violations) {
    const input = fieldFor(form, violation.field ?? '');
    if (input) {
      markField(input, describe(violation));
      first ??= input;
    } else {
      unclaimed.push(violation);
    }
  }
  const head = formError(form);
  if (head) {
    const title = error.problem?.title ?? 'The request failed';
    const summary =
      violations.length > 0 && unclaimed.length === 0
        ? `${title}: see the marked field${violations.length > 1 ? 's' : ''}.`
        : `${title}: ${error.message}`;
    head.append(el('span', {}, summary));
    if (unclaimed.length > 0) {
      head.append(
        el(
          'ul',
          {},
          unclaimed.map((v) => el('li', {}, el('code', {}, v.field || '(body)'), ' ', describe(v))),
        ),
      );
    }
    head.hidden = false;
  }
  (first ?? head)?.focus?.();
}

/** A whole number typed in a field, or undefined when empty; marks the field when it is not one. */
export function wholeNumber(input) {
  const text = input.value.trim();
  if (text === '') {
    return undefined;
  }
  if (!/^-?\d+$/.test(text)) {
    markField(input, 'must be a whole number');
    return null;
  }
  return Number(text);
}

/** Runs a submission with the form's button disabled, showing any ApiError on the form. */
export async function submitting(form, action) {
  const button = form.querySelector('button[type="submit"]');
  if (button) {
    button.disabled = true;
  }
  form.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } catch (error) {
    if (error.name === 'ApiError') {
      showProblem(form, error);
      return undefined;
    }
    throw error;
  } finally {
    form.removeAttribute('aria-busy');
    if (button) {
      button.disabled = false;
    }
  }
}
