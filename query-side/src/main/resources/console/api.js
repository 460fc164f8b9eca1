// The console's only way to the services: the key travels in the Authorization header, never in a
// URL, a cookie or a log line, and lives in this tab's sessionStorage.
const KEY = 'contact-ledger.key';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  remember: (key) => sessionStorage.setItem(KEY, key),
  forget: () => sessionStorage.removeItem(KEY),
};

/** A failed call, with the problem+json the service answered (or a network failure's message). */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `request failed (${status})`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The field errors of a 400, by field name. */
  fieldErrors() {
    const errors = {};
    for (const e of this.problem.errors || []) {
      errors[e.field] = errors[e.field] ? `${errors[e.field]}; ${e.message}` : e.message;
    }
    return errors;
  }
}

function headers(extra) {
  return Object.assign({ Authorization: `Bearer ${session.key()}`, Accept: 'application/json' }, extra || {});
}

async function answer(response) {
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = { detail: text.slice(0, 200) };
  }
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

/** A random Idempotency-Key: a retried write is applied once (DESIGN §7). */
function idempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return 'console-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createApi(commandSideUrl) {
  let workspace = null;
  const ws = () => `/api/v1/workspaces/${encodeURIComponent(workspace)}`;

  async function read(path) {
    try {
      return await answer(await fetch(path, { headers: headers() }));
    } catch (e) {
      throw e instanceof ApiError ? e : new ApiError(0, { detail: 'the query side cannot be reached' });
    }
  }

  /** A write to the command side, retried once with the same key if the network failed. */
  async function write(method, path, body) {
    const key = idempotencyKey();
    const init = {
      method,
      headers: headers(Object.assign({ 'Idempotency-Key': key }, body === undefined ? {} : { 'Content-Type': 'application/json' })),
      body: body === undefined ? undefined : JSON.stringify(body),
    };
    for (let attempt = 0; ; attempt++) {
      let response;
      try {
        response = await fetch(commandSideUrl + ws() + path, init);
      } catch (e) {
        if (attempt === 0) {
          continue;
        }
        throw new ApiError(0, { detail: 'the command side cannot be reached; nothing is known to have changed' });
      }
      return answer(response);
    }
  }

  const contactPath = (id) => `/contacts/${encodeURIComponent(id)}`;

  return {
    setWorkspace: (id) => { workspace = id; },
    me: () => read('/api/v1/me'),
    list: (params) => read(`${ws()}/contacts?${new URLSearchParams(params)}`),
    profile: (id, params) => read(`${ws()}${contactPath(id)}${params ? '?' + new URLSearchParams(params) : ''}`),
    history: (id, params) => read(`${ws()}${contactPath(id)}/history?${new URLSearchParams(params)}`),
    customFields: () => read(`${ws()}/custom-fields`),
    tags: (q) => read(`${ws()}/tags?${new URLSearchParams({ q, limit: 20 })}`),
    leaveDetails: (id, details) => write('POST', `${contactPath(id)}/details`, details),
    addTag: (id, tag) => write('POST', `${contactPath(id)}/tags`, { tag }),
    removeTag: (id, tag) => write('DELETE', `${contactPath(id)}/tags/${encodeURIComponent(tag)}`),
    writeNote: (id, text) => write('POST', `${contactPath(id)}/notes`, { text }),
    editNote: (id, noteId, text) => write('PUT', `${contactPath(id)}/notes/${encodeURIComponent(noteId)}`, { text }),
    deleteNote: (id, noteId) => write('DELETE', `${contactPath(id)}/notes/${encodeURIComponent(noteId)}`),
    setField: (id, key, value) => write('PUT', `${contactPath(id)}/custom-fields/${encodeURIComponent(key)}`, { value }),
    clearField: (id, key) => write('DELETE', `${contactPath(id)}/custom-fields/${encodeURIComponent(key)}`),
    contactUpdates: (id, handlers) => follow(`${ws()}${contactPath(id)}/updates`, handlers),
    workspaceUpdates: (handlers) => follow(`${ws()}/updates`, handlers),
  };
}

const SILENCE_LIMIT_MS = 40000; // the service writes a comment every 15 s; this much silence is a dead connection

/**
 * Follows a text/event-stream with fetch (EventSource cannot send the key in a header),
 * reconnecting with backoff after a network drop or a restart of the query side.
 * handlers: onEvent(name, data), onState('live' | 'reconnecting' | 'refused'), onOpen().
 * Returns a function that stops following.
 */
function follow(path, handlers) {
  let stopped = false;
  let controller = null;
  (async () => {
    let delay = 500;
    while (!stopped) {
      controller = new AbortController();
      let watchdog = null;
      const feed = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => controller.abort(), SILENCE_LIMIT_MS);
      };
      try {
        feed();
        const response = await fetch(path, {
          headers: headers({ Accept: 'text/event-stream' }), signal: controller.signal, cache: 'no-store',
        });
        if (response.status === 401 || response.status === 403 || response.status === 404) {
          handlers.onState('refused');
          return;
        }
        if (!response.ok) {
          throw new Error(`stream answered ${response.status}`);
        }
        handlers.onState('live');
        handlers.onOpen && handlers.onOpen();
        delay = 500;
        await readEvents(response.body, feed, (name, data) => handlers.onEvent(name, data));
      } catch (e) {
        // dropped, refused or aborted: try again below unless stopped
      } finally {
        clearTimeout(watchdog);
      }
      if (stopped) {
        return;
      }
      handlers.onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 8000);
    }
  })();
  return () => {
    stopped = true;
    if (controller) {
      controller.abort();
    }
  };
}

async function readEvents(body, onBytes, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let name = 'message';
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    onBytes();
    buffer += value;
    let newline;
    while ((newline = buffer.search(/\r\n|\n|\r/)) >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (data.length) {
          onEvent(name, JSON.parse(data.join('\n')));
        }
        name = 'message';
        data = [];
      } else if (line.startsWith('event:')) {
        name = line.slice(6).trim();
      } else if (line.startsWith('data:')) {
        data.push(line.slice(5).replace(/^ /, ''));
      }
    }
  }
}
