#!/usr/bin/env python3
"""Independent second computation of fos families, comparisons, candidates and the
against-the-odds figures, written from docs/methodology.md in plain Python (standard library only,
all-pairs brute force), to check fos's csv/json output against.

usage: crosscheck.py KS4.csv CENSUS.csv FOS_OUTPUT [N=20] [THRESHOLD=1.0]
  FOS_OUTPUT: `fos families --format csv` (every row checked),
              `fos outperformers --format csv --no-robust` (the set of candidates checked), or
              `fos odds --format json` (quartile cuts, cross-tab and regression checked).
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

if fos_path.endswith('.json'):
    import json
    j = json.load(open(fos_path, encoding='utf-8'))
    ms = sorted(s['measure'] for s in schools)
    def q7(p):  # R type 7
        h = (len(ms) - 1) * p; lo = math.floor(h)
        return ms[lo] + (h - lo) * (ms[min(lo + 1, len(ms) - 1)] - ms[lo])
    cuts = [q7(.25), q7(.5), q7(.75)]
    quart = lambda x: 1 if x >= cuts[2] else 2 if x >= cuts[1] else 3 if x >= cuts[0] else 4
    edges = [0, 5, 9, 13, 21, 35, 50, 100]
    def band(f):
        for k in range(len(edges) - 2):
            if f < edges[k + 1]: return k
        return len(edges) - 2
    table = [[0] * 4 for _ in edges[:-1]]
    for s in schools: table[band(s['fsm'])][quart(s['measure']) - 1] += 1
    xs = [s['fsm'] for s in schools]; ys = [s['measure'] for s in schools]
    mx, my = sum(xs) / n, sum(ys) / n
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    icpt = my - slope * mx
    r2 = 1 - sum((y - icpt - slope * x) ** 2 for x, y in zip(xs, ys)) / sum((y - my) ** 2 for y in ys)
    got = [[r[f'q{k}'] for k in range(1, 5)] for r in j['tables']['crosstab']]
    ok = got == table
    import re
    m = re.search(r'= ([\d.]+) ([−+]) ([\d.]+) × %FSM; R² = ([\d.]+)', ' '.join(j['summary']))
    fslope = float(m.group(3)) * (-1 if m.group(2) == '−' else 1)
    ok = ok and abs(float(m.group(1)) - icpt) < 0.01 and abs(fslope - slope) < 0.001 and abs(float(m.group(4)) - r2) < 0.001
    print(f'quartile cuts {[round(c, 2) for c in cuts]}; crosstab {table}; line {icpt:.2f} {slope:+.3f}·FSM, R² {r2:.3f}: {"agree" if ok else "DIFFER"}')
    sys.exit(0 if ok else 1)

fos = {r['id']: r for r in rows(fos_path)}
if 'candidate' in next(iter(fos.values()), {}):
    got = {i for i, r in fos.items() if r['candidate'] == 'true'}
    want = {i for i, e in out.items() if e['candidate']}
    print(f'{len(want)} candidates by brute force, {len(got)} from fos, {len(got ^ want)} differ')
    sys.exit(1 if got ^ want else 0)
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
