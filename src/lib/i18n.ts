/** Reader-facing interface words, kept in content/ui/<lang>.json so a French or Chinese edition is a new file, not a code change. */
import en from '../../content/ui/en.json' with { type: 'json' };

export type UiKey = keyof typeof en;

const editions: Record<string, Record<UiKey, string>> = { en };

/** Looks up an interface string and fills {placeholders}; a missing key is a build error, not a blank. */
export function t(key: UiKey, vars: Record<string, string | number> = {}, lang: string = 'en'): string {
  const strings = editions[lang];
  if (!strings) throw new Error(`No interface strings for language "${lang}" (expected content/ui/${lang}.json).`);
  const template = strings[key];
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`Interface string "${key}" needs a value for {${name}}.`);
    return String(value);
  });
}
