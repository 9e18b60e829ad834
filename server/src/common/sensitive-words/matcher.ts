/**
 * Finds listed words in text. Text and words are normalised the same way (full-width to half-width, lower case,
 * spaces and punctuation removed) so "傻 逼" or "ＳＢ" are caught too. Matching is Aho–Corasick: one pass over the
 * text whatever the size of the list.
 */
export interface SensitiveMatch {
  word: string;
}

interface Node {
  next: Map<string, Node>;
  fail: Node | null;
  /** Words (as listed) that end at this node, including those reached through fail links. */
  output: string[];
}

const newNode = (): Node => ({ next: new Map(), fail: null, output: [] });

/** Characters that people insert to dodge a filter; they carry no meaning in a match. */
const SEPARATORS = /[\s\p{P}\p{S}_]/u;

export function normalise(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    // Full-width ASCII (U+FF01–FF5E) → half-width; the ideographic space → nothing.
    const half = code >= 0xff01 && code <= 0xff5e ? String.fromCodePoint(code - 0xfee0) : ch;
    if (half === '\u3000' || SEPARATORS.test(half)) continue;
    out += half.toLowerCase();
  }
  return out;
}

export class SensitiveWordMatcher {
  private readonly root = newNode();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      const key = normalise(word);
      if (!key) continue;
      let node = this.root;
      for (const ch of key) {
        let child = node.next.get(ch);
        if (!child) node.next.set(ch, (child = newNode()));
        node = child;
      }
      node.output.push(word.trim());
    }
    this.link();
  }

  /** The distinct listed words found in the text, in order of first appearance. */
  find(text: string): string[] {
    const found = new Set<string>();
    let node = this.root;
    for (const ch of normalise(text)) {
      while (node !== this.root && !node.next.has(ch)) node = node.fail!;
      node = node.next.get(ch) ?? this.root;
      for (const word of node.output) found.add(word);
    }
    return [...found];
  }

  private link(): void {
    const queue: Node[] = [];
    for (const child of this.root.next.values()) {
      child.fail = this.root;
      queue.push(child);
    }
    while (queue.length) {
      const node = queue.shift()!;
      for (const [ch, child] of node.next) {
        let fail = node.fail!;
        while (fail !== this.root && !fail.next.has(ch)) fail = fail.fail!;
        const target = fail.next.get(ch);
        child.fail = target && target !== child ? target : this.root;
        child.output.push(...child.fail.output);
        queue.push(child);
      }
    }
  }
}
