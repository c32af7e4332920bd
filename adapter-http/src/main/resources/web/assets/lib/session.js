// Who is signed in on this page, asked once: a page offers only what the person's role may do (the API refuses the
// rest anyway). Signing out reloads the page, so the answer never outlives the session.
import * as api from './api.js';

let person = null;

/** {id, name, role} of the signed-in person. */
export function currentPerson() {
  person ??= api.get('/api/v1/auth/session').then((session) => session.person, (error) => {
    person = null;
    throw error;
  });
  return person;
}

export const isAdmin = async () => (await currentPerson()).role === 'admin';
