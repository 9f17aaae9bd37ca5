#!/usr/bin/python3
"""Markdown table from bench/lm/run.sh's RESULT lines: perplexities, words/s, ratios."""
import sys

rows = {}
header = ""
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("#"):
        header = line.strip("# \n")
    if not line.startswith("RESULT"):
        continue
    parts = line.rstrip("\n").split("\t")
    rows[parts[1]] = dict(p.split("=", 1) for p in parts[2:] if "=" in p)

kn5 = float(rows["kn5"]["test_ppl"]) if "kn5" in rows else None
torch_wps = float(rows["nnlm"]["train_words_per_s"]) if "nnlm" in rows else None
names = [("kn3", "Lexis Kneser-Ney 3-gram"), ("kn5", "Lexis Kneser-Ney 5-gram"),
         ("nnlm", "PyTorch NNLM (nnlm_torch.py)"), ("nnlm_softmax", "Lexis NNLM, full softmax"),
         ("mix_nnlm_kn5", "Lexis NNLM + KN5 mixture"), ("nnlm_hs", "Lexis NNLM, hierarchical softmax")]
print(f"Run: {header}\n")
print("| model | valid ppl | test ppl | vs KN5 | training words/s | vs PyTorch |")
print("|---|---|---|---|---|---|")
for key, label in names:
    r = rows.get(key)
    if not r:
        continue
    test = float(r["test_ppl"])
    rel = f"{100 * (test - kn5) / kn5:+.1f} %" if kn5 else ""
    wps = r.get("train_words_per_s")
    if key == "mix_nnlm_kn5":
        label += f" (weight {r.get('weight')})"
    ratio = f"{float(wps) / torch_wps:.2f}x" if wps and torch_wps else ""
    print(f"| {label} | {float(r['valid_ppl']):.1f} | {test:.1f} | {rel} | {float(wps):,.0f} | {ratio} |"
          if wps else f"| {label} | {float(r['valid_ppl']):.1f} | {test:.1f} | {rel} | | |")
if "nnlm_softmax" in rows and "nnlm_hs" in rows:
    s, h = rows["nnlm_softmax"], rows["nnlm_hs"]
    print(f"\nHierarchical softmax: {float(h['train_words_per_s']) / float(s['train_words_per_s']):.1f}x the training "
          f"words/s of the full softmax, test perplexity {float(h['test_ppl']):.1f} vs {float(s['test_ppl']):.1f} "
          f"({100 * (float(h['test_ppl']) / float(s['test_ppl']) - 1):+.1f} %).")
if "nnlm_softmax" in rows:
    s = rows["nnlm_softmax"]
    cpu = f", CPU {float(s['train_cpu_s']):,.0f} s" if "train_cpu_s" in s else ""
    print(f"\nLexis NNLM: {s.get('epochs_run')} epochs, training wall {float(s.get('train_s', 'nan')):,.0f} s{cpu}; "
          f"m={s.get('m')} h={s.get('h')} direct={s.get('direct')} {s.get('optimizer')} lr={s.get('lr')} "
          f"dropout={s.get('dropout', '0')} fofe={s.get('fofe', '0.0')} (K {s.get('fofe_window', '0')}) weight_decay={s.get('weight_decay', '0')} batch={s.get('batch')} "
          f"threads={s.get('threads')}.")
