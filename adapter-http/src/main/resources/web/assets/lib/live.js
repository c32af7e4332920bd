// Follows the change feed's event stream (docs/live-events.md). The session cookie goes with EventSource's request;
// EventSource reconnects by itself and resumes with Last-Event-ID.

const TYPES = ['ticket_created', 'message_added', 'status_changed', 'ticket_updated', 'ticket_assigned',
  'ticket_escalated', 'ticket_deescalated', 'sla_breached', 'ticket_deleted', 'ticket_restored', 'feedback_given',
  'call_requested', 'call_updated', 'reset'];

const listeners = new Set();
let source = null;

/** Opens the stream of the area (staff: '/api/v1/events', customers: '/api/v1/portal/events') once. */
export function openStream(url) {
  if (source) return;
  source = new EventSource(url);
  for (const type of TYPES) {
    source.addEventListener(type, (event) => {
      const item = type === 'reset' ? {type} : JSON.parse(event.data);
      for (const listener of listeners) listener(item);
    });
  }
}

/** Hears every event until the signal aborts (a page listens while it is shown). */
export function onChange(listener, signal) {
  listeners.add(listener);
  signal?.addEventListener('abort', () => listeners.delete(listener));
}

export function closeStream() {
  source?.close();
  source = null;
}
