// The contacts list: newest first, search as one types, type and tag filters, more rows on scroll,
// rows kept current by the workspace's update stream.
import { $, ago, debounce, displayName, esc, flash } from './dom.js';

const PAGE = 50;

export class ContactList {
  constructor(context, pane, onLiveState) {
    this.context = context;
    this.pane = pane;
    this.rows = new Map(); // contactId -> list item
    this.nextCursor = null;
    this.loading = false;
    this.generation = 0;
    this.selected = null;
    this.pendingUpdates = new Map();
    this.flushUpdates = debounce(() => this.applyUpdates(), 150);
    const reload = debounce(() => this.load(), 250);
    $('#search', pane).oninput = reload;
    $('#search', pane).addEventListener('search', reload); // the field's own clear button
    $('#type-filter', pane).onchange = () => this.load();
    $('#tag-filter', pane).oninput = reload;
    $('#tag-filter', pane).onfocus = () => this.suggestTags();
    $('#more', pane).onclick = () => this.more();
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        this.more();
      }
    });
    this.observer.observe($('#list-end', pane));
    this.stopUpdates = context.api.workspaceUpdates({
      onEvent: (name, data) => {
        if (name === 'contact') {
          this.pendingUpdates.set(data.contactId, data);
          this.flushUpdates();
        }
      },
      onState: onLiveState,
      // after a reconnection, changes made meanwhile are in the freshly loaded first page
      onOpen: () => { if (this.opened) { this.load(); } this.opened = true; },
    });
  }

  filters() {
    const params = { limit: PAGE };
    const q = $('#search', this.pane).value.trim();
    const type = $('#type-filter', this.pane).value;
    const tag = $('#tag-filter', this.pane).value.trim();
    if (q) params.q = q;
    if (type) params.type = type;
    if (tag) params.tag = tag;
    return params;
  }

  async load() {
    const generation = ++this.generation;
    this.nextCursor = null; // the previous search's cursor must not page this one
    this.status('Loading…');
    try {
      const page = await this.context.api.list(this.filters());
      if (generation !== this.generation) {
        return; // a newer search was typed meanwhile
      }
      $('#contacts', this.pane).innerHTML = '';
      this.rows.clear();
      this.append(page);
    } catch (e) {
      this.failed(e);
    }
  }

  async more() {
    if (!this.nextCursor || this.loading) {
      return;
    }
    this.loading = true;
    const generation = this.generation;
    try {
      const page = await this.context.api.list(Object.assign(this.filters(), { cursor: this.nextCursor }));
      if (generation === this.generation) {
        this.append(page);
      }
    } catch (e) {
      this.failed(e);
    } finally {
      this.loading = false;
    }
  }

  append(page) {
    const list = $('#contacts', this.pane);
    list.insertAdjacentHTML('beforeend', page.items.filter((c) => !this.rows.has(c.contactId)).map(row).join(''));
    for (const item of list.querySelectorAll('li.contact-row')) {
      this.rows.set(item.dataset.contactId, item);
    }
    this.nextCursor = page.nextCursor;
    $('#more', this.pane).hidden = !page.nextCursor;
    this.markSelected();
    const filtered = Object.keys(this.filters()).length > 1;
    this.status(this.rows.size ? `${this.rows.size}${page.nextCursor ? '+' : ''} contacts`
      : filtered ? 'No contacts match. Try fewer words or clear the type and tag filters.'
        : 'No contacts yet. They appear here as visitors start chats or your integration creates them.');
  }

  failed(e) {
    if (e.status === 401) {
      this.context.onUnauthorized();
      return;
    }
    const advice = e.status === 400 ? 'Check the search and filters.' : 'Try again in a moment.';
    this.status(`Could not load contacts: ${e.message}. ${advice}`, true);
  }

  status(text, error) {
    const status = $('#list-status', this.pane);
    status.textContent = text;
    status.classList.toggle('error', Boolean(error));
  }

  select(contactId) {
    this.selected = contactId;
    this.markSelected();
  }

  markSelected() {
    for (const [id, item] of this.rows) {
      item.classList.toggle('selected', id === this.selected);
      const link = item.querySelector('a');
      if (id === this.selected) {
        link.setAttribute('aria-current', 'page');
      } else {
        link.removeAttribute('aria-current');
      }
    }
  }

  async applyUpdates() {
    const updates = Array.from(this.pendingUpdates.values());
    this.pendingUpdates.clear();
    if (updates.length > 50) {
      this.load(); // a flood (a rebuild, an import): one reload is cheaper than fifty reads
      return;
    }
    for (const update of updates) {
      const item = this.rows.get(update.contactId);
      if (item && Number(item.dataset.version) >= update.version) {
        continue;
      }
      let contact;
      try {
        contact = await this.context.api.profile(update.contactId);
      } catch (e) {
        continue;
      }
      const current = this.rows.get(update.contactId);
      if (current) {
        current.outerHTML = row(contact);
      } else if (matches(contact, this.filters())) {
        $('#contacts', this.pane).insertAdjacentHTML('afterbegin', row(contact));
      } else {
        continue;
      }
      const fresh = $(`li.contact-row[data-contact-id="${CSS.escape(update.contactId)}"]`, this.pane);
      this.rows.set(update.contactId, fresh);
      flash(fresh);
    }
    this.markSelected();
  }

  async suggestTags() {
    try {
      const tags = await this.context.api.tags('');
      $('#tag-options').innerHTML = tags.map((t) => `<option value="${esc(t.tag)}">`).join('');
    } catch (e) {
      // suggestions are a convenience; typing a tag still filters
    }
  }

  close() {
    this.stopUpdates();
    this.observer.disconnect();
    $('#contacts', this.pane).innerHTML = '';
    $('#search', this.pane).value = '';
    $('#tag-filter', this.pane).value = '';
    $('#type-filter', this.pane).value = '';
  }
}

function matches(contact, filters) {
  if (filters.type && contact.type !== filters.type) return false;
  if (filters.tag && !contact.tags.includes(filters.tag.toLowerCase())) return false;
  if (filters.q) {
    const q = filters.q.toLowerCase();
    return [contact.name, contact.email, contact.phone, contact.customerId].some((v) => v && v.toLowerCase().includes(q));
  }
  return true;
}

function row(contact) {
  const reach = [contact.email, contact.phone].filter(Boolean).map(esc).join(' · ');
  const tags = contact.tags.slice(0, 5).map((t) => `<span class="chip">${esc(t)}</span>`).join(' ')
    + (contact.tags.length > 5 ? ` <span class="muted">+${contact.tags.length - 5}</span>` : '');
  return `<li class="contact-row" data-contact-id="${esc(contact.contactId)}" data-version="${contact.version ?? ''}">
    <a href="#/contacts/${encodeURIComponent(contact.contactId)}">
      <span class="row-top"><span class="name">${esc(displayName(contact))}</span>
        <span class="badge type-${esc(contact.type)}">${esc(contact.type)}</span></span>
      <span class="reach">${reach}</span>
      <span class="row-tags">${tags}</span>
      <span class="muted updated" title="${esc(contact.updatedAt)}">${esc(ago(contact.updatedAt))}</span>
    </a></li>`;
}
