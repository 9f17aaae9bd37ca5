#!/usr/bin/python3
"""Markdown tables from bench/nn/run.sh's outputs: report.py RESULTS_TXT GEMM_JMH_JSON...

GEMM: per shape, the median over all JMH iterations of all rounds (forks) against the median of PyTorch's
per-round medians; the load average at the start of each round is printed beside."""
import json
import statistics
import sys


def fields(line):
    return dict(part.split("=", 1) for part in line.split()[2:] if "=" in part)


def main(results, *jmh_jsons):
    with open(results) as f:
        lines = f.read().splitlines()
    print(lines[0])
    torch_gemm = {}
    loads = {}
    for l in lines:
        if l.startswith("RESULT torch_gemm"):
            torch_gemm.setdefault(fields(l)["shape"], []).append(float(fields(l)["gflops"]))
        elif l.startswith("# round"):
            parts = l.split()
            loads.setdefault(parts[3], []).append(parts[5])
    lexis_us = {}
    for path in jmh_jsons:
        with open(path) as f:
            for bench in json.load(f):
                lexis_us.setdefault(bench["params"]["shape"], []).extend(
                    x for it in bench["primaryMetric"]["rawData"] for x in it)
    print()
    print("| GEMM shape (m×k · k×n) | Lexis GFLOP/s | PyTorch GFLOP/s | ratio | rounds | load (1 min) at each round |")
    print("|---|---|---|---|---|---|")
    for shape in sorted(lexis_us, key=lambda s: list(loads).index(s) if s in loads else len(loads)):
        m, k, n = (int(x) for x in shape.split("x"))
        lexis = 2 * m * n * k / (statistics.median(lexis_us[shape]) * 1e-6) / 1e9
        theirs = statistics.median(torch_gemm[shape]) if shape in torch_gemm else float("nan")
        rounds = len(torch_gemm.get(shape, []))
        print(f"| {m}×{k} · {k}×{n} | {lexis:.1f} | {theirs:.1f} | {lexis / theirs:.2f} | {rounds} "
              f"| {', '.join(loads.get(shape, []))} |")
    runs = {}
    for l in lines:
        if l.startswith("RESULT lexis_mlp") or l.startswith("RESULT torch_mlp"):
            f = fields(l)
            key = (l.split()[1], f["mode"], f["threads"])
            runs.setdefault(key, []).append((float(f["examples_per_s"]), float(f["acc"])))
    print()
    print("| MR bag-of-words MLP | threads | examples/s (median of runs) | test acc | ratio vs PyTorch |")
    print("|---|---|---|---|---|")
    med = {k: (statistics.median(s for s, _ in v), statistics.median(a for _, a in v), len(v)) for k, v in runs.items()}
    pairs = [(("lexis_mlp", "sparse", "2"), ("torch_mlp", "bag", "2"), "EmbeddingBag(sparse) + Adagrad"),
             (("lexis_mlp", "sparse", "1"), ("torch_mlp", "bag", "2"), "EmbeddingBag(sparse) + Adagrad"),
             (("lexis_mlp", "sparse", "2"), ("torch_mlp", "dense", "2"), "Linear on counts + Adagrad"),
             (("lexis_mlp", "dense", "1"), ("torch_mlp", "dense", "2"), "Linear on counts + Adagrad")]
    for key in sorted(med):
        speed, acc, count = med[key]
        label = {"lexis_mlp": "Lexis", "torch_mlp": "PyTorch"}[key[0]] + " " + key[1]
        ratio = ""
        if key[0] == "lexis_mlp":
            ratio = "; ".join(f"{speed / med[t][0]:.2f}× vs PyTorch {t[1]}" for l, t, _ in pairs if l == key and t in med)
        print(f"| {label} | {key[2]} | {speed:,.0f} ({count} runs) | {100 * acc:.1f} % | {ratio} |")


if __name__ == "__main__":
    main(*sys.argv[1:])
