/** The chapters and page prose of one edition: English files at the top of content/chapters/ and content/pages/, translations in <lang>/ sub-folders. */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { DEFAULT_LANG, isLang, type Lang } from './editions.ts';

/** The edition an entry belongs to, from its id ("fr/01-what-they-are" → fr; "01-what-they-are" → en). */
export function entryLang(id: string): Lang {
  const first = id.split('/')[0];
  return id.includes('/') && isLang(first) ? first : DEFAULT_LANG;
}

/** This edition's chapters in reading order. The build's content check guarantees every edition has every chapter. */
export async function chaptersIn(lang: Lang): Promise<CollectionEntry<'chapters'>[]> {
  return (await getCollection('chapters', (entry) => entryLang(entry.id) === lang)).sort((a, b) => a.data.order - b.data.order);
}

/** One page's prose (content/pages/<name>.mdx) in this edition. */
export async function pageIn(name: string, lang: Lang): Promise<CollectionEntry<'pages'>> {
  const id = lang === DEFAULT_LANG ? name : `${lang}/${name}`;
  const entry = await getEntry('pages', id);
  if (!entry) throw new Error(`content/pages/${id}.mdx is missing: every edition needs its own copy of this page.`);
  return entry;
}

