// exportcheck loader: loads the widget's WebAssembly from the same folder as this script and
// mounts it into every element with the attribute data-exportcheck. It requests only the
// widget's own static files (widget.js, widget_bg.wasm, style.css) and nothing else.
import init from './widget.js';

const here = new URL('.', import.meta.url);
if (!document.querySelector('link[data-exportcheck-style]')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('style.css', here).href;
  link.setAttribute('data-exportcheck-style', '');
  document.head.appendChild(link);
}
init({ module_or_path: new URL('widget_bg.wasm', here) });
