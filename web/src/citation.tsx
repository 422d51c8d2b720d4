import { Fragment, type ReactNode } from 'react';
import type { CatalyticRecord } from './types.js';

/**
 * Citations and printed text as they should read: the review's markdown emphasis (`*Angew. Chem.*`,
 * `**62**`) as italics and bold, printed sub- and superscripts (`KHCO <sub>3</sub>`) as sub/sup, and
 * BibTeX/RIS entries parsed from the citation text. A DOI is written only where the record has one of its
 * source; the literature records carry the review's DOI (where the value was read), never the paper's.
 */

/** A citation with its markdown emphasis rendered (no HTML is interpreted). */
export function Citation({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  const re = /\*\*(.+?)\*\*|\*(.+?)\*/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    parts.push(<Printed key={`t${last}`} text={text.slice(last, m.index)} />);
    parts.push(m[1] !== undefined ? <b key={m.index}>{m[1]}</b> : <i key={m.index}>{m[2]}</i>);
    last = m.index + m[0].length;
  }
  parts.push(<Printed key="end" text={text.slice(last)} />);
  return <>{parts}</>;
}

/** Printed text with its <sub>/<sup> markup as real sub- and superscripts (other text verbatim, never as HTML). */
export function Printed({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  const re = /\s*<(sub|sup)>\s*(.*?)\s*<\/\1>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    parts.push(<Fragment key={`t${last}`}>{text.slice(last, m.index)}</Fragment>);
    parts.push(m[1] === 'sub' ? <sub key={m.index}>{m[2]}</sub> : <sup key={m.index}>{m[2]}</sup>);
    last = m.index + m[0].length;
  }
  parts.push(<Fragment key="end">{text.slice(last)}</Fragment>);
  return <>{parts}</>;
}

/** A citation as plain text (markdown emphasis removed), for copying. */
export const citationText = (text: string) => text.replace(/\*\*(.+?)\*\*|\*(.+?)\*/g, (_, b, i) => b ?? i);

/** Parts of a journal citation in the review's style: "A. B. Name, C. Name and D. Name, Title, *Journal*, 2023, **62**, e202304007." */
export interface CitationParts {
  authors: string[];
  title?: string;
  journal?: string;
  year?: string;
  volume?: string;
  pages?: string;
}

/** Reads authors, title, journal, year, volume and pages from a citation; only what it finds. */
export function parseCitation(text: string): CitationParts {
  const journalMatch = /(?<!\*)\*([^*]+)\*(?!\*)/.exec(text);
  if (!journalMatch) return { authors: [] };
  const before = text.slice(0, journalMatch.index).replace(/,\s*$/, '');
  const after = text.slice(journalMatch.index + journalMatch[0].length);
  const items = before.split(/,\s+|\s+and\s+/);
  const isAuthor = (s: string) => /^(?:[A-Z][a-z]?\.[\s-]?)+\s?[A-Z][\p{L}'’-]+(?:\s[A-Z][\p{L}'’-]+)?$/u.test(s.trim());
  let n = 0;
  while (n < items.length && isAuthor(items[n]!)) n++;
  // the title is what follows the authors (commas inside it are kept)
  const authors = items.slice(0, n).map((a) => a.trim());
  let title: string | undefined;
  if (n < items.length) {
    const lastAuthor = authors.at(-1);
    const start = lastAuthor ? before.indexOf(lastAuthor) + lastAuthor.length : 0;
    title = before.slice(start).replace(/^,\s*/, '').trim() || undefined;
  }
  const year = /\b(1[89]\d\d|20\d\d)\b/.exec(after)?.[1];
  const volume = /\*\*([^*]+)\*\*/.exec(after)?.[1];
  const tail = after
    .replace(/\*\*[^*]+\*\*/, '')
    .split(',')
    .map((s) => s.replace(/\.$/, '').trim())
    .filter(Boolean);
  const pages = tail.length > 1 && tail.at(-1) !== year ? tail.at(-1) : undefined;
  return { authors, title, journal: journalMatch[1]!.trim(), year, volume, pages };
}

const bibEscape = (s: string) => s.replace(/([{}&%$#_])/g, '\\$1');

/** "J. Xian" → "Xian, J." (BibTeX and RIS order). */
const lastFirst = (a: string) => {
  const m = /^((?:[A-Z][a-z]?\.[\s-]?)+)\s?(.+)$/.exec(a);
  return m ? `${m[2]}, ${m[1]!.trim()}` : a;
};

/** Where the value was read, for the note of an exported entry. */
const readFrom = (r: CatalyticRecord) =>
  `Values read from ${r.sourceLocation}${r.origin === 'literature' && r.sourceDoi ? ` of doi:${r.sourceDoi}` : ''} (cncouple record ${r.id})`;

/** A BibTeX entry of a record's source (an @article where the citation parses, else @misc with the citation). */
export function toBibtex(r: CatalyticRecord): string {
  const c = parseCitation(r.sourceCitation);
  const fields: [string, string | undefined][] = c.journal
    ? [
        ['author', c.authors.map(lastFirst).join(' and ') || undefined],
        ['title', c.title ? `{${c.title}}` : undefined],
        ['journal', c.journal],
        ['year', c.year],
        ['volume', c.volume],
        ['pages', c.pages?.replace(/[–—]/g, '--')],
      ]
    : [['howpublished', citationText(r.sourceCitation)]];
  if (r.origin === 'user' && r.sourceDoi) fields.push(['doi', r.sourceDoi]);
  fields.push(['note', readFrom(r)]);
  const body = fields.filter(([, v]) => v !== undefined).map(([k, v]) => `  ${k} = {${k === 'title' ? v : bibEscape(v!)}}`);
  return `@${c.journal ? 'article' : 'misc'}{${r.id},\n${body.join(',\n')}\n}\n`;
}

/** A RIS entry of a record's source. */
export function toRis(r: CatalyticRecord): string {
  const c = parseCitation(r.sourceCitation);
  const lines: [string, string | undefined][] = [['TY', c.journal ? 'JOUR' : 'GEN'], ...c.authors.map((a): [string, string] => ['AU', lastFirst(a)])];
  if (c.journal) lines.push(['TI', c.title], ['JO', c.journal], ['PY', c.year], ['VL', c.volume], ['SP', c.pages]);
  else lines.push(['TI', citationText(r.sourceCitation)]);
  if (r.origin === 'user' && r.sourceDoi) lines.push(['DO', r.sourceDoi]);
  lines.push(['N1', readFrom(r)], ['ID', r.id], ['ER', '']);
  return (
    lines
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}  - ${v}`.trimEnd())
      .join('\n') + '\n'
  );
}
