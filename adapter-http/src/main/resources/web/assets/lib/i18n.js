// English and Russian. A page registers its own strings; the language comes from the switch (kept in localStorage:
// a preference, not a secret) or else from the browser.

const LANGUAGES = ['en', 'ru'];
const STORED = 'supportdesk.language';
const dictionaries = {en: {}, ru: {}};

export const language = pickLanguage();
document.documentElement.lang = language;

function pickLanguage() {
  const stored = localStorage.getItem(STORED);
  if (LANGUAGES.includes(stored)) return stored;
  const browser = (navigator.language || 'en').slice(0, 2).toLowerCase();
  return LANGUAGES.includes(browser) ? browser : 'en';
}

/** Adds strings: {en: {key: 'text {name}'}, ru: {key: '…'}}. */
export function register(strings) {
  for (const lang of LANGUAGES) Object.assign(dictionaries[lang], strings[lang] || {});
}

/** The text of a key in the page's language, with {placeholders} filled in as text. */
export function t(key, values) {
  const text = dictionaries[language][key] ?? dictionaries.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values?.[name] ?? ''));
}

export function setLanguage(lang) {
  localStorage.setItem(STORED, lang);
  location.reload();
}

export const languages = LANGUAGES;

/** A date and time as the reader's language writes it. */
export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString(language === 'ru' ? 'ru-RU' : 'en-GB', {dateStyle: 'medium', timeStyle: 'short'}) : '';
}

/** A duration in minutes as "2 h 05 min" (both languages read it). */
export function duration(minutes) {
  if (minutes === null || minutes === undefined) return '—';
  const sign = minutes < 0 ? '−' : '';
  const total = Math.abs(Math.round(minutes));
  const hours = Math.floor(total / 60);
  const rest = String(total % 60).padStart(hours ? 2 : 1, '0');
  return hours ? `${sign}${hours} ${t('unit.h')} ${rest} ${t('unit.min')}` : `${sign}${rest} ${t('unit.min')}`;
}

register({
  en: {'unit.h': 'h', 'unit.min': 'min'},
  ru: {'unit.h': 'ч', 'unit.min': 'мин'},
});
