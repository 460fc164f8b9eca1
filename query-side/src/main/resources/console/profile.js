// One contact's profile: details, custom data, tags, notes and the timeline, live; edited in place
// by roles that may write; and, with the time control, as it stood at any version or instant.
import { $, $$, debounce, displayName, esc, flash, when } from './dom.js';
import { sentence } from './words.js';

const DETAILS = [
  ['name', 'Name', 'text'], ['email', 'Email', 'email'], ['phone', 'Phone', 'tel'],
  ['country', 'Country (ISO code)', 'text'], ['timezone', 'Time zone (IANA)', 'text'],
];
const TIMELINE_PAGE = 50;

export class ProfileView {
  constructor(context, pane) {
    this.context = context;
    this.pane = pane;
    this.contactId = null;
    this.now = null; // the current profile
    this.past = null; // the profile shown in a past view, or null
    this.definitions = [];
    this.editingNotes = new Map(); // noteId -> the draft of a note being edited, across re-renders
    this.stop = () => {};
    this.clock = null;
    this.showPastVersion = debounce((version) => this.showAt({ atVersion: version }), 200);
    pane.addEventListener('submit', (event) => this.onSubmit(event));
    pane.addEventListener('click', (event) => this.onClick(event));
    pane.addEventListener('input', (event) => this.onInput(event));
  }

  async open(contactId) {
    if (contactId === this.contactId) {
      return;
    }
    this.close();
    this.contactId = contactId;
    this.pane.innerHTML = '<p class="muted empty">Loading…</p>';
    try {
      const [profile, definitions] = await Promise.all([
        this.context.api.profile(contactId),
        this.context.api.customFields().catch(() => []),
      ]);
      if (contactId !== this.contactId) {
        return;
      }
      this.definitions = definitions;
      this.now = profile;
      // how long the page takes from its data to a usable profile (measured by the browser tests)
      performance.mark('profile-data');
      this.render();
      performance.measure('profile-ready', 'profile-data');
      this.loadTimeline();
    } catch (e) {
      if (contactId !== this.contactId) {
        return;
      }
      if (e.status === 401) {
        this.context.onUnauthorized();
        return;
      }
      this.pane.innerHTML = `<p class="error empty" role="alert">${e.status === 404
        ? 'This contact does not exist in your workspace. Choose another one from the list.'
        : `The profile could not be loaded: ${esc(e.message)}. Try again in a moment.`}</p>`;
      return;
    }
    this.stop = this.context.api.contactUpdates(contactId, {
      onEvent: (name, profile) => { if (name === 'profile') this.arrived(profile); },
      onState: (state) => { this.pane.dataset.live = state; },
    });
    this.clock = setInterval(() => this.showLocalTime(), 30000);
  }

  close() {
    this.stop();
    this.stop = () => {};
    clearInterval(this.clock);
    this.contactId = null;
    this.now = null;
    this.past = null;
    this.timelineCursor = null;
    this.editingNotes.clear();
  }

  /** A newer version arrived over the stream (or after a write): show it, keeping what is being typed. */
  arrived(profile) {
    if (!this.now || profile.contactId !== this.contactId || profile.version <= this.now.version) {
      return;
    }
    const before = this.now;
    this.now = profile;
    if (this.past) {
      this.renderPast();
    } else {
      this.render(before);
    }
    this.loadNewerTimeline();
  }

  editable() {
    return this.context.canWrite && !this.past;
  }

  // ---- rendering -------------------------------------------------------------------------

  render(before) {
    const kept = this.keepTyping();
    const p = this.past || this.now;
    const edit = this.editable();
    const timeline = $('#timeline', this.pane);
    const timelineHtml = timeline ? timeline.innerHTML : '';
    const moreHidden = $('#timeline-more', this.pane) ? $('#timeline-more', this.pane).hidden : true;
    this.pane.innerHTML = `
      <article id="profile" data-contact-id="${esc(p.contactId)}" data-version="${p.version}"
               class="${this.past ? 'past' : ''}">
        ${this.past ? `<div id="past-banner" class="banner" role="status">As it stood at v${p.version}
            · ${esc(when(p.updatedAt))} — a past view; fields that differ from now are marked.
            <button id="back-to-now" type="button">Back to now</button></div>` : ''}
        <a class="back" href="#/">← Contacts</a>
        <header class="profile-head">
          <h2 id="profile-name" data-field="name">${esc(displayName(p))}</h2>
          <span id="profile-type" class="badge type-${esc(p.type)}" data-field="type">${esc(p.type)}</span>
          <span id="profile-version" class="muted">v${p.version}</span>
        </header>
        ${this.basics(p, edit)}
        ${this.customData(p, edit)}
        ${this.tagsSection(p, edit)}
        ${this.notesSection(p, edit)}
        ${this.timelineSection(p)}
      </article>`;
    if (timelineHtml) {
      $('#timeline', this.pane).innerHTML = timelineHtml;
      $('#timeline-more', this.pane).hidden = moreHidden;
    }
    this.restoreTyping(kept);
    this.showLocalTime();
    if (this.past) {
      this.markDifferences();
    } else if (before) {
      this.flashChanges(before);
    }
  }

