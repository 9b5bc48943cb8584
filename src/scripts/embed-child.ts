/**
 * Inside an embed iframe: measures the content wrapper with ResizeObserver and tells the host page its height, only
 * when it changes by a pixel or more. Speaks our own message, pym.js's string format (when a pym parent passed a
 * childId) and AMP's embed-size, so hosts already using those work. No polling, and nothing is sent when idle.
 */

import { HEIGHT_MESSAGE_TYPE } from './embed-message.ts';

export function startEmbedChild(): void {
  if (window.parent === window) return;
  const root = document.querySelector<HTMLElement>('[data-embed-root]');
  if (!root) return;
  const pymId = new URLSearchParams(window.location.search).get('childId');
  let lastHeight = 0;

  const report = () => {
    // The wrapper's own box, not the document: measuring the viewport would feed the iframe's height back into itself.
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (Math.abs(height - lastHeight) < 1) return;
    lastHeight = height;
    // Height is not secret, so '*' is fine here; the host side is the one that checks origin and source.
    // Our message: an object, so a host can tell it apart from other frames' strings without parsing.
    window.parent.postMessage({ type: HEIGHT_MESSAGE_TYPE, height }, '*');
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
    if (pymId) window.parent.postMessage(`pymxPYMx${pymId}xPYMxheightxPYMx${height}`, '*');
  };

  new ResizeObserver(report).observe(root);
  report();
}

/**
 * ?view= picks which view of a chart the frame opens on (the registry's embed parameter, e.g. the map's responses
 * view, as on chapter 4). Only a value that one of the chart's own view buttons offers is applied. It sets the same
 * state the map script's buttons set, so it works whichever script runs first.
 */
export function applyEmbedView(search: string): void {
  const view = new URLSearchParams(search).get('view');
  if (!view) return;
  for (const figure of document.querySelectorAll<HTMLElement>('[data-view]')) {
    const buttons = [...figure.querySelectorAll<HTMLButtonElement>('[data-view-button]')];
    if (!buttons.some((button) => button.dataset['viewButton'] === view)) continue;
    figure.dataset['view'] = view;
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset['viewButton'] === view));
  }
}
