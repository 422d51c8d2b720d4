#!/usr/bin/env python3
# Runs CatMAP (SUNCAT-Center/catmap, not part of cncouple) on a setup and writes its production rates and coverages
# as JSON for scripts/compareWithCatmap.ts. Usage: MPLBACKEND=Agg PYTHONPATH=<catmap checkout> python3 scripts/runCatmap.py setup.mkm out.json
# (needs ase, numpy, scipy, matplotlib, mpmath; Debian: apt-get install python3-ase python3-scipy python3-matplotlib python3-mpmath)
import sys, time, json
t0 = time.time()
from catmap import ReactionModel
t1 = time.time()
model = ReactionModel(setup_file=sys.argv[1])
model.output_variables += ['production_rate', 'coverage']
model.run()
t2 = time.time()
def dump(name):
    m = getattr(model, name + '_map')
    return [[list(map(float, d)), [float(v) for v in vals]] for d, vals in m]
json.dump({'importS': t1 - t0, 'runS': t2 - t1, 'labels': {k: list(model.output_labels[k]) for k in ['production_rate', 'coverage']},
           'production_rate': dump('production_rate'), 'coverage': dump('coverage')}, open(sys.argv[2], 'w'))
print('done', t1 - t0, t2 - t1)