  basics(p, edit) {
    const facts = `<dl class="facts">
        <dt>Contact ID</dt><dd data-field="contactId"><code>${esc(p.contactId)}</code></dd>
        <dt>Customer ID</dt><dd data-field="customerId">${esc(p.customerId) || '<span class="muted">not linked</span>'}</dd>
        <dt>Local time</dt><dd id="local-time" class="muted"></dd>
        <dt>Created</dt><dd>${esc(when(p.createdAt))}</dd>
        <dt>Updated</dt><dd>${esc(when(p.updatedAt))}</dd>
      </dl>`;
    if (!edit) {
      return `<section aria-labelledby="basics-title"><h3 id="basics-title">Basic information</h3>
        <dl class="facts">${DETAILS.map(([field, label]) => `<dt>${label}</dt>
          <dd data-field="${field}">${esc(p[field]) || '<span class="muted">—</span>'}</dd>`).join('')}</dl>${facts}</section>`;
    }
    return `<section aria-labelledby="basics-title"><h3 id="basics-title">Basic information</h3>
      <form id="details-form" class="grid-form" novalidate>
        ${DETAILS.map(([field, label, type]) => `<label for="detail-${field}">${label}</label>
          <span class="input-cell"><input id="detail-${field}" name="${field}" type="${type}" data-field="${field}"
            value="${esc(p[field])}" autocomplete="off">
          <span class="field-error" data-error-for="${field}"></span></span>`).join('')}
        <span></span><span><button type="submit">Save details</button> <span class="form-status" role="status"></span></span>
      </form>${facts}</section>`;
  }

  customData(p, edit) {
    const keys = this.definitions.map((d) => d.key);
    const extra = Object.keys(p.customFields).filter((k) => !keys.includes(k))
      .map((key) => ({ key, label: key, type: 'TEXT', options: [] }));
    const fields = this.definitions.concat(extra);
    if (!fields.length) {
      return `<section aria-labelledby="custom-title"><h3 id="custom-title">Custom data</h3>
        <p class="muted">No custom fields are defined in this workspace (an admin defines them).</p></section>`;
    }
    return `<section aria-labelledby="custom-title"><h3 id="custom-title">Custom data</h3>
      <div class="custom-fields">${fields.map((f) => this.customField(f, p.customFields[f.key], edit)).join('')}</div></section>`;
  }

  customField(field, value, edit) {
    const id = `field-${field.key}`;
    if (!edit) {
      return `<div class="custom-field"><span class="label">${esc(field.label)}</span>
        <span data-field="customFields.${esc(field.key)}">${value === undefined ? '<span class="muted">—</span>' : esc(value)}</span></div>`;
    }
    return `<form class="custom-field field-form" data-key="${esc(field.key)}" data-type="${esc(field.type)}" novalidate>
      <label for="${esc(id)}">${esc(field.label)}</label>
      ${fieldInput(field, id, value)}
      <button type="submit">Save</button>
      ${value === undefined ? '' : `<button type="button" class="clear-field" aria-label="Clear ${esc(field.label)}">Clear</button>`}
      <span class="field-error" data-error-for="value"></span></form>`;
  }

