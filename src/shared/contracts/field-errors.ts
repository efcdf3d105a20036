/** A field error before translation: a catalogue key and its parameters. */
export type FieldIssue = { field: string; code: string; params: Record<string, unknown> };

type IssueLike = {
  path: readonly PropertyKey[];
  message: string;
  code: string;
  maximum?: unknown;
  minimum?: unknown;
  input?: unknown;
};

/** Turns zod issues into catalogue keys, the same way on the server and in the web app. */
export function fieldIssues(issues: readonly IssueLike[]): FieldIssue[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || '_';
    if (issue.message.startsWith('validation.')) {
      return { field, code: issue.message, params: paramsOf(issue) };
    }
    // zod 4 leaves `input` out unless asked, but says "received undefined" in its own message.
    if (
      issue.code === 'invalid_type' &&
      (issue.input === undefined || /received undefined/.test(issue.message))
    ) {
      return { field, code: 'validation.required', params: {} };
    }
    if (issue.code === 'too_big') return { field, code: 'validation.tooLong', params: paramsOf(issue) };
    return { field, code: 'validation.invalid', params: {} };
  });
}

function paramsOf(issue: IssueLike): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (typeof issue.maximum === 'number' || typeof issue.maximum === 'bigint')
    params.max = Number(issue.maximum);
  if (typeof issue.minimum === 'number' || typeof issue.minimum === 'bigint')
    params.min = Number(issue.minimum);
  return params;
}
