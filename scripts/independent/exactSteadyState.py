"""Independent check of the TypeScript solver: exact mean-field steady state at 60 digits (mpmath), log variables,
damped Newton, from a JSON dump of a model's rate constants (scripts/independent/dumpRateConstants.ts). Prints coverages, free sites, TOFs and the
relative difference of the tool's TOFs. Newton starts from the tool's own state (d['tool']['state']): this checks
that the tool's state is a root to 60 digits and its TOFs are that root's, not that it is the only steady state
(a multistable model needs other starts). Read 'newton iterations' and 'residual' first: 199 iterations or a
residual above 1e-40 means this check did not converge and its numbers are not a reference."""
import json, sys
import mpmath as mp
mp.mp.dps = 60
d = json.load(sys.stdin)
n = len(d['adsorbates']); S = len(d['sites']); steps = d['steps']
def rates(u):
    th = [mp.e**u[i] for i in range(n)]; fr = [mp.e**u[n+s] for s in range(S)]
    out = []
    for st in steps:
        f = mp.mpf(st['kf'])*st['reactActivity']
        for a, nu in zip(st['reactAds'], st['reactAdsNu']): f *= th[a]**nu
        for s, nu in zip(st['reactFree'], st['reactFreeNu']): f *= fr[s]**nu
        r = mp.mpf(st['kr'])*st['prodActivity']
        for a, nu in zip(st['prodAds'], st['prodAdsNu']): r *= th[a]**nu
        for s, nu in zip(st['prodFree'], st['prodFreeNu']): r *= fr[s]**nu
        out.append((f, r))
    return th, fr, out
def F(u):
    th, fr, rr = rates(u)
    res = []
    for k in range(n):
        prod = mp.mpf(0); cons = mp.mpf(0)
        for j, st in enumerate(steps):
            nu = 0
            for a, v in zip(st['reactAds'], st['reactAdsNu']):
                if a == k: nu -= v
            for a, v in zip(st['prodAds'], st['prodAdsNu']):
                if a == k: nu += v
            if nu == 0: continue
            f, r = rr[j]
            if nu > 0: prod += nu*f; cons += nu*r
            else: prod += -nu*r; cons += -nu*f
        res.append(mp.log(prod) - mp.log(cons))   # log balance: exact zero at steady state
    for s in range(S):
        tot = fr[s] + sum(th[k] for k in range(n) if d['adsorbateSite'][k] == s)
        res.append(mp.log(tot))
    return res
u = [mp.log(max(mp.mpf(x), mp.mpf('1e-300'))) for x in d['tool']['state']]
for it in range(200):
    f0 = F(u); norm = max(abs(x) for x in f0)
    if norm < mp.mpf('1e-40'): break
    N = len(u); J = mp.matrix(N, N); h = mp.mpf('1e-25')
    for c in range(N):
        up = list(u); up[c] += h; fc = F(up)
        for r_ in range(N): J[r_, c] = (fc[r_]-f0[r_])/h
    du = mp.lu_solve(J, mp.matrix([-x for x in f0]))
    lam = mp.mpf(1)
    for _ in range(60):
        un = [u[i] + lam*du[i] for i in range(N)]
        try:
            if max(abs(x) for x in F(un)) < norm*(1-mp.mpf('1e-4')*lam): break
        except Exception: pass
        lam /= 2
    u = un
print('newton iterations', it, 'residual', mp.nstr(norm, 3))
th, fr, rr = rates(u)
for k in range(n): print('  theta', d['adsorbates'][k], mp.nstr(th[k], 8), ' tool', d['tool']['coverages'][d['adsorbates'][k]])
for s in range(S): print('  free', d['sites'][s], mp.nstr(fr[s], 8), ' tool', d['tool']['freeSites'][d['sites'][s]])
tof = {}
for j, st in enumerate(steps):
    net = rr[j][0]-rr[j][1]
    for sp, nu in st['speciesNet']:
        tof[sp] = tof.get(sp, 0) + nu*net
for sp, v in tof.items():
    name = d['species'][sp]; t = d['tool']['tofPerS'].get(name)
    rel = abs((mp.mpf(t)-v)/v) if (t is not None and v != 0) else None
    print('  TOF', name, mp.nstr(v, 13), ' tool', t, ' rel.diff', mp.nstr(rel, 3) if rel is not None else '-')