  tagsSection(p, edit) {
    const chips = p.tags.map((tag) => `<li class="tag" data-tag="${esc(tag)}">${esc(tag)}${edit
      ? ` <button type="button" class="remove-tag" data-tag="${esc(tag)}" aria-label="Remove tag ${esc(tag)}">×</button>` : ''}</li>`).join('');
    return `<section aria-labelledby="tags-title"><h3 id="tags-title">Tags <span class="muted">(${p.tags.length})</span></h3>
      <ul id="tags" class="tags" data-field="tags">${chips || '<li class="muted">No tags</li>'}</ul>
      ${edit ? `<form id="tag-form" class="inline-form" novalidate>
        <label for="new-tag">Add a tag</label>
        <input id="new-tag" name="tag" list="tag-suggestions" maxlength="50" autocomplete="off">
        <datalist id="tag-suggestions"></datalist>
        <button type="submit">Add</button>
        <span class="field-error" data-error-for="tag"></span></form>` : ''}</section>`;
  }

  notesSection(p, edit) {
    const notes = p.notes.slice().reverse().map((n) => `<li class="note" data-note-id="${esc(n.noteId)}">
        <p class="note-text">${esc(n.text)}</p>
        <p class="muted note-meta">${esc(n.author)} · ${esc(when(n.writtenAt))}${n.editedAt ? ` · edited ${esc(when(n.editedAt))}` : ''}</p>
        ${edit ? `<button type="button" class="edit-note" aria-label="Edit note">Edit</button>
          <button type="button" class="delete-note" aria-label="Delete note">Delete</button>` : ''}</li>`).join('');
    return `<section aria-labelledby="notes-title"><h3 id="notes-title">Notes <span class="muted">(${p.notes.length})</span></h3>
      ${edit ? `<form id="note-form" novalidate>
        <label for="new-note">Write a note</label>
        <textarea id="new-note" name="text" rows="2"></textarea>
        <button type="submit">Add note</button>
        <span class="field-error" data-error-for="text"></span></form>` : ''}
      <ul id="notes" class="notes" data-field="notes">${notes || '<li class="muted">No notes</li>'}</ul></section>`;
  }

  timelineSection(p) {
    const max = this.now.version;
    return `<section id="timeline-section" aria-labelledby="timeline-title"><h3 id="timeline-title">Timeline</h3>
      <div class="time-control">
        <label for="time-slider">Show the profile at version</label>
        <input id="time-slider" type="range" min="0" max="${max}" value="${p.version}" step="1">
        <output id="time-label" for="time-slider">${this.past ? `v${p.version}` : 'Now'}</output>
        <label for="as-of">or at</label>
        <input id="as-of" type="datetime-local" step="1">
        <button id="as-of-go" type="button">Show</button>
        <span class="field-error" data-error-for="asOf"></span>
      </div>
      <ol id="timeline" class="timeline"></ol>
      <button id="timeline-more" type="button" class="link" hidden>Older events</button></section>`;
  }

  renderPast() {
    this.render();
  }

  showLocalTime() {
    const cell = $('#local-time', this.pane);
    const p = this.past || this.now;
    if (!cell || !p) {
      return;
    }
    if (!p.timezone) {
      cell.textContent = 'unknown (no time zone)';
      return;
    }
    try {
      const time = new Intl.DateTimeFormat([], { timeZone: p.timezone, hour: '2-digit', minute: '2-digit', weekday: 'short' })
        .format(new Date());
      cell.textContent = `${time} · ${p.country ? p.country + ' · ' : ''}${p.timezone}`;
    } catch (e) {
      cell.textContent = p.timezone;
    }
  }

  /** In a past view, marks every field whose value differs from the current profile. */
  markDifferences() {
    const then = this.past;
    const now = this.now;
    const differs = (selector, a, b) => {
      for (const el of $$(selector, this.pane)) {
        if (JSON.stringify(a) !== JSON.stringify(b)) {
          el.classList.add('differs');
          el.title = `now: ${b === null || b === undefined ? '—' : Array.isArray(b) ? b.join(', ') || '—' : typeof b === 'object' ? `${b.length ?? Object.keys(b).length} entries` : b}`;
        }
      }
    };
    for (const field of ['name', 'email', 'phone', 'country', 'timezone', 'customerId', 'type']) {
      differs(`[data-field="${field}"]`, then[field], now[field]);
    }
    differs('[data-field="tags"]', then.tags, now.tags);
    for (const tag of then.tags) {
      if (!now.tags.includes(tag)) {
        $$(`li.tag[data-tag="${CSS.escape(tag)}"]`, this.pane).forEach((el) => el.classList.add('differs'));
      }
    }
    const keys = new Set(Object.keys(then.customFields).concat(Object.keys(now.customFields)));
    for (const key of keys) {
      differs(`[data-field="customFields.${CSS.escape(key)}"]`, then.customFields[key], now.customFields[key]);
    }
    differs('[data-field="notes"]', then.notes.map((n) => n.text), now.notes.map((n) => n.text));
  }

