/**
 * `kashif extract --format html`: one self-contained right-to-left page (no scripts, no external
 * files) that highlights every mention by type, with a legend, and shows the entity's canonical
 * name when the pointer rests on a mention. Each highlight carries its offsets (`data-start`,
 * `data-end`) into the document's text, which is the section's text content, unchanged.
 */
import type { EntityType, Mention } from '../index.js';

interface HtmlDocument {
  readonly name: string;
  readonly text: string;
  readonly mentions: readonly Mention[];
}

const LABEL: Record<EntityType, { readonly ar: string; readonly en: string }> = {
  PERSON: { ar: 'أشخاص', en: 'people' },
  LOCATION: { ar: 'أماكن', en: 'places' },
  ORGANIZATION: { ar: 'منظمات', en: 'organisations' },
};

const STYLE = `
:root { color-scheme: light; --per: #fde68a; --per-line: #b45309; --loc: #bfdbfe; --loc-line: #1d4ed8; --org: #bbf7d0; --org-line: #15803d; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; font: 1.15rem/2 "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif; color: #111827; background: #fff; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid #e5e7eb; padding: .5rem 0; z-index: 2; }
h1 { font-size: 1.3rem; margin: 0; }
h2 { font-size: 1rem; margin: 2rem 0 .25rem; color: #374151; direction: ltr; text-align: right; unicode-bidi: isolate; }
.legend { display: flex; gap: 1rem; flex-wrap: wrap; margin: .25rem 0 0; padding: 0; list-style: none; font-size: .95rem; }
.counts { font-size: .9rem; color: #4b5563; margin: 0; }
.doc { white-space: pre-wrap; unicode-bidi: plaintext; overflow-wrap: anywhere; }
mark { position: relative; border-radius: .25rem; padding: 0 .1rem; border-bottom: 2px solid; color: inherit; }
mark.PERSON { background: var(--per); border-color: var(--per-line); }
mark.LOCATION { background: var(--loc); border-color: var(--loc-line); }
mark.ORGANIZATION { background: var(--org); border-color: var(--org-line); }
mark.unlinked { border-bottom-style: dashed; }
mark::after { content: attr(data-name); display: none; position: absolute; bottom: 100%; right: 0; z-index: 1; white-space: nowrap; padding: .1rem .5rem; border-radius: .25rem; background: #111827; color: #fff; font-size: .85rem; line-height: 1.6; }
mark:hover::after, mark:focus::after { display: block; }
.legend mark::after { content: none; }
`;

/** The page up to the first document. */
export function htmlHead(title: string): string {
  const legend = (Object.keys(LABEL) as EntityType[])
    .map((t) => `<li><mark class="${t}">${LABEL[t].ar}</mark> ${LABEL[t].en}</li>`)
    .join('');
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escape(title)}</h1>
<ul class="legend">${legend}<li><mark class="PERSON unlinked">—</mark> found, not in the gazetteer</li></ul>
</header>
<main>
`;
}

/** The page after the last document. */
export function htmlFoot(): string {
  return '</main>\n</body>\n</html>\n';
}

/** One document: its name, the count of mentions per type, and its text with highlights. */
export function htmlSection(doc: HtmlDocument, index: number): string {
  const counts = (Object.keys(LABEL) as EntityType[]).map((t) => `${LABEL[t].ar} ${doc.mentions.filter((m) => m.type === t).length}`).join(' · ');
  let body = '';
  let at = 0;
  for (const m of doc.mentions) {
    body += escape(doc.text.slice(at, m.start));
    const name = m.entity ? [m.entity.name.ar, m.entity.name.en, m.entity.wikidata].filter(Boolean).join(' · ') : `${m.type} · not in the gazetteer`;
    const attributes = [
      `class="${m.type}${m.entity ? '' : ' unlinked'}"`,
      `data-start="${m.start}"`,
      `data-end="${m.end}"`,
      `data-type="${m.type}"`,
      ...(m.entity ? [`data-entity="${escape(m.entity.id)}"`] : []),
      `data-name="${escape(name)}"`,
      'tabindex="0"',
    ];
    body += `<mark ${attributes.join(' ')}>${escape(m.text)}</mark>`;
    at = m.end;
  }
  body += escape(doc.text.slice(at));
  return `<section id="doc-${index + 1}">
<h2>${escape(doc.name === '-' ? 'standard input' : doc.name)}</h2>
<p class="counts">${counts}</p>
<div class="doc" dir="auto">${body}</div>
</section>
`;
}

/**
 * Escapes markup, and keeps the text's length as the browser reads it: a carriage return would be
 * folded into a line feed, and a NUL dropped, so they are written as references (NUL as U+FFFD).
 */
function escape(text: string): string {
  return text.replace(/[&<>"'\r\0]/g, (c) => (c === '\0' ? '&#65533;' : `&#${c.charCodeAt(0)};`));
}
