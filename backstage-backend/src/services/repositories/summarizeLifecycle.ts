/** One line per rule of an ECR lifecycle policy, for the repository summary. */
export function summarizeLifecycle(text: string | undefined): string[] {
  if (!text) return [];
  try {
    const policy = JSON.parse(text) as {
      rules?: {
        description?: string;
        selection?: Record<string, unknown>;
        action?: { type?: string };
      }[];
    };
    return (policy.rules ?? []).map(rule => {
      if (rule.description) return rule.description;
      const s = rule.selection ?? {};
      const what = `${s.tagStatus ?? 'any'} images`;
      const action = rule.action?.type ?? 'expire';
      return s.countType === 'imageCountMoreThan'
        ? `${action} ${what} beyond ${s.countNumber}`
        : `${action} ${what} after ${s.countNumber} ${s.countUnit ?? 'days'}`;
    });
  } catch {
    return ['(unreadable policy)'];
  }
}