  flashChanges(before) {
    const now = this.now;
    for (const field of ['name', 'email', 'phone', 'country', 'timezone', 'customerId', 'type']) {
      if (before[field] !== now[field]) {
        $$(`[data-field="${field}"]`, this.pane).forEach(flash);
      }
    }
    if (before.tags.join() !== now.tags.join()) $$('[data-field="tags"]', this.pane).forEach(flash);
    if (before.notes.length !== now.notes.length || before.notes.some((n, i) => n.text !== (now.notes[i] || {}).text)) {
      $$('[data-field="notes"]', this.pane).forEach(flash);
    }
  }

  /** What the agent is typing (inputs changed from what was rendered), to survive a re-render. */
  keepTyping() {
    const kept = { values: {}, focus: document.activeElement && document.activeElement.id };
    for (const input of $$('input[id], textarea[id], select[id]', this.pane)) {
      if (input.type !== 'range' && input.type !== 'checkbox' && input.value !== input.defaultValue
          && !input.closest('li.note.editing')) {
        kept.values[input.id] = input.value;
      }
    }
    for (const note of $$('li.note.editing', this.pane)) {
      if (this.editingNotes.has(note.dataset.noteId)) {
        this.editingNotes.set(note.dataset.noteId, $('textarea', note).value);
      }
    }
    return kept;
  }

  restoreTyping(kept) {
    for (const [id, value] of Object.entries(kept.values)) {
      const input = document.getElementById(id);
      if (input && this.pane.contains(input)) {
        input.value = value;
      }
    }
    for (const [noteId, text] of Array.from(this.editingNotes)) {
      const note = !this.past && $(`li.note[data-note-id="${CSS.escape(noteId)}"]`, this.pane);
      if (note) {
        this.editNote(note, text);
      } else if (!this.past) {
        this.editingNotes.delete(noteId); // deleted meanwhile
      }
    }
    const focus = kept.focus && document.getElementById(kept.focus);
    if (focus && this.pane.contains(focus)) {
      focus.focus();
    }
  }

  // ---- timeline -------------------------------------------------------------------------

  async loadTimeline(cursor) {
    const id = this.contactId;
    try {
      const page = await this.context.api.history(id, Object.assign({ order: 'desc', limit: TIMELINE_PAGE }, cursor ? { cursor } : {}));
      if (id !== this.contactId || !$('#timeline', this.pane)) {
        return;
      }
      $('#timeline', this.pane).insertAdjacentHTML('beforeend', page.events.map((e) => this.entry(e)).join(''));
      this.timelineCursor = page.nextCursor;
      $('#timeline-more', this.pane).hidden = !page.nextCursor;
    } catch (e) {
      $('#timeline', this.pane).insertAdjacentHTML('beforeend',
        `<li class="error">The history could not be loaded: ${esc(e.message)}.</li>`);
    }
  }

  async loadNewerTimeline() {
    const timeline = $('#timeline', this.pane);
    const first = timeline && timeline.querySelector('li[data-sequence]');
    const top = first ? Number(first.dataset.sequence) : -1;
    const missing = this.now.version - top;
    if (missing <= 0) {
      return;
    }
    try {
      const page = await this.context.api.history(this.contactId, { order: 'desc', limit: Math.min(missing, 1000) });
      const fresh = page.events.filter((e) => e.sequence > top);
      const list = $('#timeline', this.pane);
      const newest = list.querySelector('li[data-sequence]');
      if (!newest || Number(newest.dataset.sequence) === top) {
        list.insertAdjacentHTML('afterbegin', fresh.map((e) => this.entry(e)).join(''));
      }
    } catch (e) {
      // the next update tries again
    }
  }

  entry(e) {
    const name = (this.now && this.now.name) || null;
    return `<li class="entry" data-sequence="${e.sequence}">
      <time datetime="${esc(e.occurredAt)}">${esc(when(e.occurredAt))}</time>
      <span class="sentence">${esc(sentence(e, name))}</span>
      <span class="muted entry-meta">v${e.sequence} · ${esc((e.actorKind || '').toLowerCase())} ${esc(e.actorId)} · ${esc(e.channel)}
        · <details class="correlation"><summary>correlation</summary><code>${esc(e.correlationId) || '—'}</code></details></span>
      <button type="button" class="view-at link" data-version="${e.sequence}">View as of then</button></li>`;
  }

