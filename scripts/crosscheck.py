#!/usr/bin/env python3
"""Independent second computation of fos families, comparisons and candidates, written
from METHOD.md in plain Python (standard library only, all-pairs brute force), to check
`fos families --format csv` / `fos outperformers --format csv` against.

usage: crosscheck.py KS4.csv CENSUS.csv FOS_FAMILIES.csv [N=20] [THRESHOLD=1.0]
"""
import csv, math, statistics, sys

ks4_path, census_path, fos_path = sys.argv[1:4]
N = int(sys.argv[4]) if len(sys.argv) > 4 else 20
THRESHOLD = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0
MISSING = {'', 'NA', 'NE', 'NP', 'SUPP', 'LOWCOV', 'NEW', 'SP', 'RE', 'x', 'c', 'z', 'u', 's', ':', '..'}

def rows(path):
    with open(path, encoding='utf-8-sig', newline='') as f:
        return list(csv.DictReader(f))

def num(v):
    v = (v or '').strip()
    if v in MISSING: return None
    return float(v.rstrip('%'))

census = {r['URN']: r for r in rows(census_path)}
schools = []
for r in rows(ks4_path):
    if not r['URN'].strip() or r['RECTYPE'] in ('2', '4', '5', '7'): continue
    c = census.get(r['URN'])
    if c is None: continue
    m, f, t = num(r['ATT8SCR']), num(c['PNUMFSMEVER']), num(r['TPUP'])
    if m is None or f is None or (t is not None and t < 11): continue
    schools.append({'id': r['URN'], 'fsm': f, 'measure': m})

n = len(schools)
mean = sum(s['fsm'] for s in schools) / n
sd = statistics.stdev(s['fsm'] for s in schools)
for s in schools: s['z'] = (s['fsm'] - mean) / sd
key = lambda s: (int(s['id']),)

def same(a, b): return abs(a - b) <= 1e-9 * max(a, b)

out = {}
for s in schools:
    others = sorted(((abs(o['z'] - s['z']), int(o['id']), o) for o in schools if o is not s), key=lambda t: (t[0], t[1]))
    fam, i = [], 0
    while i < len(others) and len(fam) < N - 1:
        j = i
        while j < len(others) and same(others[j][0], others[i][0]): j += 1
        group = sorted(others[i:j], key=lambda t: t[1])
        fam += [g[2] for g in group[:N - 1 - len(fam)]]
        i = j
    vals = [o['measure'] for o in fam]
    med = statistics.median(vals); mu = statistics.mean(vals); sdv = statistics.stdev(vals)
    x = s['measure']
    z = (x - mu) / sdv if sdv > 0 else None
    rank = 1 + sum(1 for v in vals if v > x)
    pct = (sum(1 for v in vals if v < x) + 0.5 * sum(1 for v in vals if v == x)) / len(vals) * 100
    label = None if z is None else 'well above' if z >= 1 else 'above' if z >= 0.5 else 'close to' if z > -0.5 else 'below' if z > -1 else 'well below'
    out[s['id']] = dict(median=med, mean=mu, sd=sdv, gap=x - med, z=z, rank=f'{rank}/{len(fam)+1}', pct=pct, label=label,
                        candidate=z is not None and z >= THRESHOLD, members={o['id'] for o in fam})

fos = {r['id']: r for r in rows(fos_path)}
assert set(fos) == set(out), f'different schools: {len(set(fos) ^ set(out))}'
bad = 0
for sid, e in out.items():
    r = fos[sid]
    checks = [abs(float(r['family_median']) - e['median']) < 1e-3, abs(float(r['family_mean']) - e['mean']) < 1e-3,
              abs(float(r['family_sd']) - e['sd']) < 1e-3, abs(float(r['gap']) - e['gap']) < 1e-3,
              (r['z'] == '' and e['z'] is None) or abs(float(r['z']) - e['z']) < 1e-3,
              r['rank'] == e['rank'], abs(float(r['percentile']) - e['pct']) < 1e-3, (r['label'] or None) == e['label']]
    if 'candidate' in r: checks.append((r['candidate'] == 'true') == e['candidate'])
    if not all(checks):
        bad += 1
        if bad < 5: print('MISMATCH', sid, r, e)
print(f'{n} eligible schools; {len(out) - bad} agree, {bad} differ; candidates: {sum(e["candidate"] for e in out.values())}')
sys.exit(1 if bad else 0)
