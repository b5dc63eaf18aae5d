/**
 * Maps a concrete request path (/api/v2/tickets/42.json?x=1) or a template with any parameter
 * names (/api/v2/tickets/{id}) onto the spec's path templates.
 */

/** Drops the query string, a trailing ".json" (Zendesk accepts both forms) and a trailing slash. */
export function normalizeApiPath(rawPath: string): string {
  let p = rawPath.split('?')[0] ?? '';
  p = p.replace(/\.json$/, '');
  if (p.length > 1) p = p.replace(/\/+$/, '');
  return p;
}

const isParam = (segment: string): boolean => /^\{[^}]+\}$/.test(segment);

interface CompiledTemplate {
  template: string;
  segments: string[];
}

export class PathMatcher {
  private readonly templates: CompiledTemplate[];

  constructor(templates: Iterable<string>) {
    this.templates = [...templates].map((template) => ({ template, segments: template.split('/') }));
  }

  /**
   * The best template for `path`: same number of segments, literal segments equal, and among
   * several matches the one with literals earliest (so /users/me beats /users/{user_id}).
   */
  match(path: string): string | undefined {
    const segments = normalizeApiPath(path).split('/');
    let best: { template: string; score: number[] } | undefined;
    for (const candidate of this.templates) {
      if (candidate.segments.length !== segments.length) continue;
      const score: number[] = [];
      let ok = true;
      for (let i = 0; i < segments.length; i++) {
        const want = candidate.segments[i] ?? '';
        const got = segments[i] ?? '';
        if (isParam(want)) {
          if (got === '') ok = false;
          score.push(0);
        } else if (want === got) {
          score.push(1);
        } else {
          ok = false;
        }
        if (!ok) break;
      }
      if (ok && (!best || compareScores(score, best.score) > 0)) best = { template: candidate.template, score };
    }
    return best?.template;
  }
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