  // ---- time travel ----------------------------------------------------------------------

  async showAt(params) {
    const id = this.contactId;
    try {
      const then = await this.context.api.profile(id, params);
      if (id !== this.contactId) {
        return;
      }
      if (then.version >= this.now.version) {
        this.backToNow();
        return;
      }
      this.past = then;
      this.render();
    } catch (e) {
      const error = $('[data-error-for="asOf"]', this.pane);
      if (error) {
        error.textContent = e.status === 404 ? 'The contact did not exist yet at that time.' : e.message;
      }
    }
  }

  backToNow() {
    this.past = null;
    this.render();
  }

  // ---- writes ---------------------------------------------------------------------------

  async onSubmit(event) {
    event.preventDefault();
    const form = event.target;
    const id = this.contactId;
    const api = this.context.api;
    if (form.id === 'details-form') {
      const details = {};
      for (const [field] of DETAILS) {
        const input = form.elements[field];
        if (input.value !== input.defaultValue) {
          details[field] = input.value.trim();
        }
      }
      if (!Object.keys(details).length) {
        this.formStatus(form, 'Nothing changed.');
        return;
      }
      await this.write(form, () => api.leaveDetails(id, details), 'Saved.');
    } else if (form.id === 'tag-form') {
      await this.write(form, () => api.addTag(id, form.elements.tag.value), null, () => { form.elements.tag.value = ''; });
    } else if (form.id === 'note-form') {
      await this.write(form, () => api.writeNote(id, form.elements.text.value), null, () => { form.elements.text.value = ''; });
    } else if (form.classList.contains('field-form')) {
      await this.write(form, () => api.setField(id, form.dataset.key, fieldValue(form)));
    } else if (form.classList.contains('note-edit')) {
      const noteId = form.closest('li.note').dataset.noteId;
      // once saved the note leaves edit mode, whether the stream or the answer shows the new text first
      let saved = false;
      await this.write(form, () => api.editNote(id, noteId, form.elements.text.value), null, () => {
        saved = true;
        this.editingNotes.delete(noteId);
      });
      if (saved) {
        this.render();
      }
    }
  }

  async onClick(event) {
    const button = event.target.closest('button');
    if (!button || !this.pane.contains(button)) {
      return;
    }
    const api = this.context.api;
    const id = this.contactId;
    if (button.classList.contains('remove-tag')) {
      await this.write($('#tag-form', this.pane), () => api.removeTag(id, button.dataset.tag));
    } else if (button.classList.contains('clear-field')) {
      await this.write(button.closest('form'), () => api.clearField(id, button.closest('form').dataset.key));
    } else if (button.classList.contains('edit-note')) {
      const note = button.closest('li.note');
      this.editNote(note, $('.note-text', note).textContent);
    } else if (button.classList.contains('cancel-edit')) {
      this.editingNotes.delete(button.closest('li.note').dataset.noteId);
      this.render();
    } else if (button.classList.contains('delete-note')) {
      // one click arms it, a second one deletes: a note cannot be brought back
      if (button.dataset.armed) {
        await this.write(null, () => api.deleteNote(id, button.closest('li.note').dataset.noteId));
      } else {
        button.dataset.armed = 'yes';
        button.textContent = 'Really delete?';
      }
    } else if (button.id === 'back-to-now') {
      this.backToNow();
    } else if (button.classList.contains('view-at')) {
      this.showAt({ atVersion: button.dataset.version });
    } else if (button.id === 'as-of-go') {
      const raw = $('#as-of', this.pane).value;
      if (!raw) {
        $('[data-error-for="asOf"]', this.pane).textContent = 'Choose a date and time.';
        return;
      }
      this.showAt({ asOf: new Date(raw).toISOString() });
    } else if (button.id === 'timeline-more') {
      this.loadTimeline(this.timelineCursor);
    }
  }

  onInput(event) {
    const target = event.target;
    if (target.id === 'time-slider') {
      const version = Number(target.value);
      $('#time-label', this.pane).textContent = version >= this.now.version ? 'Now' : `v${version}`;
      if (version >= this.now.version) {
        if (this.past) this.backToNow();
      } else {
        this.showPastVersion(version);
      }
    } else if (target.id === 'new-tag') {
      this.suggestTags(target.value);
    }
  }

