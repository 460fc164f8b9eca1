// Small helpers for building the console's HTML safely.

export const $ = (selector, root) => (root || document).querySelector(selector);
export const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function esc(value) {
  return value === null || value === undefined ? '' : String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** "Guest 7f3a…" for a contact with no name. */
export function displayName(contact) {
  const id = String(contact.contactId);
  return contact.name || `Guest ${id.length > 8 ? id.slice(0, 6) + '…' : id}`;
}

// one formatter for every date on the page: building one per call costs more than the page itself
const DATE_TIME = new Intl.DateTimeFormat([], { dateStyle: 'medium', timeStyle: 'short' });

export function when(instant) {
  if (!instant) {
    return '';
  }
  return DATE_TIME.format(new Date(instant));
}

export function ago(instant) {
  const seconds = Math.round((Date.now() - new Date(instant).getTime()) / 1000);
  if (seconds < 45) {
    return 'just now';
  }
  if (seconds < 3600) {
    return `${Math.round(seconds / 60)} min ago`;
  }
  if (seconds < 86400) {
    return `${Math.round(seconds / 3600)} h ago`;
  }
  return when(instant);
}

/** Briefly highlights an element that a live update changed. */
export function flash(element) {
  element.classList.remove('flash');
  void element.offsetWidth; // restart the animation
  element.classList.add('flash');
}

export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
