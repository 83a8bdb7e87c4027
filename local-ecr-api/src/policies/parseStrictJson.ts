/**
 * Parses JSON and refuses an object that names a key twice. `JSON.parse` silently keeps the
 * last duplicate; the IAM policy grammar forbids duplicates ("Individual elements must not
 * contain multiple instances of the same key",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html).
 * Returns the value, or the reason the text is refused.
 */
export function parseStrictJson(
  text: string,
): { readonly value: unknown } | { readonly problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'the text is not valid JSON' };
  }
  const duplicate = firstDuplicateKey(text);
  return duplicate === undefined
    ? { value }
    : { problem: `the key "${duplicate}" appears twice in one object` };
}

/** Scans text that is already known to be valid JSON; a set per open object, none per array. */
function firstDuplicateKey(text: string): string | undefined {
  const open: (Set<string> | undefined)[] = [];
  let expectingKey = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const keys = open[open.length - 1];
      if (keys && expectingKey) {
        // Decoding makes "a" and "\u0061" the same key, as JSON.parse sees them.
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) return key;
        keys.add(key);
        expectingKey = false;
      }
      i = end;
    } else if (char === '{') {
      open.push(new Set());
      expectingKey = true;
    } else if (char === '[') {
      open.push(undefined);
    } else if (char === '}' || char === ']') {
      open.pop();
    } else if (char === ',') {
      expectingKey = open[open.length - 1] !== undefined;
    }
  }
  return undefined;
}
