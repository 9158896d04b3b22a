// A small parser for the $filter expressions Graph accepts on list items
// (eq, ne, gt, ge, lt, le, and, or, parentheses, startswith, null), for the
// Graph stand-in. It also reports which columns an expression touches, so the
// stand-in can refuse unindexed ones as SharePoint does.
type Value = string | number | boolean | null;
type Token = { kind: "name" | "string" | "number" | "symbol"; text: string };

export interface ParsedFilter {
  columns: Set<string>;
  test(valueOf: (column: string) => unknown): boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === "'") {
      let value = "";
      index += 1;
      for (;;) {
        if (index >= text.length) throw new Error("Unterminated string literal");
        if (text[index] === "'" && text[index + 1] === "'") {
          value += "'";
          index += 2;
        } else if (text[index] === "'") {
          index += 1;
          break;
        } else {
          value += text[index];
          index += 1;
        }
      }
      tokens.push({ kind: "string", text: value });
    } else if ("(),".includes(char)) {
      tokens.push({ kind: "symbol", text: char });
      index += 1;
    } else {
      const match = /^[-\w/.:]+/.exec(text.slice(index));
      if (!match) throw new Error(`Syntax error at position ${index} in '${text}'.`);
      const word = match[0];
      tokens.push({ kind: /^-?\d+(\.\d+)?$/.test(word) ? "number" : "name", text: word });
      index += word.length;
    }
  }
  return tokens;
}

function compare(left: unknown, right: Value): number {
  if (typeof left === "number" && typeof right === "number") return left - right;
  const a = String(left);
  const b = String(right);
  return a < b ? -1 : a > b ? 1 : 0;
}

type Predicate = (valueOf: (column: string) => unknown) => boolean;

export function parseFilter(text: string): ParsedFilter {
  const tokens = tokenize(text);
  const columns = new Set<string>();
  let position = 0;
  const peek = () => tokens[position];
  const take = () => {
    const token = tokens[position];
    if (!token) throw new Error(`Unexpected end of '${text}'.`);
    position += 1;
    return token;
  };
  const expect = (symbol: string) => {
    const token = take();
    if (token.text !== symbol) throw new Error(`Expected '${symbol}' in '${text}'.`);
  };
  const column = (token: Token): string => {
    if (token.kind !== "name") throw new Error(`Expected a field in '${text}'.`);
    const name = token.text.replace(/^fields\//, "");
    columns.add(name);
    return name;
  };
  const literal = (): Value => {
    const token = take();
    if (token.kind === "string") return token.text;
    if (token.kind === "number") return Number(token.text);
    if (token.text === "null") return null;
    if (token.text === "true") return true;
    if (token.text === "false") return false;
    throw new Error(`Expected a value in '${text}'.`);
  };

  const primary = (): Predicate => {
    const token = take();
    if (token.text === "(") {
      const inner = orExpression();
      expect(")");
      return inner;
    }
    if (token.text === "startswith") {
      expect("(");
      const name = column(take());
      expect(",");
      const prefix = literal();
      expect(")");
      return (valueOf) => typeof valueOf(name) === "string" && (valueOf(name) as string).startsWith(String(prefix));
    }
    const name = column(token);
    const operator = take().text;
    const value = literal();
    return (valueOf) => {
      const actual = valueOf(name);
      const absent = actual === undefined || actual === null;
      if (value === null) return operator === "eq" ? absent : operator === "ne" ? !absent : false;
      if (operator === "eq") return !absent && (typeof value === "boolean" ? Boolean(actual) === value : compare(actual, value) === 0);
      if (operator === "ne") return absent || compare(actual, value) !== 0;
      if (absent) return false;
      const order = compare(actual, value);
      if (operator === "gt") return order > 0;
      if (operator === "ge") return order >= 0;
      if (operator === "lt") return order < 0;
      if (operator === "le") return order <= 0;
      throw new Error(`Unknown operator '${operator}' in '${text}'.`);
    };
  };
  const andExpression = (): Predicate => {
    let left = primary();
    while (peek()?.text === "and") {
      take();
      const right = primary();
      const previous = left;
      left = (valueOf) => previous(valueOf) && right(valueOf);
    }
    return left;
  };
  const orExpression = (): Predicate => {
    let left = andExpression();
    while (peek()?.text === "or") {
      take();
      const right = andExpression();
      const previous = left;
      left = (valueOf) => previous(valueOf) || right(valueOf);
    }
    return left;
  };
  const predicate = orExpression();
  if (position !== tokens.length) throw new Error(`Unexpected '${tokens[position]!.text}' in '${text}'.`);
  return { columns, test: predicate };
}
