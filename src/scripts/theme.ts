/** Applies an embed's ?theme=light|dark (auto = the reader's own setting) as data-theme on <html>, which the CSS reads. */
export function themeFromQuery(search: string): 'light' | 'dark' | null {
  const theme = new URLSearchParams(search).get('theme');
  return theme === 'light' || theme === 'dark' ? theme : null;
}

export function applyThemeFromQuery(): void {
  const theme = themeFromQuery(window.location.search);
  if (theme) document.documentElement.setAttribute('data-theme', theme);
}
