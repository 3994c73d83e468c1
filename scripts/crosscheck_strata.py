#!/usr/bin/env python3
"""Independent second computation of families within strata (--match) with weighted
context variables, written from docs/methodology.md and README "Strata" in plain Python
(standard library only, all-pairs brute force), to check `fos families --format json`'s
member ids against.

usage: crosscheck_strata.py KS4FINAL.csv FOS_JSON VAR=COL:WEIGHT,... [N=20] [MATCH=ADMPOL]
  e.g. crosscheck_strata.py 815_2018_ks4final.csv out.json prior=KS2APS:0.66,fsm=PTFSM6CLA1A:0.2,eal=PTEALGRP2:0.1
  (% FSM and the context from the attainment file itself; ADMPOL SEL = selective, else not).
Prints how many families were checked, and any that differ or mix strata; exit 1 if any.
"""
import csv, json, math, statistics, sys

ks4_path, fos_path, spec = sys.argv[1:4]
N = int(sys.argv[4]) if len(sys.argv) > 4 else 20
MATCH = sys.argv[5] if len(sys.argv) > 5 else 'ADMPOL'
MISSING = {'', 'NA', 'NE', 'NP', 'SUPP', 'LOWCOV', 'NEW', 'SP', 'RE', 'x', 'c', 'z', 'u', 's', ':', '..'}
VARS = [(v.split('=')[0], v.split('=')[1].split(':')[0], float(v.split(':')[1])) for v in spec.split(',')]

def num(v):
    v = (v or '').strip()
    if v in MISSING: return None
    return float(v.rstrip('%'))

with open(ks4_path, encoding='utf-8-sig', newline='') as f:
    rows = list(csv.DictReader(f))
schools = []
for r in rows:
    if not (r.get('URN') or '').strip() or r.get('RECTYPE') in ('2', '4', '5', '7'): continue
    m, t = num(r.get('ATT8SCR')), num(r.get('TPUP'))
    ctx = [num(r.get(col)) for _, col, _ in VARS]
    fsm = num(r.get('PTFSM6CLA1A'))
    if m is None or fsm is None or any(c is None for c in ctx) or (t is not None and t < 11): continue
    stratum = 'selective' if (r.get(MATCH) or '').strip().upper() == 'SEL' else 'non-selective'
    schools.append({'id': r['URN'].strip(), 'ctx': ctx, 'stratum': stratum})

# Standardised over all eligible schools of the year (not per stratum), weighted.
for d, (_, _, w) in enumerate(VARS):
    xs = [s['ctx'][d] for s in schools]
    mu, sd = statistics.mean(xs), statistics.stdev(xs)
    for s in schools: s.setdefault('z', []).append(math.sqrt(w) * ((s['ctx'][d] - mu) / sd if sd > 0 else 0))

def same(a, b): return abs(a - b) <= 1e-9 * max(a, b)
def dist(a, b): return math.sqrt(sum((x - y) ** 2 for x, y in zip(a['z'], b['z'])))

want = {}
for s in schools:
    others = sorted(((dist(s, o), int(o['id']), o) for o in schools if o is not s and o['stratum'] == s['stratum']), key=lambda t: (t[0], t[1]))
    fam, i = [], 0
    while i < len(others) and len(fam) < N - 1:
        j = i
        while j < len(others) and same(others[j][0], others[i][0]): j += 1
        group = sorted(others[i:j], key=lambda t: t[1])
        fam += [g[2]['id'] for g in group[:N - 1 - len(fam)]]
        i = j
    want[s['id']] = sorted(fam)

got = {r['id']: r['members'].split(' ') for r in json.load(open(fos_path))['tables']['families']}
stratum = {s['id']: s['stratum'] for s in schools}
bad = 0
for sid, members in got.items():
    if members[0] != sid or sorted(members[1:]) != want.get(sid):
        bad += 1; print('differs:', sid, members, want.get(sid))
    if len({stratum[m] for m in members}) > 1:
        bad += 1; print('mixes strata:', sid)
if set(got) != set(want): bad += 1; print('schools differ:', sorted(set(got) ^ set(want)))
sizes = {}
for s in schools: sizes[s['stratum']] = sizes.get(s['stratum'], 0) + 1
print(f'{len(got)} families checked ({", ".join(f"{k} {v}" for k, v in sorted(sizes.items()))}); {bad} problems')
sys.exit(1 if bad else 0)
