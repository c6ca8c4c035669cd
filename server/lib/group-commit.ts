/**
 * Group commit: items submitted while a flush is in flight wait and go together in the
 * next one, so N concurrent callers cost about one round trip each N instead of N. One
 * flush at a time; a flush takes at most `maxItems`, and never two items with the same
 * `key` (the later one waits for the next flush and sees the first one's outcome). Every
 * caller gets its own answer; a flush that throws rejects each of its callers with the
 * error, and the items that were waiting go in the next flush.
 */
export interface GroupCommit<Item, Answer> {
  submit: (item: Item) => Promise<Answer>;
}

interface Pending<Item, Answer> {
  item: Item;
  resolve: (answer: Answer) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit<Item, Answer>(options: {
  maxItems: number;
  key: (item: Item) => string;
  /** The answers, in the order of `items`. */
  flush: (items: Item[]) => Promise<Answer[]>;
}): GroupCommit<Item, Answer> {
  let queue: Array<Pending<Item, Answer>> = [];
  let flushing = false;

  const takeGroup = (): Array<Pending<Item, Answer>> => {
    const group: Array<Pending<Item, Answer>> = [];
    const keys = new Set<string>();
    const rest: Array<Pending<Item, Answer>> = [];
    for (const pending of queue) {
      const key = options.key(pending.item);
      if (group.length < options.maxItems && !keys.has(key)) {
        keys.add(key);
        group.push(pending);
      } else rest.push(pending);
    }
    queue = rest;
    return group;
  };

  const run = async () => {
    flushing = true;
    while (queue.length) {
      const group = takeGroup();
      try {
        const answers = await options.flush(group.map((pending) => pending.item));
        group.forEach((pending, index) => pending.resolve(answers[index]!));
      } catch (error) {
        for (const pending of group) pending.reject(error);
      }
    }
    flushing = false;
  };

  return {
    submit: (item) =>
      new Promise<Answer>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // Submissions of the same tick share the first flush.
        if (!flushing) {
          flushing = true;
          queueMicrotask(() => void run());
        }
      }),
  };
}
