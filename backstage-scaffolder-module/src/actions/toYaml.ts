// Block-style YAML for plain JSON data: enough for the action's examples, which the
// scaffolder shows as YAML to paste into a template. Strings are plain where YAML reads them
// back as the same string, and double-quoted (a JSON string is a YAML one) otherwise.

const PLAIN = /^[A-Za-z][A-Za-z0-9 _./:-]*$/;
/** What ends a plain scalar early (`: `, ` #`) or changes it (a trailing space or colon). */
const BREAKS_PLAIN = /: | #|[ :]$/;
/** Words YAML 1.1 or 1.2 reads as booleans or null. */
const KEYWORDS = /^(?:true|false|yes|no|on|off|y|n|null)$/i;

function scalar(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  return PLAIN.test(value) && !BREAKS_PLAIN.test(value) && !KEYWORDS.test(value)
    ? value
    : JSON.stringify(value);
}

function isCollection(value: unknown): value is object {
  return (
    value !== null && typeof value === 'object' && Object.keys(value).length > 0
  );
}

function lines(value: unknown): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return ['[]'];
    return value.flatMap(item => {
      const [first, ...rest] = lines(item);
      return [`- ${first}`, ...rest.map(line => `  ${line}`)];
    });
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return ['{}'];
    return entries.flatMap(([key, item]) =>
      isCollection(item)
        ? [`${scalar(key)}:`, ...lines(item).map(line => `  ${line}`)]
        : [`${scalar(key)}: ${lines(item)[0]}`],
    );
  }
  return [scalar(value ?? null)];
}

/** `value` as a YAML document. */
export function toYaml(value: unknown): string {
  return `${lines(value).join('\n')}\n`;
}