  suggestTags = debounce(async (prefix) => {
    try {
      const tags = await this.context.api.tags(prefix.trim());
      const list = $('#tag-suggestions', this.pane);
      if (list) {
        list.innerHTML = tags.filter((t) => !this.now.tags.includes(t.tag))
          .map((t) => `<option value="${esc(t.tag)}">${t.contacts} contacts</option>`).join('');
      }
    } catch (e) {
      // suggestions are a convenience
    }
  }, 150);

  editNote(note, text) {
    this.editingNotes.set(note.dataset.noteId, text);
    note.classList.add('editing');
    note.innerHTML = `<form class="note-edit" novalidate>
      <label for="edit-${esc(note.dataset.noteId)}">Edit note</label>
      <textarea id="edit-${esc(note.dataset.noteId)}" name="text" rows="3">${esc(text)}</textarea>
      <button type="submit">Save note</button> <button type="button" class="cancel-edit">Cancel</button>
      <span class="field-error" data-error-for="text"></span></form>`;
  }

  /**
   * Sends a write, then shows the profile at (at least) the version it answered — read-your-writes
   * through minVersion, whatever the stream is doing. Errors go beside the field they name.
   */
  async write(form, send, okText, onSuccess) {
    if (form) {
      $$('.field-error', form).forEach((el) => { el.textContent = ''; });
    }
    const id = this.contactId;
    try {
      const answer = await send();
      if (onSuccess) onSuccess();
      if (form && okText) this.formStatus(form, okText);
      const profile = await this.context.api.profile(id, { minVersion: answer.version });
      this.arrived(profile);
      if (form && okText) this.formStatus($(`#${form.id}`, this.pane) || form, okText);
    } catch (e) {
      if (e.status === 401) {
        this.context.onUnauthorized();
        return;
      }
      this.showError(form, e);
    }
  }

  showError(form, e) {
    const errors = e.fieldErrors();
    const target = form || this.pane;
    let shown = false;
    for (const [field, message] of Object.entries(errors)) {
      const slot = $(`[data-error-for="${CSS.escape(field)}"]`, target) || $('.field-error', target);
      if (slot) {
        slot.textContent = message;
        shown = true;
      }
    }
    if (!shown) {
      const advice = e.status === 409 ? ' Nothing was changed.' : e.status === 403 ? ' Your key may not do that.' : '';
      const slot = $('.field-error', target);
      if (slot) {
        slot.textContent = `${e.message}.${advice}`;
      } else {
        alert(`${e.message}.${advice}`);
      }
    }
  }

  formStatus(form, text) {
    const status = $('.form-status', form);
    if (status) {
      status.textContent = text;
    }
  }
}

function fieldInput(field, id, value) {
  const v = value === undefined ? '' : value;
  const common = `id="${esc(id)}" name="value" data-field="customFields.${esc(field.key)}"`;
  switch (field.type) {
    case 'NUMBER':
      return `<input ${common} type="text" inputmode="decimal" value="${esc(v)}">`;
    case 'BOOLEAN':
      return `<select ${common}><option value=""${v === '' ? ' selected' : ''}>—</option>
        <option value="true"${v === 'true' ? ' selected' : ''}>yes</option>
        <option value="false"${v === 'false' ? ' selected' : ''}>no</option></select>`;
    case 'DATE':
      return `<input ${common} type="date" value="${esc(v)}">`;
    case 'DATETIME':
      return `<input ${common} type="datetime-local" step="1" value="${esc(v ? toLocalInput(v) : '')}">`;
    case 'EMAIL':
      return `<input ${common} type="email" value="${esc(v)}">`;
    case 'URL':
      return `<input ${common} type="url" value="${esc(v)}">`;
    case 'LIST':
      return `<select ${common}><option value="">—</option>${(field.options || []).map((o) =>
        `<option value="${esc(o)}"${o === v ? ' selected' : ''}>${esc(o)}</option>`).join('')}</select>`;
    default:
      return `<input ${common} type="text" value="${esc(v)}">`;
  }
}

/** The value a custom field's form sends, in the form the command side accepts for its type. */
function fieldValue(form) {
  const input = form.elements.value;
  const raw = input.value;
  if (form.dataset.type === 'DATETIME' && raw) {
    return new Date(raw).toISOString(); // the browser's local time, sent as an instant
  }
  if (form.dataset.type === 'BOOLEAN' && raw) {
    return raw === 'true';
  }
  return raw;
}

function toLocalInput(instant) {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
