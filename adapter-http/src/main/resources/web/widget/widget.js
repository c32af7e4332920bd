// The embeddable filing widget (issue 13, seed 003; docs/widget.md). A customer's own web application adds it with one
// tag, <script src="https://support.example.com/widget/widget.js" data-tenant="acme"></script>, and gets a "Report a
// problem" button opening a dialog that files a portal ticket with the page's address, the browser's details and, if
// the person agrees, a screenshot of the page taken in their browser (html2canvas, loaded only then).
//
// A classic script, unlike our pages' modules: other sites may load our files as scripts but could import modules only
// with CORS on every file, and the script must read its own tag while it runs. So it carries its own small element
// builder, under the rule of /assets/lib/dom.js: text goes in as text, never as markup. Everything it shows lives in a
// shadow root, so the host page's styles cannot break it and ours cannot leak out. The token it signs in with stays
// in this closure: never in storage or a cookie.
(() => {
  'use strict';

  const tag = document.currentScript;
  if (!tag || !tag.src) {
    console.error('Supportdesk widget: include widget.js with a <script src="…/widget/widget.js"> tag');
    return;
  }
  /** Where Supportdesk is: the folder above /widget/. */
  const server = new URL('../', tag.src);
  const PRIORITIES = ['low', 'medium', 'high', 'urgent'];
  /** The API's bound on page_url and browser_info. */
  const MAX_CONTEXT = 2000;

  const STRINGS = {
    en: {
      open: 'Report a problem', title: 'Report a problem', close: 'Close', loading: 'Loading…',
      signInIntro: 'Sign in with your support account to send us a report.', email: 'Email', password: 'Password',
      signIn: 'Sign in', signOut: 'Sign out', signInFailed: 'The email or password is not right.',
      expired: 'Your sign-in has expired. Please sign in again.',
      hostSignIn: 'This site could not sign you in to support. Reload the page and try again.',
      notCustomer: 'This form is for customers. Staff file tickets in the support console.',
      unreachable: 'The support service could not be reached. Check your connection and try again.',
      subject: 'Subject', description: 'What happened?',
      descriptionHint: 'What did you do, what did you expect, and what happened instead?',
      category: 'Category', priority: 'Priority', low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent',
      screenshot: 'Include a screenshot of this page', capturing: 'Taking a screenshot of the page…',
      captured: 'Screenshot taken. Check it before you send.',
      captureFailed: 'The screenshot could not be taken. You can send the report without it.',
      preview: 'Screenshot of this page', previewNote: 'This picture is sent with your report.',
      context: 'We also send this page’s address and your browser’s details',
      page: 'Page', browser: 'Browser', send: 'Send report', sending: 'Sending your report…', cancel: 'Cancel',
      done: 'Thank you! Your ticket {number} has been filed.', follow: 'Follow it in the support portal',
    },
    ru: {
      open: 'Сообщить о проблеме', title: 'Сообщить о проблеме', close: 'Закрыть', loading: 'Загрузка…',
      signInIntro: 'Войдите в учётную запись поддержки, чтобы отправить сообщение.', email: 'Эл. почта',
      password: 'Пароль', signIn: 'Войти', signOut: 'Выйти', signInFailed: 'Неверная почта или пароль.',
      expired: 'Срок входа истёк. Войдите снова.',
      hostSignIn: 'Этот сайт не смог выполнить вход в поддержку. Обновите страницу и попробуйте ещё раз.',
      notCustomer: 'Эта форма для клиентов. Сотрудники создают обращения в консоли поддержки.',
      unreachable: 'Служба поддержки недоступна. Проверьте подключение и попробуйте ещё раз.',
      subject: 'Тема', description: 'Что случилось?',
      descriptionHint: 'Что вы делали, чего ожидали и что произошло на самом деле?',
      category: 'Категория', priority: 'Приоритет', low: 'Низкий', medium: 'Средний', high: 'Высокий',
      urgent: 'Срочный', screenshot: 'Приложить снимок этой страницы', capturing: 'Делаем снимок страницы…',
      captured: 'Снимок готов. Проверьте его перед отправкой.',
      captureFailed: 'Не удалось сделать снимок. Сообщение можно отправить без него.',
      preview: 'Снимок этой страницы', previewNote: 'Этот снимок будет отправлен вместе с сообщением.',
      context: 'Мы также отправим адрес этой страницы и сведения о браузере',
      page: 'Страница', browser: 'Браузер', send: 'Отправить', sending: 'Отправляем сообщение…', cancel: 'Отмена',
      done: 'Спасибо! Обращение {number} создано.', follow: 'Следить за ним на портале поддержки',
    },
  };

  /** The words of a field the API names in a problem. */
  const FIELD_LABELS = {subject: 'subject', description: 'description', category: 'category', priority: 'priority',
    page_url: 'page', browser_info: 'browser', screenshot_id: 'screenshot', email: 'email', password: 'password'};

  /** A refusal with the text to show. status: the HTTP status, 0 when nothing was answered. */
  class Failure extends Error {
    constructor(message, status) {
      super(message);
      this.status = status;
    }
  }

  let shown = null;

  /**
   * Shows the widget on this page, in place of one shown before. options: {tenant} (the portal sign-in's tenant),
   * {token} (the host platform's token: a string, or a function answering one or a promise of one, asked before every
   * request), {lang} ('en' or 'ru'; else the browser's language).
   */
  function init(options) {
    shown?.remove();
    const config = {
      tenant: options.tenant,
      hostToken: typeof options.token === 'string' ? () => options.token : options.token,
      text: translator(options.lang),
    };
    shown = widget(config);
    const attach = () => document.body.append(shown);
    document.body ? attach() : document.addEventListener('DOMContentLoaded', attach, {once: true});
  }

  function translator(requested) {
    const lang = [requested, navigator.language, 'en']
      .map((value) => String(value || '').slice(0, 2).toLowerCase())
      .find((value) => value in STRINGS);
    const text = (key, values) => STRINGS[lang][key].replace(/\{(\w+)\}/g, (_, name) => String(values[name]));
    text.lang = lang;
    return text;
  }

  /** The widget's host element: a launcher button and its dialog in a shadow root. */
  function widget(config) {
    const t = config.text;
    // html2canvas leaves an element with this attribute out of the page's screenshot.
    const host = h('supportdesk-widget', {'data-html2canvas-ignore': true});
    const root = host.attachShadow({mode: 'open'});
    const launcher = h('button', {type: 'button', class: 'launcher', lang: t.lang, hidden: true}, t('open'));
    const stylesheet = h('link', {rel: 'stylesheet', href: new URL('widget/widget.css', server).href});
    // Shown once styled, so it never flashes as a bare button; shown unstyled when a policy refuses the stylesheet.
    const reveal = () => { launcher.hidden = false; };
    stylesheet.addEventListener('load', reveal);
    stylesheet.addEventListener('error', reveal);
    const view = h('div', {class: 'view'});
    const dialog = h('dialog', {'aria-labelledby': 'sd-title', lang: t.lang},
      h('div', {class: 'top'},
        h('h2', {id: 'sd-title'}, t('title')),
        h('button', {type: 'button', class: 'close', 'aria-label': t('close'), onclick: () => dialog.close()}, '×')),
      view);
    // showModal() keeps focus inside the dialog and closes it on Escape; focus returns to the button after.
    dialog.addEventListener('close', () => launcher.focus());
    root.append(stylesheet, launcher, dialog);

    const session = portalSession();
    let report = null;
    launcher.addEventListener('click', () => {
      dialog.showModal();
      if (!report) start();
    });

    function start() {
      if (config.hostToken || session.active()) {
        showReport();
      } else {
        showSignIn();
      }
    }

    function show(...children) {
      view.replaceChildren(...children);
      view.querySelector('input, textarea, select, button:not(.link)')?.focus();
    }

    function showSignIn(message) {
      report = null;
      const error = h('p', {class: 'error', role: 'alert'}, message || '');
      const submit = h('button', {type: 'submit', class: 'primary'}, t('signIn'));
      const form = h('form', {onsubmit: async (event) => {
        event.preventDefault();
        submit.disabled = true;
        error.textContent = '';
        try {
          const values = formValues(form);
          await session.signIn(values.email, values.password);
          showReport();
        } catch (failure) {
          error.textContent = failure.status === 401 ? t('signInFailed') : failure.message;
          submit.disabled = false;
        }
      }},
      h('p', {}, t('signInIntro')),
      field('sd-email', t('email'), h('input', {name: 'email', type: 'email', required: true, autocomplete: 'email'})),
      field('sd-password', t('password'),
        h('input', {name: 'password', type: 'password', required: true, autocomplete: 'current-password'})),
      error,
      h('div', {class: 'actions'}, submit));
      show(form);
    }

    async function showReport() {
      show(h('p', {class: 'status', role: 'status'}, t('loading')));
      try {
        const {categories} = await call('GET', 'portal/categories');
        report = reportForm(categories);
        show(report);
      } catch (failure) {
        refused(failure);
      }
    }

    /** A refusal of the token: the portal sign-in starts over, the host's token is the host's to fix. */
    function refused(failure) {
      if (failure.status === 401 && !config.hostToken) {
        session.forget();
        showSignIn(t('expired'));
      } else if (failure.status === 401) {
        show(h('p', {class: 'error', role: 'alert'}, t('hostSignIn')));
      } else if (failure.status === 403 && !config.hostToken) {
        session.forget();
        showSignIn(t('notCustomer'));
      } else if (failure.status === 403) {
        show(h('p', {class: 'error', role: 'alert'}, t('notCustomer')));
      } else {
        show(h('p', {class: 'error', role: 'alert'}, failure.message));
      }
    }

    function reportForm(categories) {
      const status = h('p', {class: 'status', role: 'status'});
      const error = h('p', {class: 'error', role: 'alert'});
      const screenshot = screenshotChoice(status, error);
      const submit = h('button', {type: 'submit', class: 'primary'}, t('send'));
      const context = pageContext();
      const form = h('form', {onsubmit: async (event) => {
        event.preventDefault();
        submit.disabled = true;
        error.textContent = '';
        status.textContent = t('sending');
        try {
          const values = formValues(form);
          const filing = {subject: values.subject, description: values.description, category: values.category,
            priority: values.priority, ...context};
          const screenshotId = await screenshot.upload();
          if (screenshotId) filing.screenshot_id = screenshotId;
          showDone(await call('POST', 'portal/tickets', filing));
          screenshot.discard();
        } catch (failure) {
          status.textContent = '';
          if (failure.status === 401 || failure.status === 403) {
            refused(failure);
          } else {
            error.textContent = failure.message;
            submit.disabled = false;
          }
        }
      }},
      field('sd-subject', t('subject'),
        h('input', {name: 'subject', required: true, minlength: 3, maxlength: 255, autocomplete: 'off'})),
      field('sd-description', t('description'),
        h('textarea',
          {name: 'description', required: true, maxlength: 50000, 'aria-describedby': 'sd-description-hint'}),
        h('span', {class: 'hint', id: 'sd-description-hint'}, t('descriptionHint'))),
      h('div', {class: 'pair'},
        field('sd-category', t('category'),
          h('select', {name: 'category', required: true}, categories.map((name) => h('option', {value: name}, name)))),
        field('sd-priority', t('priority'),
          h('select', {name: 'priority'},
            PRIORITIES.map((value) => h('option', {value, selected: value === 'medium'}, t(value)))))),
      screenshot.element,
      h('details', {class: 'context'},
        h('summary', {}, t('context')),
        h('dl', {},
          context.page_url ? [h('dt', {}, t('page')), h('dd', {}, context.page_url)] : null,
          h('dt', {}, t('browser')), h('dd', {}, context.browser_info))),
      status,
      error,
      h('div', {class: 'actions'},
        config.hostToken ? null : h('button', {type: 'button', class: 'link', onclick: () => {
          session.forget();
          screenshot.discard();
          showSignIn();
        }}, t('signOut')),
        h('button', {type: 'button', class: 'secondary', onclick: () => dialog.close()}, t('cancel')),
        submit));
      return form;
    }

    function showDone(ticket) {
      report = null;
      // A portal link only for portal accounts: a person the host platform signs in may have no portal password.
      const follow = config.hostToken ? null : h('p', {},
        h('a', {href: new URL(`./#/tickets/${encodeURIComponent(ticket.number)}`, server).href, target: '_blank',
          rel: 'noopener'}, t('follow')));
      show(h('p', {role: 'status'}, t('done', {number: ticket.number})),
        follow,
        h('div', {class: 'actions'}, h('button', {type: 'button', class: 'primary', onclick: () => dialog.close()},
          t('close'))));
    }

    /** The "include a screenshot" checkbox, its preview, and the upload of what it shows. */
    function screenshotChoice(status, error) {
      const box = h('input', {type: 'checkbox', id: 'sd-screenshot'});
      const image = h('img', {alt: t('preview')});
      const preview = h('figure', {class: 'preview', hidden: true}, image, h('figcaption', {}, t('previewNote')));
      let shot = null; // {blob, url, id}: the capture wanted now, and its upload once made

      box.addEventListener('change', () => {
        discard();
        if (box.checked) capture();
      });

      function capture() {
        status.textContent = t('capturing');
        const attempt = screenshotOfPage().then((blob) => ({blob, url: URL.createObjectURL(blob), id: null}));
        shot = attempt;
        attempt.then((taken) => {
          if (shot === attempt) {
            image.src = taken.url;
            preview.hidden = false;
            status.textContent = t('captured');
          } else {
            URL.revokeObjectURL(taken.url); // unticked meanwhile
          }
        }, (failure) => {
          console.warn('Supportdesk widget: no screenshot', failure);
          if (shot === attempt) {
            shot = null;
            box.checked = false;
            status.textContent = '';
            error.textContent = t('captureFailed');
          }
        });
      }

      function discard() {
        shot?.then((taken) => URL.revokeObjectURL(taken.url), () => {});
        shot = null;
        preview.hidden = true;
        image.removeAttribute('src');
      }

      /** Uploads the screenshot (once, however often the filing is retried); its id, or null without one. */
      async function upload() {
        if (!shot) return null;
        const taken = await shot.catch(() => {
          throw new Failure(t('captureFailed'), 0);
        });
        if (!taken.id) {
          const file = new FormData();
          file.append('file', taken.blob, 'screenshot.png');
          taken.id = (await call('POST', 'portal/attachments', file)).id;
        }
        return taken.id;
      }

      const element = h('div', {},
        h('div', {class: 'check'}, box, h('label', {for: 'sd-screenshot'}, t('screenshot'))),
        preview);
      return {element, upload, discard};
    }

    /** A request to the API with the bearer token; the answer's JSON, or a Failure with the localised reason. */
    async function call(method, path, body) {
      const headers = {'Accept': 'application/json', 'Accept-Language': t.lang};
      const token = await bearer();
      if (token) headers.Authorization = `Bearer ${token}`;
      let payload = body;
      if (body !== undefined && !(body instanceof FormData)) {
        headers['Content-Type'] = 'application/json';
        payload = JSON.stringify(body);
      }
      let response;
      try {
        // Never a cookie: the bearer token is the only sign-in, on our pages as on anyone's.
        const url = new URL(`api/v1/${path}`, server);
        response = await fetch(url, {method, headers, body: payload, credentials: 'omit'});
      } catch (unreachable) {
        throw new Failure(t('unreachable'), 0);
      }
      const answer = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
      if (!response.ok) throw new Failure(explain(answer), response.status);
      return answer;
    }

    async function bearer() {
      if (!config.hostToken) return session.token();
      try {
        return await config.hostToken();
      } catch (failure) {
        console.warn('Supportdesk widget: the host gave no token', failure);
        throw new Failure(t('hostSignIn'), 401);
      }
    }

    /** A problem's text, in our language (the API answers in it), with what is wrong in each field. */
    function explain(problem) {
      if (!problem) return t('unreachable');
      const label = (name) => (FIELD_LABELS[name] ? t(FIELD_LABELS[name]) : name);
      const fields = (problem.errors || []).map((e) => `${label(e.field)}: ${e.message}`);
      return [problem.detail || problem.title, ...fields].join(' ');
    }

    /** The portal sign-in's token, kept in this closure only and forgotten when it expires. */
    function portalSession() {
      let signedIn = null;
      const active = () => signedIn !== null && Date.parse(signedIn.expires_at) > Date.now();
      return {
        active,
        token: () => (active() ? signedIn.token : null),
        signIn: async (email, password) => {
          signedIn = await call('POST', 'auth/login', {tenant: config.tenant, email, password});
        },
        forget: () => {
          signedIn = null;
        },
      };
    }

    return host;
  }

  /** What the filing says of where it comes from: the page's address (http(s) only) and the browser. */
  function pageContext() {
    const context = {browser_info: browserInfo()};
    if (location.protocol === 'http:' || location.protocol === 'https:') {
      context.page_url = location.href.length <= MAX_CONTEXT ? location.href : location.origin + location.pathname;
    }
    return context;
  }

  function browserInfo() {
    return [
      navigator.userAgent,
      `language ${navigator.language}`,
      `viewport ${window.innerWidth}×${window.innerHeight}`,
      `screen ${screen.width}×${screen.height} at ${window.devicePixelRatio}x`,
      `time zone ${Intl.DateTimeFormat().resolvedOptions().timeZone}`,
    ].join('; ').slice(0, MAX_CONTEXT);
  }

  /** A PNG of what the page shows in the window now, drawn by html2canvas from the page's own elements. */
  async function screenshotOfPage() {
    const html2canvas = await loadHtml2canvas();
    const canvas = await html2canvas(document.documentElement, {
      x: window.scrollX, y: window.scrollY, width: window.innerWidth, height: window.innerHeight,
      scale: Math.min(window.devicePixelRatio || 1, 2), logging: false,
    });
    return new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'));
  }

  let html2canvasLoaded = null;

  /** html2canvas, loaded on first use from our server; the host page's own html2canvas global is left as it was. */
  function loadHtml2canvas() {
    html2canvasLoaded ??= new Promise((resolve, reject) => {
      const before = Object.getOwnPropertyDescriptor(window, 'html2canvas');
      const script = h('script', {src: new URL('widget/vendor/html2canvas.min.js', server).href});
      script.addEventListener('load', () => {
        const ours = window.html2canvas;
        if (before) Object.defineProperty(window, 'html2canvas', before); else delete window.html2canvas;
        typeof ours === 'function' ? resolve(ours) : reject(new Error('html2canvas did not load'));
      });
      script.addEventListener('error', () => {
        html2canvasLoaded = null;
        reject(new Error('html2canvas could not be fetched'));
      });
      document.head.append(script);
    });
    return html2canvasLoaded;
  }

  /** A labelled control; with a hint after it when given. */
  function field(id, label, control, hint) {
    control.id = id;
    return h('div', {class: 'field'}, h('label', {for: id}, label), control, hint);
  }

  function formValues(form) {
    const values = {};
    for (const [name, value] of new FormData(form).entries()) {
      if (typeof value === 'string') values[name] = value.trim();
    }
    return values;
  }

  /** An element: h('button', {type: 'button', onclick: f}, 'text', child). Children that are not nodes are text. */
  function h(name, props, ...children) {
    const element = document.createElement(name);
    for (const [key, value] of Object.entries(props)) {
      if (value === null || value === undefined || value === false) continue;
      if (typeof value === 'function') {
        element.addEventListener(key.slice(2), value);
      } else {
        element.setAttribute(key, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined) element.append(child instanceof Node ? child : String(child));
    }
    return element;
  }

  window.SupportdeskWidget = {init};
  if (tag.dataset.tenant || tag.dataset.token) {
    const name = tag.dataset.token;
    init({tenant: tag.dataset.tenant, lang: tag.dataset.lang, token: name ? () => window[name]() : undefined});
  }
})();
