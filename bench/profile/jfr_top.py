#!/usr/bin/env python3
"""Reads `jfr print --events jdk.ExecutionSample` output (files given, or stdin) and prints the
share of samples per top frame as a Markdown table; with --folded FILE also writes the stacks in
the folded format of flame-graph tools (root first, ';'-joined, a count per line)."""
import collections
import re
import sys


def samples(text):
    for event in text.split("jdk.ExecutionSample")[1:]:
        m = re.search(r"stackTrace = \[(.*?)\n\s*\]", event, re.S)
        if not m:
            continue
        frames = [re.sub(r"\s+line:.*", "", l.strip()) for l in m.group(1).strip().split("\n")
                  if l.strip() and not l.strip().startswith("...")]
        if frames:
            yield frames


def main(argv):
    folded_path = None
    if "--folded" in argv:
        i = argv.index("--folded")
        folded_path = argv[i + 1]
        del argv[i:i + 2]
    text = "".join(open(f).read() for f in argv) if argv else sys.stdin.read()
    top = collections.Counter()
    folded = collections.Counter()
    n = 0
    for frames in samples(text):
        n += 1
        top[frames[0]] += 1
        folded[";".join(reversed(frames))] += 1
    print(f"{n} samples\n\n| share | top frame |\n|---:|---|")
    for frame, c in top.most_common(15):
        print(f"| {100 * c / n:.1f} % | `{frame.replace('dev.rewire.backend.java.', '')}` |")
    if folded_path:
        with open(folded_path, "w") as f:
            for stack, c in folded.most_common():
                f.write(f"{stack} {c}\n")


if __name__ == "__main__":
    main(sys.argv[1:])
