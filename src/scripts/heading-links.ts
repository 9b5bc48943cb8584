/**
 * Copy-link buttons beside section headings (src/components/heading/HeadingLink.astro). Without JavaScript the heading
 * itself links to its anchor; with it, the button copies the section's full address and says so beside the button.
 */

const STATUS_MS = 2500;

function sectionUrl(id: string): string {
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}#${encodeURIComponent(id)}`;
}

async function copy(button: HTMLButtonElement): Promise<void> {
  const id = button.dataset['copyLink'] ?? '';
  const status = button.parentElement?.querySelector<HTMLElement>('.heading-link__status');
  let message = button.dataset['copied'] ?? '';
  try {
    await navigator.clipboard.writeText(sectionUrl(id));
  } catch {
    // No clipboard (permissions, insecure origin): put the address where the reader can copy it by hand.
    history.replaceState(null, '', `#${encodeURIComponent(id)}`);
    message = button.dataset['failed'] ?? '';
  }
  if (!status) return;
  status.textContent = message;
  window.setTimeout(() => {
    if (status.textContent === message) status.textContent = '';
  }, STATUS_MS);
}

/** Wires every copy-link button once; safe to call from each heading's script (Astro bundles it once). */
export function enhanceHeadingLinks(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy-link]:not([data-ready])')) {
    button.dataset['ready'] = '';
    button.addEventListener('click', () => void copy(button));
  }
}
