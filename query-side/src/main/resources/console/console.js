// The agent console: sign-in, the contacts list and the profile (DESIGN §8). Everything is read
// from the query side's API and written to the command side's; nothing is kept but the key.
import { createApi, session } from './api.js';
import { ContactList } from './list.js';
import { ProfileView } from './profile.js';
import { $ } from './dom.js';

const WRITING_ROLES = ['agent', 'integration', 'admin'];
const REFUSED_ROLES = {
  widget: 'This is a widget key: it belongs in the chat widget and cannot read profiles. Sign in with an agent, integration, admin or auditor key.',
  operator: 'This is an operator key: it runs the service (/admin, metrics) and reads no workspace. Sign in with an agent, integration, admin or auditor key.',
};

const api = createApi(document.body.dataset.commandUrl);
let list = null;
let profile = null;

function showSignIn(message) {
  $('#sign-in').hidden = false;
  $('#app').hidden = true;
  $('#sign-out').hidden = true;
  $('#live').hidden = true;
  $('#who').textContent = '';
  $('#workspace').textContent = '';
  $('#sign-in-error').textContent = message || '';
  $('#api-key').value = '';
  $('#api-key').focus();
}

function signOut(message) {
  session.forget();
  if (list) {
    list.close();
    list = null;
  }
  if (profile) {
    profile.close();
    profile = null;
  }
  $('#profile-pane').innerHTML = '<p class="muted empty">Choose a contact on the left to see its profile.</p>';
  showSignIn(message);
}

async function start() {
  let me;
  try {
    me = await api.me();
  } catch (e) {
    const message = e.status === 401 ? 'That key was not recognised. Check it (it is case-sensitive) and try again.'
      : `Signing in failed: ${e.message}. Try again in a moment.`;
    signOut(message);
    return;
  }
  if (REFUSED_ROLES[me.role]) {
    signOut(REFUSED_ROLES[me.role]);
    return;
  }
  api.setWorkspace(me.workspaceId);
  $('#sign-in').hidden = true;
  $('#app').hidden = false;
  $('#sign-out').hidden = false;
  $('#who').textContent = `${me.name} (${me.role})`;
  $('#workspace').textContent = `workspace ${me.workspaceId}`;
  const context = {
    api,
    me,
    canWrite: WRITING_ROLES.includes(me.role),
    onUnauthorized: () => signOut('Your key is no longer accepted. Sign in again.'),
  };
  list = new ContactList(context, $('#list-pane'), (state) => showLive(state));
  profile = new ProfileView(context, $('#profile-pane'));
  list.load();
  route();
}

function showLive(state) {
  const live = $('#live');
  live.hidden = false;
  live.dataset.state = state;
  live.textContent = state === 'live' ? '● live' : state === 'refused' ? 'not live' : '○ reconnecting…';
}

function route() {
  if (!profile) {
    return;
  }
  const match = location.hash.match(/^#\/contacts\/([^/]+)$/);
  document.body.classList.toggle('showing-profile', Boolean(match));
  if (match) {
    profile.open(decodeURIComponent(match[1]));
    list.select(decodeURIComponent(match[1]));
  } else {
    profile.close();
    list.select(null);
  }
}

$('#sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const key = $('#api-key').value.trim();
  if (!key) {
    $('#sign-in-error').textContent = 'Enter an API key.';
    return;
  }
  session.remember(key);
  $('#sign-in-error').textContent = '';
  start();
});
$('#sign-out').addEventListener('click', () => {
  history.replaceState(null, '', location.pathname);
  signOut('');
});
window.addEventListener('hashchange', route);

if (session.key()) {
  start();
} else {
  showSignIn('');
}
