import { InputError } from '../../chem/index.js';

/** A Python literal value as read: str, int/float, bool, None (null), list or tuple (arrays), dict (plain object). */
export type PyValue = string | number | boolean | null | PyValue[] | PyDict;
/** A Python dict with string keys (int/float keys are kept as their decimal text). */
export interface PyDict {
  [key: string]: PyValue;
}

/** An error in a setup file, pointing at the line and column with a caret. */
export class PythonLiteralError extends InputError {
  readonly line: number;
  readonly column: number;
  constructor(file: string, text: string, offset: number, problem: string) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const lineStart = before.lastIndexOf('\n') + 1;
    const column = offset - lineStart + 1;
    const lineText = text.slice(lineStart, text.indexOf('\n', lineStart) === -1 ? undefined : text.indexOf('\n', lineStart));
    super(
      `${file}:${line}:${column}`,
      'name = literal (str, number, True/False/None, list, tuple, dict; + - * / of numbers), read as data and never executed',
      problem,
      {
        detail: `  ${lineText}\n  ${' '.repeat(Math.max(0, column - 1))}^`,
      },
    );
    this.name = 'PythonLiteralError';
    this.line = line;
    this.column = column;
  }
}

type Tok =
  | { kind: 'name'; value: string; at: number }
  | { kind: 'num'; value: number; at: number }
  | { kind: 'str'; value: string; at: number }
  | { kind: 'op'; value: string; at: number }
  | { kind: 'nl'; at: number }
  | { kind: 'eof'; at: number };

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\n': '',
};

function tokenize(text: string, file: string): Tok[] {
  const toks: Tok[] = [];
  let depth = 0;
  let i = 0;
  const err = (at: number, problem: string): never => {
    throw new PythonLiteralError(file, text, at, problem);
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\r' && text[i + 2] === '\n') {
      i += 3;
      continue;
    }
    if (c === '\n') {
      if (depth === 0 && toks.length && toks.at(-1)!.kind !== 'nl') toks.push({ kind: 'nl', at: i });
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    const start = i;
    if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < text.length && /\w/.test(text[j]!)) j++;
      const word = text.slice(i, j);
      if ((text[j] === "'" || text[j] === '"') && /^[rRuUbBfF]{1,2}$/.test(word)) {
        if (/[fF]/.test(word)) err(i, 'f-strings are expressions, not literals');
        if (/[bB]/.test(word)) err(i, 'bytes literals are not read');
        i = j;
        toks.push(readString(word.toLowerCase().includes('r')));
        continue;
      }
      toks.push({ kind: 'name', value: word, at: i });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = /^(?:\d[\d_]*)?(?:\.[\d_]*)?(?:[eE][+-]?\d[\d_]*)?/.exec(text.slice(i))!;
      let lit = m[0];
      if (/^0[xXoObB]/.test(text.slice(i, i + 2))) err(i, 'only decimal numbers are read');
      if (/[jJ]/.test(text[i + lit.length] ?? '')) err(i, 'complex numbers are not read');
      if (/^0\d/.test(lit) && !/[.eE]/.test(lit) && !/^0+$/.test(lit)) err(i, 'leading zeros in an integer are not Python');
      if (/_$|__|_\.|\._/.test(lit)) err(i, `malformed number "${lit}"`);
      lit = lit.replace(/_/g, '');
      const v = Number(lit);
      if (lit === '' || lit === '.' || !Number.isFinite(v)) err(i, `malformed number "${m[0]}"`);
      toks.push({ kind: 'num', value: v, at: i });
      i += m[0].length;
      if (/\w/.test(text[i] ?? '')) err(i, 'a number runs into a name');
      continue;
    }
    if (c === "'" || c === '"') {
      toks.push(readString(false));
      continue;
    }
    if ('[({'.includes(c)) depth++;
    if ('])}'.includes(c)) depth = Math.max(0, depth - 1);
    if ('[](){},:=+-*/.;'.includes(c)) {
      const two = text.slice(i, i + 2);
      if (['+=', '-=', '*=', '/=', '==', '**', '//', '->'].includes(two)) err(i, `operator "${two}" is not read (only "=" assignments and + - * / of numbers)`);
      toks.push({ kind: 'op', value: c, at: i });
      i++;
      continue;
    }
    err(start, `unexpected character "${c}"`);
  }
  if (toks.length && toks.at(-1)!.kind !== 'nl') toks.push({ kind: 'nl', at: text.length });
  toks.push({ kind: 'eof', at: text.length });
  return toks;

  function readString(raw: boolean): Tok {
    const at = i;
    const q = text[i]!;
    const triple = text.slice(i, i + 3) === q.repeat(3);
    i += triple ? 3 : 1;
    let out = '';
    for (;;) {
      if (i >= text.length) err(at, 'unterminated string');
      const ch = text[i]!;
      if (triple ? text.slice(i, i + 3) === q.repeat(3) : ch === q) {
        i += triple ? 3 : 1;
        return { kind: 'str', value: out, at };
      }
      if (ch === '\n' && !triple) err(at, 'unterminated string (a line ends inside it)');
      if (ch === '\\' && !raw) {
        const e = text[i + 1] ?? '';
        if (e in ESCAPES) {
          out += ESCAPES[e];
          i += 2;
          continue;
        }
        if (e === 'u' || e === 'x') {
          const n = e === 'u' ? 4 : 2;
          const hex = text.slice(i + 2, i + 2 + n);
          if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) err(i, `bad \\${e} escape`);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 2 + n;
          continue;
        }
        out += '\\';
        i++;
        continue;
      }
      if (ch === '\\' && raw && i + 1 < text.length) {
        out += ch + text[i + 1];
        i += 2;
        continue;
      }
      out += ch;
      i++;
    }
  }
}

