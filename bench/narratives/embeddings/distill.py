"""model2vec-style static token vectors from all-MiniLM-L6-v2: every vocabulary entry run
through the encoder alone ([CLS] tok [SEP]), mean-pooled; PCA; written as .npy."""
import os, sys, time
import numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import minilm
vocab = open(minilm.D + "/vocab.txt", encoding="utf-8").read().split("\n")[:30522]
N = len(vocab)
out = np.zeros((N, 384), np.float32)
t0 = time.time()
B = 1024
for s in range(0, N, B):
    ids = np.array([[101, i, 102] for i in range(s, min(N, s + B))], np.int64)
    mask = np.ones_like(ids)
    h = minilm.encode_ids(ids, mask)
    out[s:s + len(ids)] = h.mean(1)
print("forward", time.time() - t0, file=sys.stderr)
np.save(os.path.join(os.environ.get("OUT", "/tmp"), "static_raw.npy"), out)
