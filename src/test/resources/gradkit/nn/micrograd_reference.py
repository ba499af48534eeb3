# The reference numbers of TrainerTest.lossesMatchMicrograd: micrograd's Value (engine.py, the
# operations the demo needs) and the loss/update loop of its demo.ipynb, by Andrej Karpathy (MIT),
# run on the same data and the same initial weights as the Java test.
#
# Make the inputs with gradkit (moons seed 7, MLP.DEFAULT_SEED):
#   Moons.generate(100, 0.1, 7L) written as [[x0, x1, y], ...] to /tmp/nn/data.json
#   ModelJson.save(new MLP(2, 16, 16, 1), Path.of("/tmp/nn/model0.json"))
# then run: /usr/bin/python3 micrograd_reference.py   (pure Python, a few minutes)
import json
class Value:
    def __init__(self, data, _children=(), _op=''):
        self.data = data; self.grad = 0; self._backward = lambda: None; self._prev = set(_children); self._op = _op
    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), '+')
        def _backward():
            self.grad += out.grad; other.grad += out.grad
        out._backward = _backward; return out
    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), '*')
        def _backward():
            self.grad += other.data * out.grad; other.grad += self.data * out.grad
        out._backward = _backward; return out
    def relu(self):
        out = Value(0 if self.data < 0 else self.data, (self,), 'ReLU')
        def _backward():
            self.grad += (out.data > 0) * out.grad
        out._backward = _backward; return out
    def backward(self):
        topo = []; visited = set()
        def build(v):
            if v not in visited:
                visited.add(v)
                for c in v._prev: build(c)
                topo.append(v)
        build(self); self.grad = 1
        for v in reversed(topo): v._backward()
    def __neg__(self): return self * -1
    def __radd__(self, other): return self + other
    def __rmul__(self, other): return self * other

import sys; sys.setrecursionlimit(100000)

def load(model_path, data_path):
    """The network (layers of (weights, bias)), its parameters, and the data X, Y, from gradkit's files."""
    m = json.load(open(model_path))
    layers = [[([Value(w) for w in n['weights']], Value(n['bias'])) for n in L['neurons']] for L in m['layers']]
    params = [p for L in layers for (w, b) in L for p in w + [b]]
    data = json.load(open(data_path))
    return layers, params, [r[:2] for r in data], [r[2] for r in data]

def model(layers, x):
    for li, L in enumerate(layers):
        out = []
        for (w, b) in L:
            act = sum((wi*xi for wi, xi in zip(w, x)), b)
            out.append(act.relu() if li != len(layers) - 1 else act)
        x = out
    return x[0]

def step(layers, params, X, Y, k, steps=100):
    """One step of micrograd's demo loop: forward the full batch, hinge + L2, backward, SGD."""
    inputs = [list(map(Value, xrow)) for xrow in X]
    scores = [model(layers, x) for x in inputs]
    losses = [(1 + -yi*scorei).relu() for yi, scorei in zip(Y, scores)]
    data_loss = sum(losses) * (1.0 / len(losses))
    reg_loss = 1e-4 * sum((p*p for p in params))
    total_loss = data_loss + reg_loss
    acc = sum((yi > 0) == (s.data > 0) for yi, s in zip(Y, scores)) / len(Y)
    for p in params: p.grad = 0
    total_loss.backward()
    lr = 1.0 - 0.9*k/steps
    for p in params: p.data -= lr * p.grad
    return total_loss.data, acc

if __name__ == '__main__':
    layers, params, X, Y = load('/tmp/nn/model0.json', '/tmp/nn/data.json')
    for k in range(100):
        loss, acc = step(layers, params, X, Y, k)
        if k % 10 == 0 or k == 99: print(k, repr(loss), acc)
