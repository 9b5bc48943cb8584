/** Reader-facing interface words, one file per edition in content/ui/<lang>.json, with English's keys in every edition (src/lib/i18n.test.ts). */
import en from '../../content/ui/en.json' with { type: 'json' };
import fr from '../../content/ui/fr.json' with { type: 'json' };
import zh from '../../content/ui/zh.json' with { type: 'json' };

export type UiKey = keyof typeof en;

/** Each edition's strings. The parity test fails when a file lacks one of English's keys or has one English lacks. */
export const UI_STRINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = { en, fr, zh };

/** Looks up an interface string and fills {placeholders}; a missing key or value is a build error, not a blank. */
export function t(key: UiKey, vars: Record<string, string | number>, lang: string): string {
  const strings = UI_STRINGS[lang];
  if (!strings) throw new Error(`No interface strings for language "${lang}" (expected content/ui/${lang}.json).`);
  const template = strings[key];
  if (template === undefined) throw new Error(`content/ui/${lang}.json has no "${key}": add it (English: ${JSON.stringify(en[key])}).`);
  return template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`Interface string "${key}" needs a value for {${name}}.`);
    return String(value);
  });
}
