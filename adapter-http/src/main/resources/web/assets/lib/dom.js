// Builds the pages' elements. Everything a user or the server supplies goes in as text or as an attribute value, never
// as markup: nothing here parses HTML, so nothing a customer typed can become a script (S5).

/** An element: h('a', {href: '/x', class: 'link', onclick: f}, 'text', child, [more]). */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    setProperty(element, name, value);
  }
  append(element, children);
  return element;
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** Appends children: nodes as they are, anything else as text; null, undefined and false are skipped. */
export function append(element, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function setProperty(element, name, value) {
  if (value === null || value === undefined || value === false) return;
  if (name.startsWith('on') && typeof value === 'function') {
    element.addEventListener(name.slice(2).toLowerCase(), value);
  } else if (name === 'class') {
    element.className = value;
  } else if (name === 'dataset') {
    Object.assign(element.dataset, value);
  } else if (name === 'value' || name === 'checked' || name === 'selected') {
    element[name] = value;
  } else if (name === 'href' || name === 'src' || name === 'action') {
    element.setAttribute(name, safeUrl(value));
  } else {
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

/** Links go to our own pages, to http(s) or mail: a javascript: or data: URL from a user's text goes nowhere. */
export function safeUrl(value) {
  const url = String(value);
  return /^(https?:|mailto:|blob:|\/(?!\/)|#|\?)/i.test(url) ? url : '#';
}

/** A labelled form field: the label names the control for screen readers. */
export function field(label, control, hint) {
  const id = control.id || (control.id = uniqueId(control.name || 'field'));
  return h('div', {class: 'field'}, h('label', {for: id}, label), control, hint ? h('small', {class: 'hint'}, hint) : null);
}

let counter = 0;
export function uniqueId(prefix) {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A select whose options are [value, label] pairs. */
export function select(name, options, selected, props) {
  return h('select', {name, ...props},
    options.map(([value, label]) => h('option', {value, selected: String(value) === String(selected ?? '')}, label)));
}

/** Collects a form's named controls into an object of strings (empty ones left out). */
export function formValues(form) {
  const values = {};
  for (const [name, value] of new FormData(form).entries()) {
    if (typeof value === 'string' && value.trim() !== '') values[name] = value.trim();
  }
  return values;
}
