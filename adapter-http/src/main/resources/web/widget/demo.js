// The demo host page's own script: it shows the widget as a customer's application would, for the tenant in ?tenant=
// (else "demo", the tenant `serve --demo` seeds) and in the language of ?lang= (else the browser's).
const params = new URLSearchParams(location.search);
window.SupportdeskWidget.init({tenant: params.get('tenant') || 'demo', lang: params.get('lang') || undefined});