/** Where each top-level name was assigned (offset into the text), for messages. */
export interface PythonAssignments {
  values: Record<string, PyValue>;
  /** Offset of the (last) statement that set each name. */
  offsets: Record<string, number>;
}

/**
 * Reads a Python file as data: top-level statements `name = literal` and `name[key]…[key] = literal` (as CatMAP setup
 * files are written, e.g. `species_definitions['H2_g'] = {'pressure': 0.01}`), with literals str (quotes, triple
 * quotes, raw, adjacent concatenation), int/float, True/False/None, lists, tuples, dicts, comments, and + - * / of
 * numbers (so `1./3.` reads as 0.333…). Anything else — imports, calls, names used as values, loops, `+=` — is
 * refused with its line and column; nothing is executed.
 * @param file - the file name, for messages
 * @throws {PythonLiteralError} at the first thing it does not read
 * @example readPythonLiterals("x = [1, 'a']  # c").values.x // [1, 'a']
 */
export function readPythonLiterals(text: string, file = 'setup'): PythonAssignments {
  const toks = tokenize(text.replace(/^\uFEFF/, ''), file);
  let p = 0;
  const values: Record<string, PyValue> = Object.create(null) as Record<string, PyValue>;
  const offsets: Record<string, number> = Object.create(null) as Record<string, number>;
  const err = (t: Tok, problem: string): never => {
    throw new PythonLiteralError(file, text, t.at, problem);
  };
  const peek = () => toks[p]!;
  const next = () => toks[p++]!;
  const isOp = (t: Tok, v: string) => t.kind === 'op' && t.value === v;
  const expectOp = (v: string, what: string) => {
    const t = next();
    if (!isOp(t, v)) err(t, `expected "${v}" ${what}`);
  };
  const describe = (t: Tok) =>
    t.kind === 'nl' ? 'the end of the line' : t.kind === 'eof' ? 'the end of the file' : t.kind === 'str' ? 'a string' : `"${t.value}"`;
  const keyOf = (v: PyValue, t: Tok): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    return err(t, 'dict keys and subscripts must be strings or numbers');
  };

  function atom(): PyValue {
    const t = next();
    if (t.kind === 'str') {
      let s = t.value;
      while (peek().kind === 'str') s += (next() as { value: string }).value;
      return s;
    }
    if (t.kind === 'num') return t.value;
    if (t.kind === 'name') {
      if (t.value === 'True') return true;
      if (t.value === 'False') return false;
      if (t.value === 'None') return null;
      if (isOp(peek(), '(')) return err(t, `calls ("${t.value}(…)") are not read: write the value as a literal`);
      return err(t, `the name "${t.value}" is used as a value: only literals are read (no variables)`);
    }
    if (isOp(t, '[')) return seq(']', t);
    if (isOp(t, '(')) {
      if (isOp(peek(), ')')) {
        next();
        return [];
      }
      const first = expr();
      if (isOp(peek(), ')')) {
        next();
        return first; // parenthesised expression
      }
      expectOp(',', 'or ")" in a tuple');
      const rest = isOp(peek(), ')') ? (next(), []) : seq(')', t);
      return [first, ...(rest as PyValue[])];
    }
    if (isOp(t, '{')) {
      const d: PyDict = Object.create(null) as PyDict;
      while (!isOp(peek(), '}')) {
        const kt = peek();
        const k = keyOf(expr(), kt);
        const colon = next();
        if (!isOp(colon, ':'))
          err(
            colon,
            isOp(colon, ',') || isOp(colon, '}') ? 'sets are not read (a dict needs key: value)' : `expected ":" after a dict key, got ${describe(colon)}`,
          );
        d[k] = expr();
        const sep = peek();
        if (isOp(sep, ',')) next();
        else if (!isOp(sep, '}')) err(sep, `expected "," or "}" in a dict, got ${describe(sep)}`);
      }
      next();
      return d;
    }
    return err(t, `expected a literal, got ${describe(t)}`);
  }
  function seq(close: string, open: Tok): PyValue[] {
    const out: PyValue[] = [];
    while (!isOp(peek(), close)) {
      if (peek().kind === 'eof') err(open, `"${open.kind === 'op' ? open.value : ''}" is never closed`);
      out.push(expr());
      const sep = peek();
      if (isOp(sep, ',')) next();
      else if (!isOp(sep, close)) err(sep, `expected "," or "${close}", got ${describe(sep)}`);
    }
    next();
    return out;
  }
  function unary(): PyValue {
    const t = peek();
    if (isOp(t, '-') || isOp(t, '+')) {
      next();
      const v = unary();
      if (typeof v !== 'number') return err(t, 'unary + and - apply to numbers only');
      return isOp(t, '-') ? -v : v;
    }
    const v = atom();
    if (isOp(peek(), '[')) return err(peek(), 'subscripts are read only on the left of "="');
    if (isOp(peek(), '(')) return err(peek(), 'calls are not read');
    if (isOp(peek(), '.')) return err(peek(), 'attributes (".") are not read');
    return v;
  }
  function term(): PyValue {
    let v = unary();
    while (isOp(peek(), '*') || isOp(peek(), '/')) {
      const op = next();
      const w = unary();
      if (typeof v !== 'number' || typeof w !== 'number') return err(op, `"${(op as { value: string }).value}" applies to numbers only`);
      if (isOp(op, '/') && w === 0) return err(op, 'division by zero');
      v = isOp(op, '*') ? v * w : v / w;
    }
    return v;
  }
  function expr(): PyValue {
    let v = term();
    while (isOp(peek(), '+') || isOp(peek(), '-')) {
      const op = next();
      const w = term();
      if (typeof v !== 'number' || typeof w !== 'number')
        return err(op, `"${(op as { value: string }).value}" applies to numbers only (no string or list concatenation)`);
      v = isOp(op, '+') ? v + w : v - w;
    }
    return v;
  }
  function exprList(): PyValue {
    const first = expr();
    if (!isOp(peek(), ',')) return first;
    const out = [first];
    while (isOp(peek(), ',')) {
      next();
      if (peek().kind === 'nl') break;
      out.push(expr());
    }
    return out;
  }

  while (peek().kind !== 'eof') {
    const t = next();
    if (t.kind === 'nl') continue;
    if (t.kind !== 'name') err(t, `a statement must start with a name (name = literal), got ${describe(t)}`);
    const name = (t as { value: string }).value;
    if (
      [
        'import',
        'from',
        'def',
        'class',
        'for',
        'while',
        'if',
        'with',
        'try',
        'exec',
        'eval',
        'lambda',
        'del',
        'global',
        'print',
        'return',
        'assert',
        'raise',
        'pass',
      ].includes(name)
    )
      err(t, `"${name}" statements are not read (the file is data, never executed)`);
    if (name === 'True' || name === 'False' || name === 'None') err(t, `cannot assign to ${name}`);
    const keys: { key: string; tok: Tok }[] = [];
    while (isOp(peek(), '[')) {
      next();
      const kt = peek();
      keys.push({ key: keyOf(expr(), kt), tok: kt });
      expectOp(']', 'after a subscript');
    }
    const eq = next();
    if (!isOp(eq, '='))
      err(eq, isOp(eq, '(') ? 'calls are not read' : isOp(eq, '.') ? 'attributes (".") are not read' : `expected "=" after "${name}", got ${describe(eq)}`);
    const value = exprList();
    const end = next();
    if (isOp(end, '=')) err(end, 'chained assignments are not read');
    if (isOp(end, ';')) err(end, 'one statement per line (";" is not read)');
    if (end.kind !== 'nl' && end.kind !== 'eof') err(end, `expected the end of the statement, got ${describe(end)}`);
    if (keys.length === 0) {
      values[name] = value;
    } else {
      let target: PyValue | undefined = values[name];
      if (target === undefined) err(t, `"${name}" is subscripted before it is assigned`);
      for (let k = 0; k < keys.length - 1; k++) {
        if (target === null || typeof target !== 'object' || Array.isArray(target)) return err(keys[k]!.tok, `"${name}" is not a dict here`);
        target = (target as PyDict)[keys[k]!.key];
        if (target === undefined) return err(keys[k]!.tok, `no key "${keys[k]!.key}" to subscript`);
      }
      if (target === null || typeof target !== 'object' || Array.isArray(target))
        return err(keys.at(-1)!.tok, `"${name}" is not a dict: only dict entries are assigned by subscript`);
      (target as PyDict)[keys.at(-1)!.key] = value;
    }
    offsets[name] = t.at;
  }
  return { values, offsets };
}

/** Writes a value as Python literal text (the inverse of {@link readPythonLiterals} for one value). */
export function toPythonLiteral(v: PyValue): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new InputError('value', 'a finite number', `got ${v}`);
    return Object.is(v, -0) ? '-0.0' : String(v);
  }
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
  if (Array.isArray(v)) return `[${v.map(toPythonLiteral).join(', ')}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `${toPythonLiteral(k)}: ${toPythonLiteral(x)}`)
    .join(', ')}}`;
}
