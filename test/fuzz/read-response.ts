/** A fuzzed request's answer, read once: its status, its text, and its JSON when it has any (a refusal may not). */
export interface FuzzAnswer {
  status: number;
  json: any;
  text: string;
}

export async function readAnswer(res: Response): Promise<FuzzAnswer> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}
