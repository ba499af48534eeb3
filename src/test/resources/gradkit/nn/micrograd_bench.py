# Times micrograd's demo step in the kit's Python reference engine (micrograd_reference.py, beside
# this file), on the files that `./kit bench --compare` writes: the same moons and the same initial
# weights as gradkit's benchmark. Usage: python3 micrograd_bench.py DIR STEPS
# Prints one line: steps=N median_ms=... best_ms=... loss0=... python=... (loss0: the loss of step 0).
import os, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import micrograd_reference as mg

folder, steps = sys.argv[1], int(sys.argv[2])
layers, params, X, Y = mg.load(os.path.join(folder, 'model0.json'), os.path.join(folder, 'data.json'))
times, loss0 = [], None
for k in range(steps):
    t0 = time.perf_counter()
    loss, acc = mg.step(layers, params, X, Y, k)
    times.append((time.perf_counter() - t0) * 1000)
    if k == 0:
        loss0 = loss
times.sort()
print('steps=%d median_ms=%.3f best_ms=%.3f loss0=%r python=%s' % (steps, times[len(times) // 2], times[0], loss0, sys.version.split()[0]))
