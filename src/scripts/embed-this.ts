/**
 * Turns each "Embed this chart" disclosure into a dialog with a live preview (an iframe of the embed page, sized by
 * its own height messages), a theme choice that rewrites the code, and a Copy button using the Clipboard API.
 */
const PREVIEW_MIN = 100;
const PREVIEW_MAX = 4000;
/** The theme parameter in the code (after "?" or an escaped "&amp;"; see embedSrc in src/lib/embeds.ts). */
const THEME_PARAM = /(\?|&amp;)theme=(?:light|dark|auto)\b/;

function enhance(root: HTMLElement): void {
  const dialog = root.querySelector<HTMLDialogElement>('[data-embed-dialog]');
  const open = root.querySelector<HTMLButtonElement>('[data-embed-open]');
  const code = root.querySelector<HTMLTextAreaElement>('[data-embed-code]');
  const preview = root.querySelector<HTMLElement>('[data-embed-preview]');
  const status = root.querySelector<HTMLElement>('[data-embed-status]');
  const copy = root.querySelector<HTMLButtonElement>('[data-embed-copy]');
  const staticBlock = root.querySelector<HTMLElement>('[data-embed-static]');
  if (!dialog || !open || !code || !preview || typeof dialog.showModal !== 'function') return;
  const baseSnippet = code.value;
  let frame: HTMLIFrameElement | null = null;

  const theme = () => root.querySelector<HTMLInputElement>('[data-embed-theme]:checked')?.value ?? 'light';
  const showPreview = () => {
    const base = root.dataset['previewSrc'] ?? '';
    const src = `${base}${base.includes('?') ? '&' : '?'}theme=${theme()}`;
    if (!frame) {
      frame = document.createElement('iframe');
      frame.title = root.dataset['previewTitle'] ?? '';
      frame.className = 'embed-this__frame';
      preview.append(frame);
    }
    if (frame.getAttribute('src') !== src) frame.src = src;
  };

  open.addEventListener('click', () => {
    dialog.showModal();
    showPreview();
  });
  root.querySelector('[data-embed-close]')?.addEventListener('click', () => dialog.close());
  for (const radio of root.querySelectorAll<HTMLInputElement>('[data-embed-theme]')) {
    radio.addEventListener('change', () => {
      code.value = baseSnippet.replace(THEME_PARAM, `$1theme=${theme()}`);
      if (status) status.textContent = '';
      showPreview();
    });
  }
  copy?.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.value);
      if (status) status.textContent = copy.dataset['copied'] ?? '';
    } catch {
      code.select();
      if (status) status.textContent = copy.dataset['failed'] ?? '';
    }
  });
  // The preview is our own page: accept its height messages only from that frame and this origin.
  window.addEventListener('message', (event) => {
    if (!frame || event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
    const data = event.data as { type?: string; height?: unknown };
    if (data?.type !== root.dataset['heightMessage'] || typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
    frame.style.height = `${Math.min(PREVIEW_MAX, Math.max(PREVIEW_MIN, Math.round(data.height)))}px`;
  });

  staticBlock?.setAttribute('hidden', '');
  open.hidden = false;
}

export function enhanceEmbedButtons(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-embed-this]')) {
    if (root.dataset['enhanced'] === undefined) {
      root.dataset['enhanced'] = '';
      enhance(root);
    }
  }
}
