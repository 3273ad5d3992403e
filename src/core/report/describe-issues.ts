/**
 * zod issues as text for people: one pure function, used wherever a record, a request or a data file is
 * refused (the CLI's JSON lines, batch records, pool errors, baselines).
 */

/** zod issues as one line, each with its path: `"title": expected a string; ...`. */
export function describeIssues(issues: readonly unknown[], prefix: readonly unknown[] = []): string {
  return issues
    .map((issue) => {
      const { path = [], message, code, errors } = issue as { path?: unknown[]; message?: string; code?: string; errors?: unknown[][] };
      const at = [...prefix, ...path];
      // A union (a string, or a record): describe the branch that got furthest, not "Invalid input".
      if (code === 'invalid_union' && Array.isArray(errors) && errors.length > 0) {
        const branch = errors.find((branchIssues) => !branchIssues.some((inner) => ((inner as { path?: unknown[] }).path ?? []).length === 0)) ?? errors[0] ?? [];
        if (branch.length > 0) return describeIssues(branch, at);
      }
      return `${at.length > 0 ? `"${at.join('.')}": ` : ''}${message ?? 'invalid value'}`;
    })
    .join('; ');
}
