/**
 * An embed's colours follow its ?theme=: light unless the host asks for dark or auto (the reader's own setting).
 * Embed pages are served with data-theme="light" on <html> (src/layouts/Base.astro), so a frame without JavaScript,
 * or before this runs, is light too; the CSS reads the attribute.
 */
export type EmbedPageTheme = 'light' | 'dark' | 'auto';

/** The theme asked for; anything missing or unknown is light, the safe choice in a light article. */
export function themeFromQuery(search: string): EmbedPageTheme {
  const theme = new URLSearchParams(search).get('theme');
  return theme === 'dark' || theme === 'auto' ? theme : 'light';
}

export function applyThemeFromQuery(): void {
  const theme = themeFromQuery(window.location.search);
  if (theme === 'auto') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
}
