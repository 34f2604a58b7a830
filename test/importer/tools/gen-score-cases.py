# Regenerates test/fixtures/protocols/score-cases.json: predictions scored by score.py itself,
# against which test/importer/score.test.ts checks the TypeScript port.
#   python3 test/importer/tools/gen-score-cases.py
import json, random, copy, subprocess, sys, importlib.util, io, contextlib
spec = importlib.util.spec_from_file_location('score', '/work/shared/protocol-import/score.py')
score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)
from difflib import SequenceMatcher
random.seed(7)
base = '/work/main/test/fixtures/protocols/'
golds = ['000_d52ea5183769047d', '002_31134faffb5b5d71', '003_fa8ff7ff392d754a']
cases = []
def run(gold_name, pred):
    gp = base + gold_name + '.expected.json'
    with open('/tmp/score-case-pred.json', 'w') as f: json.dump(pred, f, ensure_ascii=False)
    out = io.StringIO()
    with contextlib.redirect_stdout(out): score.main(gp, '/tmp/score-case-pred.json')
    return out.getvalue().strip().split('\n')
def mutate(d, r):
    d = copy.deepcopy(d)
    ops = r.sample(range(10), r.randint(1, 4))
    for op in ops:
        items = d['items']
        if op == 0 and items: items.pop(r.randrange(len(items)))
        if op == 1 and items:
            it = r.choice(items); it['title'] = it['title'][: max(1, len(it['title']) * 2 // 3)]
        if op == 2 and items:
            it = r.choice(items); it['kind'] = r.choice(['decision', 'information', None])
        if op == 3 and items:
            it = r.choice(items); it['written'] = not it['written']
        if op == 4:
            for it in items:
                for dd in it['decisions']:
                    t = dd['text']; dd['text'] = t[: r.randint(0, len(t))] + ' extra words here' * r.randint(0, 3)
        if op == 5:
            for lst in d['attendance'].values():
                if lst and r.random() < .5: lst.pop()
                for p in lst: p['name'] = p['name'].replace('a', 'e') if r.random() < .3 else p['name']
        if op == 6:
            d[r.choice(['body', 'date', 'diaryNumber', 'place'])] = r.choice([None, 'Något annat', 'Samråd vård'])
        if op == 7 and items:
            it = r.choice(items); it['presenters'] = it['presenters'][:1] + [{'name': 'Okänd Person', 'title': None}]
        if op == 8 and items:
            it = r.choice(items); it['number'] = str(it['number']) if r.random() < .5 else it['number'] + 100
        if op == 9 and items:
            it = r.choice(items); it['assignments'].append({'to': 'Någon grupp', 'text': 'x'})
    return d
r = random.Random(11)
for g in golds:
    gold = json.load(open(base + g + '.expected.json'))
    cases.append({'gold': g, 'pred': gold, 'expected': run(g, gold)})
    cases.append({'gold': g, 'pred': {}, 'expected': run(g, {})})
    for k in range(12):
        p = mutate(gold, r)
        cases.append({'gold': g, 'pred': p, 'expected': run(g, p)})
ratios = []
alpha = 'ab cde'
for k in range(40):
    n = r.choice([5, 50, 199, 200, 250, 600]); m = r.choice([5, 60, 200, 300, 700])
    a = ''.join(r.choice(alpha) for _ in range(n)); b = ''.join(r.choice(alpha) for _ in range(m))
    if k % 3 == 0: b = a[: n // 2] + b[: m // 2]
    ratios.append({'a': a, 'b': b, 'ratio': SequenceMatcher(None, a, b).ratio()})
ex = json.load(open(base + '002_31134faffb5b5d71.expected.json'))
texts = [d['text'] for it in ex['items'] for d in it['decisions']]
for t in texts:
    a = score.norm(t); b = score.norm(t[: len(t) // 2] + ' något annat ' + t[len(t) // 2 :])
    ratios.append({'a': a, 'b': b, 'ratio': SequenceMatcher(None, a, b).ratio()})
json.dump({'scores': cases, 'ratios': ratios}, open(base + 'score-cases.json', 'w'), ensure_ascii=False, indent=0)
print(len(cases), len(ratios))
