#!/usr/bin/python3
"""Markdown tables from bench/nn/run.sh's outputs: report.py GEMM_JMH_JSON RESULTS_TXT."""
import json
import statistics
import sys


def fields(line):
    return dict(part.split("=", 1) for part in line.split()[2:] if "=" in part)


def main(jmh_json, results):
    with open(results) as f:
        lines = f.read().splitlines()
    print(lines[0])
    torch_gemm = {fields(l)["shape"]: float(fields(l)["gflops"]) for l in lines if l.startswith("RESULT torch_gemm")}
    print()
    print("| GEMM shape (m×k · k×n) | Lexis GFLOP/s | PyTorch GFLOP/s | ratio |")
    print("|---|---|---|---|")
    with open(jmh_json) as f:
        for bench in json.load(f):
            shape = bench["params"]["shape"]
            m, k, n = (int(x) for x in shape.split("x"))
            us = statistics.median(x for it in bench["primaryMetric"]["rawData"] for x in it)
            lexis = 2 * m * n * k / (us * 1e-6) / 1e9
            theirs = torch_gemm.get(shape, float("nan"))
            print(f"| {m}×{k} · {k}×{n} | {lexis:.1f} | {theirs:.1f} | {lexis / theirs:.2f} |")
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
