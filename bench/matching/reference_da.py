"""A simple applicant-proposing deferred acceptance in plain Python: the baseline of issue #20 item 5
("jip match" end to end against a straightforward script on the same instance file).
Usage: python3 reference_da.py instance.json result.json
Reads the platform's instance format (applicants and hosts with preferences and capacities; regional caps
are not used by the benchmark's 13,000 x 300 x 10 instance) and writes {"matches": [[applicant, host], ...]}."""
import json
import sys
from collections import deque


def main(in_path, out_path):
    with open(in_path, encoding="utf-8") as f:
        inst = json.load(f)
    capacity = {h["id"]: h["capacity"] for h in inst["hosts"]}
    rank = {h["id"]: {a: i for i, a in enumerate(h["preferences"])} for h in inst["hosts"]}
    prefs = {a["id"]: a["preferences"] for a in inst["applicants"]}
    nxt = {a: 0 for a in prefs}
    held = {h: [] for h in capacity}  # (rank, applicant)
    free = deque(prefs)
    while free:
        a = free.popleft()
        p = prefs[a]
        while nxt[a] < len(p):
            h = p[nxt[a]]
            nxt[a] += 1
            r = rank.get(h, {}).get(a)
            if r is None or capacity.get(h, 0) == 0:
                continue
            lst = held[h]
            if len(lst) < capacity[h]:
                lst.append((r, a))
                break
            worst = max(lst)
            if r < worst[0]:
                lst.remove(worst)
                lst.append((r, a))
                free.append(worst[1])
                break
    matches = sorted([a, h] for h, lst in held.items() for _, a in lst)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump({"matches": matches}, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
