/** Problems found while validating the app package, each tied to the file it is about. */
export interface Problem {
  file: string;
  message: string;
}

export class Report {
  readonly problems: Problem[] = [];
  add(file: string, message: string): void {
    this.problems.push({ file, message });
  }
  get ok(): boolean {
    return this.problems.length === 0;
  }
}

export function readJson(root: string, file: string, report: Report, read: (p: string) => string): unknown {
  let text: string;
  try {
    text = read(file);
  } catch {
    report.add(file, 'is missing');
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    report.add(file, `is not valid JSON: ${(err as Error).message}`);
    return undefined;
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
