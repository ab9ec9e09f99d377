"""The numpy peer of `npm run bench:import`: load the same dataset files and run the same checks
(docs/math.md §10: max|rho - rho^H| <= 1e-6, |Tr rho - 1| <= 1e-6, lambda_min((rho+rho^H)/2) >= -1e-6,
batched with np.linalg.eigvalsh), printing one JSON line {file: seconds}. Usage: python3 bench_import_peer.py DIR FILE..."""
import json, sys, time
import numpy as np


def check(rho):
    herm = np.abs(rho - np.conj(np.swapaxes(rho, 1, 2))).max(axis=(1, 2)) <= 1e-6
    tr = np.abs(np.trace(rho, axis1=1, axis2=2) - 1) <= 1e-6
    lam = np.linalg.eigvalsh((rho + np.conj(np.swapaxes(rho, 1, 2))) / 2)
    return int((herm & tr & (lam[:, 0] >= -1e-6)).sum())


def load(path):
    if path.endswith('.npz'):
        z = np.load(path)
        return z['states'], z['labels']
    if path.endswith('.json'):
        with open(path) as f:
            data = json.load(f)
        st = np.array([s['re'] for s in data['states']]) + 1j * np.array([s['im'] for s in data['states']])
        return st, np.array(data['labels'])
    a = np.loadtxt(path, delimiter=',', skiprows=1)
    D2 = (a.shape[1] - 1) // 2
    d = int(round(D2 ** 0.5))
    return (a[:, :D2] + 1j * a[:, D2:2 * D2]).reshape(-1, d, d), a[:, -1].astype(int)


out = {}
for f in sys.argv[2:]:
    t = time.perf_counter()
    st, lab = load(f"{sys.argv[1]}/{f}")
    ok = check(st)
    out[f] = time.perf_counter() - t
    out[f + " accepted"] = ok
print(json.dumps(out))
