/**
 * Overlapping slots for the same interviewer. Slots are half-open intervals
 * [startsAt, endsAt): one ending at 10:00 and the next starting at 10:00 do
 * not overlap. Cancelled slots should not be passed in.
 */

export interface SlotTimes {
  /** an existing slot's id; proposed slots may have none */
  readonly id?: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly interviewers: readonly string[];
}

/** Where a slot comes from: `existing[index]` or `proposed[index]`. */
export interface SlotRef {
  readonly source: "existing" | "proposed";
  readonly index: number;
  readonly id?: string;
}

export interface InterviewerOverlap {
  readonly code: "interviewer_overlap";
  readonly interviewer: string;
  /** always a proposed slot */
  readonly slot: SlotRef;
  /** the slot it overlaps (existing, or another proposed slot earlier in the list) */
  readonly with: SlotRef;
}

interface Item {
  readonly start: number;
  readonly end: number;
  readonly ref: SlotRef;
}

/**
 * Every overlap between a proposed slot and an existing one, or between two
 * proposed slots, for an interviewer they share. Existing slots are not
 * checked against each other. Sorted by interviewer, then proposed index.
 * O(k log k) per interviewer, plus the overlaps found.
 */
export function findInterviewerOverlaps(existing: readonly SlotTimes[], proposed: readonly SlotTimes[]): InterviewerOverlap[] {
  const byInterviewer = new Map<string, Item[]>();
  const add = (s: SlotTimes, ref: SlotRef) => {
    for (const i of new Set(s.interviewers)) {
      let list = byInterviewer.get(i);
      if (!list) byInterviewer.set(i, (list = []));
      list.push({ start: s.startsAt.getTime(), end: s.endsAt.getTime(), ref });
    }
  };
  existing.forEach((s, index) => add(s, { source: "existing", index, ...(s.id !== undefined ? { id: s.id } : {}) }));
  proposed.forEach((s, index) => add(s, { source: "proposed", index, ...(s.id !== undefined ? { id: s.id } : {}) }));

  const out: InterviewerOverlap[] = [];
  for (const interviewer of [...byInterviewer.keys()].sort()) {
    const items = byInterviewer.get(interviewer)!;
    if (!items.some((x) => x.ref.source === "proposed")) continue;
    items.sort((a, b) => a.start - b.start || a.end - b.end);
    // sweep: `open` holds the items whose end is after the current start
    let open: Item[] = [];
    const found: InterviewerOverlap[] = [];
    for (const item of items) {
      open = open.filter((o) => o.end > item.start);
      for (const o of open) {
        if (item.ref.source === "existing" && o.ref.source === "existing") continue;
        const [p, other] = pairOrder(item, o);
        found.push({ code: "interviewer_overlap", interviewer, slot: p.ref, with: other.ref });
      }
      if (item.end > item.start) open.push(item);
    }
    found.sort(
      (a, b) => a.slot.index - b.slot.index || (a.with.source === b.with.source ? a.with.index - b.with.index : a.with.source === "existing" ? -1 : 1),
    );
    out.push(...found);
  }
  return out;
}

/** The proposed slot first; between two proposed, the later one in the list is reported against the earlier. */
function pairOrder(a: Item, b: Item): [Item, Item] {
  if (a.ref.source === "proposed" && b.ref.source === "existing") return [a, b];
  if (b.ref.source === "proposed" && a.ref.source === "existing") return [b, a];
  return a.ref.index > b.ref.index ? [a, b] : [b, a];
}
