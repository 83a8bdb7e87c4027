/**
 * IAM wildcard matching: `*` stands for any run of characters (`/` included) and `?` for one
 * character; everything else is literal. Actions compare ignoring case, ARNs and condition
 * strings with it (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 */
export function wildcardMatch(
  pattern: string,
  value: string,
  options: { readonly ignoreCase?: boolean } = {},
): boolean {
  const source = [...pattern]
    .map(char =>
      char === '*'
        ? '.*'
        : char === '?'
          ? '.'
          : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`, options.ignoreCase ? 'is' : 's').test(value);
}
