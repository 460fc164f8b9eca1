// A history entry in words: "Ada left her email through the widget", "agent-7 tagged vip in the console".

const CHANNEL = {
  WIDGET: 'through the widget',
  CONSOLE: 'in the console',
  API: 'through the API',
  IMPORT: 'by import',
};

const DETAIL_WORDS = { name: 'name', email: 'email', phone: 'phone number', country: 'country', timezone: 'time zone' };

function listed(items) {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function who(entry, visitorName) {
  switch (entry.actorKind) {
    case 'VISITOR':
      return visitorName || 'The visitor';
    case 'SYSTEM':
      return 'The system';
    case 'AGENT':
    case 'INTEGRATION':
      return entry.actorId || 'Someone';
    default:
      return entry.actorId || 'Someone';
  }
}

function deed(entry, profile) {
  const p = entry.payload || {};
  const visitor = entry.actorKind === 'VISITOR';
  switch (entry.type) {
    case 'ContactCreated':
      return 'started the contact';
    case 'DetailsLeft': {
      const fields = Object.keys(DETAIL_WORDS).filter((k) => p[k] !== null && p[k] !== undefined).map((k) => DETAIL_WORDS[k]);
      const whose = visitor ? 'their' : 'the';
      return fields.length ? `left ${whose} ${listed(fields)}` : entry.erased ? 'left details, since erased' : 'left details';
    }
    case 'ContactPromoted':
      return `made the contact a ${String(p.to || '').toLowerCase()} (was ${String(p.from || '').toLowerCase()})`;
    case 'CustomerIdLinked':
      // an erased contact's personal values read as null (DESIGN §9)
      return p.customerId == null ? 'linked a customer ID' : `linked customer ID ${p.customerId}`;
    case 'TagAdded':
      return `tagged ${p.tag}`;
    case 'TagRemoved':
      return `removed the tag ${p.tag}`;
    case 'NoteWritten':
      return 'wrote a note';
    case 'NoteEdited':
      return 'edited a note';
    case 'NoteDeleted':
      return 'deleted a note';
    case 'CustomFieldSet':
      return p.value == null ? `set ${p.key}` : `set ${p.key} to ${p.value}`;
    case 'CustomFieldCleared':
      return `cleared ${p.key}`;
    case 'ContactMerged':
      return `merged contact ${p.sourceId} into this one`;
    case 'ContactMergedInto':
      return `merged this contact into ${p.survivorId}`;
    case 'ContactUnmerged':
      return p.contactId === p.survivorId ? `undid the merge of contact ${p.sourceId}`
        : `undid the merge of this contact into ${p.survivorId}`;
    case 'ContactErased':
      return 'erased the personal data of this contact';
    default:
      return `recorded ${entry.type}`;
  }
}

/** The sentence for one history entry; visitorName is the contact's name, for what the visitor did. */
export function sentence(entry, visitorName) {
  const channel = CHANNEL[entry.channel];
  return `${who(entry, visitorName)} ${deed(entry)}${channel ? ' ' + channel : ''}`;
}
