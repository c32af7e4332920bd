// What the console's pages look up again and again: who is signed in, the tenant's staff (to name assignees and to
// assign) and its categories. Read once per page load; a reload reads them afresh.
import * as api from '../lib/api.js';

const cache = new Map();

function once(key, load) {
  if (!cache.has(key)) cache.set(key, load().catch((error) => { cache.delete(key); throw error; }));
  return cache.get(key);
}

/** The signed-in person: {id, name, role}. */
export const me = () => once('me', async () => (await api.currentSession()).person);

/** Every agent and admin of the tenant, active or not (a former assignee still has a name), by name. */
export const staff = () => once('staff', async () => {
  const people = [];
  for (let page = 1; ; page += 1) {
    const answer = await api.get('/api/v1/agents', {page, limit: 100});
    people.push(...answer.items);
    if (page >= answer.pagination.total_pages) break;
  }
  return people.sort((a, b) => a.name.localeCompare(b.name));
});

/** A staff member's name by id, or the id itself when the list does not hold them. */
export async function staffNames() {
  const names = new Map((await staff()).map((person) => [person.id, person.name]));
  return (id) => names.get(id) ?? id;
}

export const categories = () => once('categories', async () => (await api.get('/api/v1/categories')).categories);
