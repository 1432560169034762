#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording of one benchmark (JDK 17's jfr has no 'view').

Usage: bench/jfr-top.py profile.jfr [N]
Prints the N (default 15) frames most often on top of the benchmark thread's stack (self time)
and the connector, SDK and Arrow methods most often anywhere on it (inclusive time), as % of
the benchmark thread's samples.
"""
import collections
import json
import subprocess
import sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", path],
                     capture_output=True, text=True, check=True).stdout
self_time, inclusive, samples = collections.Counter(), collections.Counter(), 0
for event in json.loads(out)["recording"]["events"]:
    stack = event["values"].get("stackTrace")
    if not stack:
        continue
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in stack["frames"]]
    if not any("_jmhTest" in n for n in names):
        continue  # JMH's own threads, JIT, GC
    samples += 1
    self_time[names[0]] += 1
    for n in set(names):
        inclusive[n] += 1
print(f"{samples} samples of the benchmark thread")
print("self:")
for name, count in self_time.most_common(top):
    print(f"  {100 * count / samples:5.1f}%  {name}")
print("inclusive:")
shown = 0
for name, count in inclusive.most_common():
    if name.startswith(("io.github.athenaddb.ddb", "com.amazonaws", "org.apache.arrow")) and shown < top:
        print(f"  {100 * count / samples:5.1f}%  {name}")
        shown += 1
